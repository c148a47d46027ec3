#include "store/check_store.h"

namespace edu {
namespace {

Result<std::map<int64_t, std::string>> names(Database& db, const std::string& sql) {
  auto rows = db.query(sql, {});
  if (!rows.ok()) return rows.status();
  std::map<int64_t, std::string> out;
  for (const Row& r : *rows) out[r.integer(0)] = r.text(1);
  return out;
}

}  // namespace

Result<std::vector<analytics::CheckPerson>> check_people(Database& db) {
  auto rows = db.query("SELECT id, name, gender, birth_date, id_number, status, school_id FROM students ORDER BY id",
                       {});
  if (!rows.ok()) return rows.status();
  std::vector<analytics::CheckPerson> out;
  out.reserve(rows->size());
  for (const Row& r : *rows)
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.integer(6)});
  return out;
}

Result<std::vector<analytics::Sitting>> exam_sittings(Database& db) {
  auto rows = db.query(
      "SELECT DISTINCT s.exam_id, s.student_id, s.school_id, COALESCE(e.school_id, 0) FROM exam_scores s "
      "JOIN exams x ON x.id = s.exam_id LEFT JOIN enrolments e ON e.student_id = s.student_id "
      "AND e.school_year = x.school_year",
      {});
  if (!rows.ok()) return rows.status();
  std::vector<analytics::Sitting> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back({r.integer(0), r.integer(1), r.integer(2), r.integer(3)});
  return out;
}

Result<std::vector<analytics::DoneTransfer>> cases_in_states(
    Database& db, const std::vector<std::pair<std::string, std::string>>& states) {
  std::vector<analytics::DoneTransfer> out;
  if (states.empty()) return out;
  std::string any;
  std::vector<Value> params;
  for (const auto& [kind, state] : states) {
    any += any.empty() ? "(kind = ? AND state = ?)" : " OR (kind = ? AND state = ?)";
    params.push_back(kind);
    params.push_back(state);
  }
  auto rows = db.query("SELECT id, student_id, COALESCE(target_school_id, 0) FROM cases WHERE " + any +
                           " ORDER BY id",
                       params);
  if (!rows.ok()) return rows.status();
  for (const Row& r : *rows) out.push_back({r.integer(0), r.integer(1), r.integer(2)});
  return out;
}

Result<std::map<int64_t, Date>> left_on(Database& db, int current_school_year) {
  std::map<int64_t, Date> out;
  auto audited = db.query(
      "SELECT st.id, MAX(substr(l.at, 1, 10)) FROM students st JOIN audit_log l ON l.entity = 'student' "
      "AND l.entity_id = st.id JOIN audit_changes c ON c.audit_id = l.id AND c.field = 'status' "
      "AND c.new_value = '转出' WHERE st.status = '转出' GROUP BY st.id",
      {});
  if (!audited.ok()) return audited.status();
  for (const Row& r : *audited)
    if (auto d = parse_iso_date(r.text(1))) out[r.integer(0)] = *d;
  auto enrolled = db.query(
      "SELECT st.id, e.school_year FROM students st JOIN enrolments e ON e.student_id = st.id "
      "WHERE st.status = '转出' AND e.status = '转出' AND e.school_year < ? AND e.school_year = "
      "(SELECT MAX(school_year) FROM enrolments WHERE student_id = st.id)",
      {int64_t{current_school_year}});
  if (!enrolled.ok()) return enrolled.status();
  for (const Row& r : *enrolled) {
    const Date end{static_cast<int>(r.integer(1)) + 1, 8, 31};
    auto it = out.find(r.integer(0));
    if (it == out.end() || end < it->second) out[r.integer(0)] = end;
  }
  return out;
}

Result<std::set<int64_t>> school_ids_in(Database& db, const Scope& scope) {
  SqlWhere where;
  restrict_schools(where, scope, "id");
  auto rows = db.query("SELECT id FROM schools WHERE " + where.sql, where.params);
  if (!rows.ok()) return rows.status();
  std::set<int64_t> out;
  for (const Row& r : *rows) out.insert(r.integer(0));
  return out;
}

Result<std::map<int64_t, std::string>> school_names(Database& db) {
  return names(db, "SELECT id, name FROM schools");
}

Result<std::map<int64_t, std::string>> exam_names(Database& db) {
  return names(db, "SELECT id, name FROM exams");
}

}  // namespace edu
