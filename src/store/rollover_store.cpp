#include "store/rollover_store.h"

#include <map>
#include <tuple>

#include "store/teacher_year_store.h"

namespace edu {

Result<rollover::Input> load_rollover_input(Database& db, int from_year) {
  rollover::Input in;
  in.from_year = from_year;
  auto schools = db.query("SELECT id, name, kind FROM schools ORDER BY id");
  if (!schools.ok()) return schools.status();
  for (const Row& r : *schools) in.schools.push_back({r.integer(0), r.text(1), r.text(2)});
  auto classes = db.query(
      "SELECT id, school_id, section, grade, class_no, name, head_teacher_id FROM classes "
      "WHERE school_year = ? ORDER BY id",
      {int64_t{from_year}});
  if (!classes.ok()) return classes.status();
  for (const Row& r : *classes)
    in.classes.push_back({r.integer(0), r.integer(1), r.text(2), static_cast<int>(r.integer(3)),
                          static_cast<int>(r.integer(4)), r.text(5),
                          r.is_null(6) ? std::nullopt : std::optional<int64_t>(r.integer(6))});
  auto students = db.query(
      "SELECT id, school_id, name, class_id, status FROM students "
      "WHERE status IN ('在读', '休学') ORDER BY id");
  if (!students.ok()) return students.status();
  for (const Row& r : *students)
    in.students.push_back({r.integer(0), r.integer(1), r.text(2),
                           r.is_null(3) ? std::nullopt : std::optional<int64_t>(r.integer(3)),
                           r.text(4)});
  return in;
}

namespace {

// The ids the database gave the plan's classes, in the plan's order.
Result<std::vector<int64_t>> opened_class_ids(Database& db, const rollover::Plan& plan) {
  auto rows = db.query(
      "SELECT id, school_id, section, grade, class_no FROM classes WHERE school_year = ?",
      {int64_t{plan.to_year}});
  if (!rows.ok()) return rows.status();
  std::map<std::tuple<int64_t, std::string, int64_t, int64_t>, int64_t> ids;
  for (const Row& r : *rows) ids[{r.integer(1), r.text(2), r.integer(3), r.integer(4)}] = r.integer(0);
  std::vector<int64_t> out;
  out.reserve(plan.classes.size());
  for (const rollover::ClassRow& c : plan.classes)
    out.push_back(ids.at({c.school_id, c.section, int64_t{c.grade}, int64_t{c.class_no}}));
  return out;
}

}  // namespace

Status apply_rollover(Database& db, const rollover::Plan& plan) {
  const int64_t to = plan.to_year, from = plan.from_year;
  Status s = insert_all(
      db, "classes", {"school_id", "school_year", "section", "grade", "class_no", "name", "head_teacher_id"},
      plan.classes, [&](const rollover::ClassRow& c) -> std::vector<Value> {
        return {c.school_id, to, c.section, int64_t{c.grade}, int64_t{c.class_no}, c.name,
                c.head_teacher_id ? Value(*c.head_teacher_id) : Value(nullptr)};
      });
  if (!s.ok()) return s;
  auto ids = opened_class_ids(db, plan);
  if (!ids.ok()) return ids.status();
  s = run_for_each(db, "UPDATE students SET class_id = ? WHERE id = ?", plan.placements,
                   [&](const rollover::Placement& p) -> std::vector<Value> {
                     return {(*ids)[p.new_class], p.student_id};
                   });
  if (s.ok())
    s = insert_all(db, "enrolments", {"student_id", "school_year", "school_id", "class_id", "grade", "status"},
                     plan.placements, [&](const rollover::Placement& p) -> std::vector<Value> {
                       return {p.student_id, to, p.school_id, (*ids)[p.new_class],
                               int64_t{p.grade}, p.status};
                     });
  if (s.ok())
    s = run_for_each(db, "UPDATE students SET status = '毕业' WHERE id = ?", plan.graduates,
                     [](int64_t id) -> std::vector<Value> { return {id}; });
  if (s.ok())
    s = run_for_each(db,
                     "UPDATE enrolments SET status = '毕业' WHERE student_id = ? AND school_year = ?",
                     plan.graduates, [&](int64_t id) -> std::vector<Value> { return {id, from}; });
  // Whoever still names a class of from_year and is no longer 在读 or 休学
  // there (graduates, leavers) keeps it in the enrolment only.
  if (s.ok())
    s = db.exec("UPDATE students SET class_id = NULL WHERE status NOT IN ('在读', '休学') AND "
                "class_id IN (SELECT id FROM classes WHERE school_year = ?)",
                {from});
  if (s.ok()) s = record_teacher_years(db, plan.from_year);
  if (s.ok()) s = record_teacher_years(db, plan.to_year);
  return s;
}

}  // namespace edu
