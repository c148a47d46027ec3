#include "store/snapshot_loader.h"

#include "analytics/snapshot_builder.h"

namespace edu {
namespace {

// Every row of `sql`, streamed (Database::query_each), each made by `make`
// and appended to `out`.
template <class Record, class Make>
Status read_each(Database& db, std::string_view sql, std::vector<Record>& out, Make make) {
  return db.query_each(sql, [&](const Row& x) {
    out.push_back(make(x));
    return Status::Ok();
  });
}

Status load_places(Database& db, Registers& r) {
  Status s = read_each(db, "SELECT id, parent_id, code, name, level FROM areas ORDER BY id", r.areas,
                       [](const Row& x) {
                         return Area{x.integer(0), x.is_null(1) ? std::nullopt : std::optional(x.integer(1)),
                                     x.text(2), x.text(3), x.text(4)};
                       });
  if (!s.ok()) return s;
  return read_each(db, "SELECT id, code, name, kind, location, area_id FROM schools ORDER BY id", r.schools,
                   [](const Row& x) {
                     School s;
                     s.id = x.integer(0);
                     s.code = x.text(1);
                     s.name = x.text(2);
                     s.kind = x.text(3);
                     s.location = x.text(4);
                     s.area_id = x.integer(5);
                     return s;
                   });
}

// Classes by id: the same dense indexes on both engines. Enrolments in any
// order: the builder puts them in (student, year) order, which costs less
// than an ordered index scan of the whole table on either engine.
Status load_classes_and_enrolments(Database& db, Registers& r) {
  Status s = read_each(db, "SELECT id, school_id, school_year, section, grade FROM classes ORDER BY id", r.classes,
                       [](const Row& x) {
                         SchoolClass c;
                         c.id = x.integer(0);
                         c.school_id = x.integer(1);
                         c.school_year = static_cast<int>(x.integer(2));
                         c.section = x.text(3);
                         c.grade = static_cast<int>(x.integer(4));
                         return c;
                       });
  if (!s.ok()) return s;
  return read_each(db, "SELECT student_id, school_year, school_id, class_id, grade, status FROM enrolments",
                   r.enrolments, [](const Row& x) {
                     return Enrolment{x.integer(0), static_cast<int>(x.integer(1)), x.integer(2),
                                      x.integer(3), static_cast<int>(x.integer(4)), x.text(5)};
                   });
}

Status load_staff_and_conditions(Database& db, Registers& r) {
  Status s = read_each(db,
                       "SELECT id, name, school_id, section, post, education, title, subject, backbone FROM "
                       "teachers ORDER BY id",
                       r.teachers, [](const Row& x) {
                         Teacher t;
                         t.id = x.integer(0);
                         t.name = x.text(1);
                         t.school_id = x.integer(2);
                         t.section = x.text(3);
                         t.post = x.text(4);
                         t.education = x.text(5);
                         t.title = x.text(6);
                         t.subject = x.text(7);
                         t.backbone = x.text(8);
                         return t;
                       });
  if (s.ok())
    s = read_each(db,
                  "SELECT teacher_id, school_year, school_id, section, post, education, title, subject, "
                  "backbone, on_staff FROM teacher_years ORDER BY teacher_id, school_year",
                  r.teacher_years, [](const Row& x) {
                    return TeacherYear{x.integer(0), static_cast<int>(x.integer(1)), x.integer(2),
                                       x.text(3),    x.text(4), x.text(5), x.text(6), x.text(7), x.text(8),
                                       x.integer(9) != 0};
                  });
  if (!s.ok()) return s;
  return read_each(db,
                   "SELECT school_id, school_year, building_area, teaching_area, sports_area, equipment_value, "
                   "books, computers, multimedia_rooms FROM conditions",
                   r.conditions, [](const Row& x) {
                     return Conditions{x.integer(0), static_cast<int>(x.integer(1)), x.real(2), x.real(3),
                                       x.real(4),    x.real(5), x.integer(6), x.integer(7), x.integer(8)};
                   });
}

}  // namespace

Result<analytics::Snapshot> load_snapshot(Database& db, int current_year) {
  Registers r;
  Status s = load_places(db, r);
  if (s.ok()) s = load_classes_and_enrolments(db, r);
  if (s.ok()) s = load_staff_and_conditions(db, r);
  if (!s.ok()) return s;
  return analytics::build_snapshot(r, current_year);
}

}  // namespace edu
