#include "store/registers_loader.h"

#include "store/area_store.h"
#include "store/page_anchors.h"
#include "store/school_store.h"
#include "store/student_store.h"
#include "store/teacher_store.h"

namespace edu {
namespace {

std::optional<int64_t> opt(const Row& r, size_t i) {
  return r.is_null(i) ? std::nullopt : std::optional<int64_t>(r.integer(i));
}
Date date(const Row& r, size_t i) { return parse_iso_date(r.text(i)).value_or(Date{}); }
int year(const Row& r, size_t i) { return static_cast<int>(r.integer(i)); }

// Every row `sql` selects, each made by `make`.
template <class Record, class Make>
Status read_all(Database& db, const char* sql, std::vector<Record>& out, Make make) {
  auto rows = db.query(sql);
  if (!rows.ok()) return rows.status();
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(make(r));
  return Status::Ok();
}

// Every register of `r`, in the order their keys need: classes name head
// teachers, so teachers go in before classes.
Status insert_registers(Database& db, const Registers& r) {
  Status s = insert_areas(db, r.areas);
  if (s.ok()) s = insert_schools(db, r.schools);
  if (s.ok()) s = insert_teachers(db, r.teachers);
  if (s.ok())
    s = insert_all(db, "teacher_years",
                   {"teacher_id", "school_year", "school_id", "section", "post", "education", "title",
                    "subject", "backbone", "on_staff"},
                   r.teacher_years, [](const TeacherYear& y) -> std::vector<Value> {
                     return {y.teacher_id, int64_t{y.school_year}, y.school_id, y.section,
                             y.post,       y.education, y.title, y.subject, y.backbone,
                             int64_t{y.on_staff}};
                   });
  if (s.ok()) s = insert_classes(db, r.classes);
  if (s.ok()) s = insert_students(db, r.students);
  if (s.ok())
    s = insert_all(db, "enrolments", {"student_id", "school_year", "school_id", "class_id", "grade", "status"},
                   r.enrolments, [](const Enrolment& e) -> std::vector<Value> {
                     return {e.student_id, int64_t{e.school_year}, e.school_id,
                             e.class_id,   int64_t{e.grade},       e.status};
                   });
  if (s.ok()) s = insert_conditions(db, r.conditions);
  return s;
}

}  // namespace

Status refresh_statistics(Database& db, const std::vector<std::string>& tables) {
  if (db.dialect() != Dialect::kPostgres) return Status::Ok();
  std::string sql = "ANALYZE";
  for (size_t i = 0; i < tables.size(); ++i) sql += (i ? ", " : " ") + tables[i];
  return db.exec_script(sql);
}

Status load_registers(Database& db, const Registers& r) {
  const std::vector<std::string> tables = {"areas",   "schools",  "teachers",   "teacher_years",
                                           "classes", "students", "enrolments", "conditions"};
  {
    Transaction tx(db);
    if (!tx.begun().ok()) return tx.begun();
    // The keys are checked once, after the last row (Database::keys_checked_after).
    Status s = db.keys_checked_after(tables, [&] { return insert_registers(db, r); });
    for (const char* table : {"areas", "schools", "teachers", "classes", "students"})
      if (s.ok()) s = db.ids_written(table);
    if (s.ok()) s = tx.commit();
    if (!s.ok()) return s;
  }
  // The rows loaded move no registers version (they are not audited): kept pages would not see them.
  PageAnchorCache::shared().forget(db.location());
  return refresh_statistics(db, tables);
}

namespace {

// Schools, teachers and teacher_years into `r`.
Status read_schools_and_staff(Database& db, Registers& r) {
  Status s = read_all(db,
                 "SELECT id, code, name, kind, ownership, location, area_id, parent_school_id, "
                 "address, principal, phone, founded_year, weak FROM schools ORDER BY id",
                 r.schools, [](const Row& x) {
                   return School{x.integer(0), x.text(1),  x.text(2),  x.text(3),
                                 x.text(4),    x.text(5),  x.integer(6), opt(x, 7),
                                 x.text(8),    x.text(9),  x.text(10), year(x, 11),
                                 x.integer(12) != 0};
                 });
  if (s.ok())
    s = read_all(db,
                 "SELECT id, id_number, name, gender, birth_date, school_id, post, education, title, "
                 "subject, backbone, section, on_staff, hired_on FROM teachers ORDER BY id",
                 r.teachers, [](const Row& x) {
                   return Teacher{x.integer(0), x.text(1),  x.text(2),  x.text(3),  date(x, 4),
                                  x.integer(5), x.text(6),  x.text(7),  x.text(8),  x.text(9),
                                  x.text(10),   x.text(11), x.integer(12) != 0, date(x, 13)};
                 });
  if (s.ok())
    s = read_all(db,
                 "SELECT teacher_id, school_year, school_id, section, post, education, title, "
                 "subject, backbone, on_staff FROM teacher_years ORDER BY teacher_id, school_year",
                 r.teacher_years, [](const Row& x) {
                   return TeacherYear{x.integer(0), year(x, 1), x.integer(2), x.text(3), x.text(4),
                                      x.text(5),    x.text(6),  x.text(7),    x.text(8),
                                      x.integer(9) != 0};
                 });
  return s;
}

}  // namespace

Result<Registers> read_registers(Database& db) {
  Registers r;
  Status s = read_all(db, "SELECT id, parent_id, code, name, level FROM areas ORDER BY id", r.areas,
                      [](const Row& x) {
                        return Area{x.integer(0), opt(x, 1), x.text(2), x.text(3), x.text(4)};
                      });
  if (s.ok()) s = read_schools_and_staff(db, r);
  if (s.ok())
    s = read_all(db,
                 "SELECT id, school_id, school_year, section, grade, class_no, name, head_teacher_id "
                 "FROM classes ORDER BY id",
                 r.classes, [](const Row& x) {
                   return SchoolClass{x.integer(0), x.integer(1), year(x, 2), x.text(3),
                                      year(x, 4),   year(x, 5),   x.text(6), opt(x, 7)};
                 });
  if (s.ok())
    s = read_all(db,
                 "SELECT id, id_number, name, gender, birth_date, ethnicity, school_id, class_id, "
                 "status, enrolled_on, household, left_behind, disabled FROM students ORDER BY id",
                 r.students, [](const Row& x) {
                   return Student{x.integer(0), x.text(1),  x.text(2),        x.text(3),
                                  date(x, 4),   x.text(5),  x.integer(6),     opt(x, 7),
                                  x.text(8),    date(x, 9), x.text(10),       x.integer(11) != 0,
                                  x.integer(12) != 0};
                 });
  if (s.ok())
    s = read_all(db,
                 "SELECT student_id, school_year, school_id, class_id, grade, status FROM enrolments "
                 "ORDER BY student_id, school_year",
                 r.enrolments, [](const Row& x) {
                   return Enrolment{x.integer(0), year(x, 1), x.integer(2), x.integer(3), year(x, 4),
                                    x.text(5)};
                 });
  if (s.ok())
    s = read_all(db,
                 "SELECT school_id, school_year, building_area, teaching_area, sports_area, "
                 "equipment_value, books, computers, multimedia_rooms FROM conditions "
                 "ORDER BY school_id, school_year",
                 r.conditions, [](const Row& x) {
                   return Conditions{x.integer(0), year(x, 1), x.real(2),    x.real(3),   x.real(4),
                                     x.real(5),    x.integer(6), x.integer(7), x.integer(8)};
                 });
  if (!s.ok()) return s;
  return r;
}

Result<Registers> read_staff(Database& db) {
  Registers r;
  Status s = read_schools_and_staff(db, r);
  if (!s.ok()) return s;
  return r;
}

}  // namespace edu
