#include "store/training_store.h"

namespace edu {
namespace {

const char* kCourseColumns =
    "c.id, c.name, c.level, c.organiser, c.start_date, c.end_date, c.hours, c.section, c.subject, "
    "c.school_id, c.created_by, COALESCE(sc.name, '')";

TrainingCourse course_from(const Row& r) {
  TrainingCourse c;
  c.id = r.integer(0);
  c.name = r.text(1);
  c.level = r.text(2);
  c.organiser = r.text(3);
  c.start_date = parse_iso_date(r.text(4)).value_or(Date{});
  c.end_date = parse_iso_date(r.text(5)).value_or(Date{});
  c.hours = r.integer(6);
  c.section = r.text(7);
  c.subject = r.text(8);
  if (!r.is_null(9)) c.school_id = r.integer(9);
  if (!r.is_null(10)) c.created_by = r.integer(10);
  return c;
}

std::vector<Value> course_params(const TrainingCourse& c) {
  return {c.name,      c.level,   c.organiser,
          c.start_date.iso(),     c.end_date.iso(), c.hours,
          c.section,   c.subject, c.school_id ? Value(*c.school_id) : Value(nullptr),
          c.created_by ? Value(*c.created_by) : Value(nullptr)};
}

// The courses the scope sees: the county's, and 校本 courses of its schools.
void restrict_courses(SqlWhere& where, const Scope& scope) {
  SqlWhere own;
  restrict_schools(own, scope, "c.school_id");
  where.add("c.school_id IS NULL OR (" + own.sql + ")", own.params);
}

// The roster counts of the rows whose teacher the scope sees, per course.
Result<std::vector<CourseView>> with_counts(Database& db, const Scope& scope, Rows rows) {
  std::vector<CourseView> out;
  if (rows.empty()) return out;
  std::string ids;
  for (const Row& r : rows) {
    out.push_back({course_from(r), r.text(11)});
    ids += (ids.empty() ? "" : ",") + std::to_string(out.back().course.id);
  }
  SqlWhere where;
  where.add("r.course_id IN (" + ids + ")");  // ids we read, not user input
  restrict_teachers(where, scope, "t");
  auto counts = db.query("SELECT r.course_id, COUNT(*), SUM(r.required), SUM(r.required * r.attended), "
                         "SUM(r.attended * r.passed) FROM training_roster r JOIN teachers t ON t.id = "
                         "r.teacher_id WHERE " + where.sql + " GROUP BY r.course_id",
                         where.params);
  if (!counts.ok()) return counts.status();
  for (const Row& c : *counts)
    for (CourseView& v : out)
      if (v.course.id == c.integer(0)) {
        v.roster = c.integer(1);
        v.required = c.integer(2);
        v.attended = c.integer(3);
        v.passed = c.integer(4);
      }
  return out;
}

}  // namespace

Result<std::vector<CourseView>> list_courses(Database& db, const Scope& scope, const CourseFilter& f) {
  SqlWhere where;
  restrict_courses(where, scope);
  if (f.school_year)
    where.add("c.start_date >= ? AND c.start_date < ?",
              {Date{*f.school_year, 9, 1}.iso(), Date{*f.school_year + 1, 9, 1}.iso()});
  if (!f.level.empty()) where.add("c.level = ?", {f.level});
  if (f.school_id) where.add("c.school_id = ?", {*f.school_id});
  if (!f.name_contains.empty())
    where.add("c.name LIKE ? ESCAPE '\\'", {"%" + like_escaped(f.name_contains) + "%"});
  auto rows = db.query(std::string("SELECT ") + kCourseColumns +
                           " FROM training_courses c LEFT JOIN schools sc ON sc.id = c.school_id WHERE " +
                           where.sql + " ORDER BY c.start_date DESC, c.id DESC",
                       where.params);
  if (!rows.ok()) return rows.status();
  return with_counts(db, scope, std::move(*rows));
}

Result<std::optional<CourseView>> get_course(Database& db, const Scope& scope, int64_t id) {
  SqlWhere where;
  where.add("c.id = ?", {id});
  restrict_courses(where, scope);
  auto rows = db.query(std::string("SELECT ") + kCourseColumns +
                           " FROM training_courses c LEFT JOIN schools sc ON sc.id = c.school_id WHERE " +
                           where.sql,
                       where.params);
  if (!rows.ok()) return rows.status();
  auto views = with_counts(db, scope, std::move(*rows));
  if (!views.ok()) return views.status();
  if (views->empty()) return std::optional<CourseView>();
  return std::optional<CourseView>(views->front());
}

Result<int64_t> insert_course(Database& db, const TrainingCourse& c) {
  auto rows = db.query(
      "INSERT INTO training_courses (name, level, organiser, start_date, end_date, hours, section, subject, "
      "school_id, created_by) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
      course_params(c));
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Status update_course(Database& db, const TrainingCourse& c) {
  auto params = course_params(c);
  params.pop_back();  // created_by never changes
  params.push_back(c.id);
  return db.exec(
      "UPDATE training_courses SET name=?, level=?, organiser=?, start_date=?, end_date=?, hours=?, "
      "section=?, subject=?, school_id=? WHERE id=?",
      params);
}

Result<std::vector<RosterRow>> list_roster(Database& db, const Scope& scope, int64_t course_id) {
  SqlWhere where;
  where.add("r.course_id = ?", {course_id});
  restrict_teachers(where, scope, "t");
  auto rows = db.query(
      "SELECT r.teacher_id, r.required, r.attended, r.passed, r.hours_credited, t.name, t.id_number, "
      "sc.name, t.section, t.subject, t.school_id FROM training_roster r JOIN teachers t ON t.id = "
      "r.teacher_id JOIN schools sc ON sc.id = t.school_id WHERE " + where.sql +
          " ORDER BY sc.code, t.name, t.id",
      where.params);
  if (!rows.ok()) return rows.status();
  std::vector<RosterRow> out;
  out.reserve(rows->size());
  for (const Row& r : *rows)
    out.push_back({{course_id, r.integer(0), r.integer(1) != 0, r.integer(2) != 0, r.integer(3) != 0, r.integer(4)},
                   r.text(5), r.text(6), r.text(7), r.text(8), r.text(9), r.integer(10)});
  return out;
}

Result<std::optional<RosterEntry>> find_roster_entry(Database& db, int64_t course_id, int64_t teacher_id) {
  auto rows = db.query("SELECT required, attended, passed, hours_credited FROM training_roster "
                       "WHERE course_id = ? AND teacher_id = ?",
                       {course_id, teacher_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<RosterEntry>();
  const Row& r = rows->front();
  return std::optional<RosterEntry>(
      RosterEntry{course_id, teacher_id, r.integer(0) != 0, r.integer(1) != 0, r.integer(2) != 0, r.integer(3)});
}

namespace {
const char* kSaveEntry =
    "INSERT INTO training_roster (course_id, teacher_id, required, attended, passed, hours_credited) "
    "VALUES (?,?,?,?,?,?) ON CONFLICT (course_id, teacher_id) DO UPDATE SET required = excluded.required, "
    "attended = excluded.attended, passed = excluded.passed, hours_credited = excluded.hours_credited";

std::vector<Value> entry_params(const RosterEntry& e) {
  return {e.course_id, e.teacher_id, int64_t{e.required}, int64_t{e.attended}, int64_t{e.passed}, e.hours_credited};
}
}  // namespace

Status save_roster_entry(Database& db, const RosterEntry& e) { return db.exec(kSaveEntry, entry_params(e)); }

Status load_training(Database& db, const std::vector<TrainingCourse>& courses,
                     const std::vector<RosterEntry>& entries) {
  Status s = insert_all_with_ids(db, "training_courses",
                                 {"name", "level", "organiser", "start_date", "end_date", "hours", "section",
                                  "subject", "school_id", "created_by"},
                                 courses, course_params);
  if (s.ok()) s = db.ids_written("training_courses");
  if (s.ok())
    s = insert_all(db, "training_roster", {"course_id", "teacher_id", "required", "attended", "passed", "hours_credited"},
                   entries, entry_params);
  return s;
}

Result<TrainingTables> load_training_tables(Database& db, const Scope& scope, std::optional<int64_t> teacher_id) {
  TrainingTables out;
  SqlWhere where;
  restrict_teachers(where, scope, "t");
  if (teacher_id) where.add("t.id = ?", {*teacher_id});
  auto teachers = db.query("SELECT t.id, t.name, t.id_number, t.post, t.section, t.subject, t.school_id, "
                           "sc.area_id, sc.name, sc.kind FROM teachers t JOIN schools sc ON sc.id = t.school_id "
                           "WHERE " + where.sql + " ORDER BY sc.code, t.name, t.id",
                           where.params);
  if (!teachers.ok()) return teachers.status();
  for (const Row& r : *teachers)
    out.teachers.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.integer(6),
                            r.integer(7), r.text(8), r.text(9)});
  auto courses = db.query("SELECT id, name, level, start_date, hours FROM training_courses ORDER BY start_date, id");
  if (!courses.ok()) return courses.status();
  for (const Row& r : *courses)
    out.courses.push_back({r.integer(0), r.text(1), r.text(2), parse_iso_date(r.text(3)).value_or(Date{}),
                           r.integer(4)});
  auto entries = db.query("SELECT r.course_id, r.teacher_id, r.required, r.attended, r.passed, r.hours_credited "
                          "FROM training_roster r JOIN teachers t ON t.id = r.teacher_id WHERE " + where.sql,
                          where.params);
  if (!entries.ok()) return entries.status();
  for (const Row& r : *entries)
    out.entries.push_back({r.integer(0), r.integer(1), r.integer(2) != 0, r.integer(3) != 0, r.integer(4) != 0,
                           r.integer(5)});
  return out;
}

}  // namespace edu
