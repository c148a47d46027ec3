#include "store/registers_loader.h"


namespace edu {
namespace {

Value opt(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(nullptr); }


}  // namespace

Status load_registers(Database& db, const Registers& r) {
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  // Classes name head teachers, so teachers go in before classes.
  Status s = run_for_each(db, "INSERT INTO areas (id, parent_id, code, name, level) VALUES (?,?,?,?,?)",
                        r.areas, [](const Area& a) -> std::vector<Value> {
                          return {a.id, opt(a.parent_id), a.code, a.name, a.level};
                        });
  if (s.ok())
    s = run_for_each(db,
                     "INSERT INTO schools (id, code, name, kind, ownership, location, area_id, "
                     "parent_school_id, address, principal, phone, founded_year) VALUES "
                     "(?,?,?,?,?,?,?,?,?,?,?,?)",
                     r.schools, [](const School& x) -> std::vector<Value> {
                       return {x.id,        x.code,     x.name,     x.kind,
                               x.ownership, x.location, x.area_id,  opt(x.parent_school_id),
                               x.address,   x.principal, x.phone,   int64_t{x.founded_year}};
                     });
  if (s.ok())
    s = run_for_each(db,
                      "INSERT INTO teachers (id, id_number, name, gender, birth_date, school_id, "
                      "post, education, title, subject, backbone, on_staff, hired_on, section) "
                      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      r.teachers, [](const Teacher& t) -> std::vector<Value> {
                        return {t.id,        t.id_number, t.name,    t.gender,
                                t.birth_date.iso(), t.school_id, t.post, t.education,
                                t.title,     t.subject,   t.backbone, int64_t{t.on_staff},
                                t.hired_on.iso(), t.section};
                      });
  if (s.ok())
    s = run_for_each(db,
                     "INSERT INTO teacher_years (teacher_id, school_year, school_id, section, post, "
                     "education, title, subject, backbone, on_staff) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     r.teacher_years, [](const TeacherYear& y) -> std::vector<Value> {
                       return {y.teacher_id, int64_t{y.school_year}, y.school_id, y.section,
                               y.post,       y.education, y.title, y.subject, y.backbone,
                               int64_t{y.on_staff}};
                     });
  if (s.ok())
    s = run_for_each(db,
                          "INSERT INTO classes (id, school_id, school_year, section, grade, "
                          "class_no, name, head_teacher_id) VALUES (?,?,?,?,?,?,?,?)",
                          r.classes, [](const SchoolClass& c) -> std::vector<Value> {
                            return {c.id,          c.school_id,        int64_t{c.school_year},
                                    c.section,     int64_t{c.grade},   int64_t{c.class_no},
                                    c.name,        opt(c.head_teacher_id)};
                          });
  if (s.ok())
    s = run_for_each(db,
                      "INSERT INTO students (id, id_number, name, gender, birth_date, ethnicity, "
                      "school_id, class_id, status, enrolled_on, household, left_behind, "
                      "disabled) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      r.students, [](const Student& x) -> std::vector<Value> {
                        return {x.id,        x.id_number,          x.name,
                                x.gender,    x.birth_date.iso(),   x.ethnicity,
                                x.school_id, opt(x.class_id),      x.status,
                                x.enrolled_on.iso(), x.household,  int64_t{x.left_behind},
                                int64_t{x.disabled}};
                      });
  if (s.ok())
    s = run_for_each(db,
                        "INSERT INTO enrolments (student_id, school_year, school_id, class_id, "
                        "grade, status) VALUES (?,?,?,?,?,?)",
                        r.enrolments, [](const Enrolment& e) -> std::vector<Value> {
                          return {e.student_id, int64_t{e.school_year}, e.school_id,
                                  e.class_id,   int64_t{e.grade},       e.status};
                        });
  if (s.ok())
    s = run_for_each(db,
                         "INSERT INTO conditions (school_id, school_year, building_area, "
                         "teaching_area, sports_area, equipment_value, books, computers, "
                         "multimedia_rooms) VALUES (?,?,?,?,?,?,?,?,?)",
                         r.conditions, [](const Conditions& c) -> std::vector<Value> {
                           return {c.school_id,     int64_t{c.school_year}, c.building_area,
                                   c.teaching_area, c.sports_area,          c.equipment_value,
                                   c.books,         c.computers,            c.multimedia_rooms};
                         });
  if (!s.ok()) return s;
  return tx.commit();
}

}  // namespace edu
