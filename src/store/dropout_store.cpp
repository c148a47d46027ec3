#include "store/dropout_store.h"

#include <map>

#include "store/scope.h"

namespace edu {

Result<std::vector<SweepChild>> load_sweep_children(Database& db, int year, const std::vector<int64_t>& also) {
  auto rows = db.query(
      "SELECT st.id, st.status, st.birth_date, "
      "EXISTS (SELECT 1 FROM enrolments e WHERE e.student_id = st.id AND e.school_year = ? AND e.status = '休学') "
      "FROM students st WHERE st.status IN ('辍学', '休学') ORDER BY st.id",
      {int64_t{year - 1}});
  if (!rows.ok()) return rows.status();
  std::vector<SweepChild> out;
  for (const Row& r : *rows) {
    SweepChild c{r.integer(0), r.text(1), parse_iso_date(r.text(2)), r.integer(3) != 0};
    if (c.status == "辍学" || c.on_leave_last_year) out.push_back(c);
  }
  for (int64_t id : also) {
    auto one = db.query("SELECT id, status, birth_date FROM students WHERE id = ?", {id});
    if (!one.ok()) return one.status();
    for (const Row& r : *one) out.push_back({r.integer(0), r.text(1), parse_iso_date(r.text(2)), false});
  }
  return out;
}

Result<std::vector<DropoutCaseRow>> load_dropout_cases(Database& db, const std::string& kind, const Scope& scope) {
  SqlWhere where;
  where.add("c.kind = ?", {kind});
  restrict_schools(where, scope, "c.school_id");
  auto rows = db.query("SELECT c.id, a.id, a.name FROM cases c JOIN schools s ON s.id = c.school_id "
                       "JOIN areas a ON a.id = s.area_id WHERE " + where.sql + " ORDER BY c.id",
                       where.params);
  if (!rows.ok()) return rows.status();
  // The cases and their logs in one read each, not one per case.
  CaseFilter all_of_kind;
  all_of_kind.kind = kind;
  auto views = list_cases(db, all_of_kind, "");
  if (!views.ok()) return views.status();
  std::map<int64_t, CaseView> view_of;
  for (CaseView& v : *views) view_of.emplace(v.record.id, std::move(v));
  std::vector<int64_t> ids;
  for (const Row& r : *rows) ids.push_back(r.integer(0));
  auto logs = case_logs(db, ids);
  if (!logs.ok()) return logs.status();
  std::map<int64_t, std::vector<CaseLogEntry>> log_of;
  for (CaseLogEntry& e : *logs) log_of[e.case_id].push_back(std::move(e));
  std::vector<DropoutCaseRow> out;
  for (const Row& r : *rows) {
    auto v = view_of.find(r.integer(0));
    if (v != view_of.end()) out.push_back({v->second, r.integer(1), r.text(2), std::move(log_of[r.integer(0)])});
  }
  return out;
}

Result<RateCounts> load_rate_counts(Database& db, int year, const Scope& scope) {
  SqlWhere where;
  restrict_schools(where, scope, "e.school_id");
  std::vector<Value> params = {int64_t{year}, int64_t{year}, int64_t{year - 8}};
  params.insert(params.end(), where.params.begin(), where.params.end());
  auto rows = db.query(
      "SELECT "
      "COALESCE(SUM(CASE WHEN e.school_year = ? AND k.section IN ('小学', '初中') THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN e.school_year = ? AND k.section = '初中' AND e.grade = 9 AND e.status IN ('在读', '毕业') "
      "THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN e.school_year = ? AND k.section = '小学' AND e.grade = 1 THEN 1 ELSE 0 END), 0) "
      "FROM enrolments e JOIN classes k ON k.id = e.class_id WHERE " + where.sql,
      params);
  if (!rows.ok()) return rows.status();
  auto first = db.query("SELECT COALESCE(MIN(school_year), 0) FROM enrolments");
  if (!first.ok()) return first.status();
  return RateCounts{rows->front().integer(0), rows->front().integer(1), rows->front().integer(2),
                    static_cast<int>(first->front().integer(0))};
}

}  // namespace edu
