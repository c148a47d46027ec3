#include "store/snapshot_loader.h"

#include "analytics/snapshot_builder.h"

namespace edu {
namespace {

Status load_places(Database& db, Registers& r) {
  auto areas = db.query("SELECT id, parent_id, code, name, level FROM areas ORDER BY id");
  if (!areas.ok()) return areas.status();
  for (const Row& x : *areas)
    r.areas.push_back({x.integer(0), x.is_null(1) ? std::nullopt : std::optional(x.integer(1)),
                       x.text(2), x.text(3), x.text(4)});
  auto schools = db.query("SELECT id, code, name, kind, location, area_id FROM schools ORDER BY id");
  if (!schools.ok()) return schools.status();
  for (const Row& x : *schools) {
    School s;
    s.id = x.integer(0);
    s.code = x.text(1);
    s.name = x.text(2);
    s.kind = x.text(3);
    s.location = x.text(4);
    s.area_id = x.integer(5);
    r.schools.push_back(std::move(s));
  }
  return Status::Ok();
}

Status load_classes_and_enrolments(Database& db, Registers& r) {
  auto classes = db.query("SELECT id, school_id, school_year, section, grade FROM classes");
  if (!classes.ok()) return classes.status();
  for (const Row& x : *classes) {
    SchoolClass c;
    c.id = x.integer(0);
    c.school_id = x.integer(1);
    c.school_year = static_cast<int>(x.integer(2));
    c.section = x.text(3);
    c.grade = static_cast<int>(x.integer(4));
    r.classes.push_back(std::move(c));
  }
  auto enrolments = db.query(
      "SELECT student_id, school_year, school_id, class_id, grade, status FROM enrolments "
      "ORDER BY student_id, school_year");
  if (!enrolments.ok()) return enrolments.status();
  r.enrolments.reserve(enrolments->size());
  for (const Row& x : *enrolments)
    r.enrolments.push_back({x.integer(0), static_cast<int>(x.integer(1)), x.integer(2),
                            x.integer(3), static_cast<int>(x.integer(4)), x.text(5)});
  return Status::Ok();
}

Status load_staff_and_conditions(Database& db, Registers& r) {
  auto teachers = db.query(
      "SELECT id, name, school_id, section, post, education, title, subject, backbone FROM "
      "teachers ORDER BY id");
  if (!teachers.ok()) return teachers.status();
  for (const Row& x : *teachers) {
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
    r.teachers.push_back(std::move(t));
  }
  auto years = db.query(
      "SELECT teacher_id, school_year, school_id, section, post, education, title, subject, "
      "backbone, on_staff FROM teacher_years ORDER BY teacher_id, school_year");
  if (!years.ok()) return years.status();
  r.teacher_years.reserve(years->size());
  for (const Row& x : *years)
    r.teacher_years.push_back({x.integer(0), static_cast<int>(x.integer(1)), x.integer(2),
                               x.text(3), x.text(4), x.text(5), x.text(6), x.text(7), x.text(8),
                               x.integer(9) != 0});
  auto conditions = db.query(
      "SELECT school_id, school_year, building_area, teaching_area, sports_area, equipment_value, "
      "books, computers, multimedia_rooms FROM conditions");
  if (!conditions.ok()) return conditions.status();
  for (const Row& x : *conditions)
    r.conditions.push_back({x.integer(0), static_cast<int>(x.integer(1)), x.real(2), x.real(3),
                            x.real(4), x.real(5), x.integer(6), x.integer(7), x.integer(8)});
  return Status::Ok();
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

Result<int64_t> registers_version(Database& db) {
  // An export reads the registers and changes nothing, so it keeps the cache.
  auto rows = db.query(
      "SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE action NOT IN ('login', 'logout', "
      "'view_id_number', 'export')");
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

}  // namespace edu
