#include "store/case_store.h"

namespace edu {
namespace {

const char* kCaseColumns =
    "c.id, c.kind, c.student_id, c.state, c.school_id, c.target_school_id, c.due_on, c.created_by, "
    "c.created_at, c.updated_at, c.fields, COALESCE(st.name, ''), "
    "s1.name, s2.name, c.teacher_id, COALESCE(tc.name, '') FROM cases c "
    "LEFT JOIN students st ON st.id = c.student_id JOIN schools s1 ON s1.id = c.school_id "
    "LEFT JOIN schools s2 ON s2.id = c.target_school_id LEFT JOIN teachers tc ON tc.id = c.teacher_id";

CaseView case_from_row(const Row& r) {
  CaseView v;
  CaseRecord& c = v.record;
  c.id = r.integer(0);
  c.kind = r.text(1);
  c.student_id = r.integer(2);
  c.state = r.text(3);
  c.school_id = r.integer(4);
  c.target_school_id = r.integer(5);
  c.due_on = r.text(6);
  c.created_by = r.integer(7);
  c.created_at = r.text(8);
  c.updated_at = r.text(9);
  c.fields = r.text(10);
  v.student_name = r.text(11);
  v.school_name = r.text(12);
  v.target_school_name = r.text(13);
  c.teacher_id = r.integer(14);
  v.teacher_name = r.text(15);
  return v;
}

Value optional_id(int64_t id) { return id ? Value(id) : Value(nullptr); }

}  // namespace

Result<std::vector<CaseView>> list_cases(Database& db, const CaseFilter& f, const std::string& today) {
  SqlWhere where;
  if (f.waiting) {
    // Each term constrains kind and state, so SQLite reads them through
    // cases_state (MULTI-INDEX OR); an empty list matches nothing.
    std::string any;
    std::vector<Value> params;
    for (const CaseWaiting& w : *f.waiting) {
      any += any.empty() ? "(c.kind = ? AND c.state = ?" : " OR (c.kind = ? AND c.state = ?";
      params.push_back(w.kind);
      params.push_back(w.state);
      if (w.school_column == "school_id" || w.school_column == "target_school_id") {
        any += " AND c." + w.school_column + " = ?";
        params.push_back(w.school_id);
      }
      if (w.overdue_only) {
        any += " AND c.due_on < ?";
        params.push_back(today);
      }
      any += ")";
    }
    where.add(any.empty() ? "1=0" : "(" + any + ")", params);
  }
  if (f.school_id) where.add("(c.school_id = ? OR c.target_school_id = ?)", {*f.school_id, *f.school_id});
  if (f.area_id)
    where.add(std::string("(s1.area_id IN (") + kAreaSubtreeSql + ") OR s2.area_id IN (" + kAreaSubtreeSql + "))",
              {*f.area_id, *f.area_id});
  if (f.created_by) where.add("c.created_by = ?", {*f.created_by});
  if (f.id) where.add("c.id = ?", {*f.id});
  if (f.student_id) where.add("c.student_id = ?", {*f.student_id});
  if (f.kind) where.add("c.kind = ?", {*f.kind});
  if (f.due_before) where.add("c.due_on < ?", {*f.due_before});
  if (f.teacher_id) where.add("c.teacher_id = ?", {*f.teacher_id});
  std::vector<Value> params = where.params;
  params.push_back(today);
  auto rows = db.query(std::string("SELECT ") + kCaseColumns + " WHERE " + where.sql +
                           " ORDER BY CASE WHEN c.due_on IS NOT NULL AND c.due_on < ? THEN 0 ELSE 1 END, "
                           "c.due_on IS NULL, c.due_on, c.id",
                       params);
  if (!rows.ok()) return rows.status();
  std::vector<CaseView> out;
  for (const Row& r : *rows) out.push_back(case_from_row(r));
  return out;
}

Result<std::optional<CaseView>> get_case(Database& db, int64_t id) {
  auto rows = db.query(std::string("SELECT ") + kCaseColumns + " WHERE c.id = ?", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<CaseView>();
  return std::optional<CaseView>(case_from_row(rows->front()));
}

namespace {

// `column`: student_id or teacher_id.
Result<int64_t> count_open(Database& db, const std::string& column, int64_t id, const std::string& kind,
                           const std::vector<std::string>& closed) {
  std::string marks;
  std::vector<Value> params{id, kind};
  for (const std::string& s : closed) {
    marks += marks.empty() ? "?" : ", ?";
    params.push_back(s);
  }
  auto rows = db.query("SELECT COUNT(*) FROM cases WHERE " + column + " = ? AND kind = ? AND state NOT IN (" + marks + ")", params);
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

}  // namespace

Result<int64_t> count_open_cases(Database& db, int64_t student_id, const std::string& kind,
                                 const std::vector<std::string>& closed) {
  return count_open(db, "student_id", student_id, kind, closed);
}

Result<int64_t> count_open_teacher_cases(Database& db, int64_t teacher_id, const std::string& kind,
                                         const std::vector<std::string>& closed) {
  return count_open(db, "teacher_id", teacher_id, kind, closed);
}

Result<int64_t> insert_case(Database& db, const CaseRecord& c) {
  auto rows = db.query(
      "INSERT INTO cases (kind, student_id, state, school_id, target_school_id, due_on, created_by, "
      "created_at, updated_at, fields, teacher_id) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, "
      "CURRENT_TIMESTAMP, ?, ?) RETURNING id",
      {c.kind, optional_id(c.student_id), c.state, c.school_id, optional_id(c.target_school_id),
       c.due_on.empty() ? Value(nullptr) : Value(c.due_on), optional_id(c.created_by), c.fields,
       optional_id(c.teacher_id)});
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Status update_case_state(Database& db, const CaseRecord& c) {
  return db.exec(
      "UPDATE cases SET state = ?, due_on = ?, fields = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
      {c.state, c.due_on.empty() ? Value(nullptr) : Value(c.due_on), c.fields, c.id});
}

Status set_case_student(Database& db, int64_t case_id, int64_t student_id) {
  return db.exec("UPDATE cases SET student_id = ? WHERE id = ?", {student_id, case_id});
}

Status append_case_log(Database& db, const CaseLogEntry& e) {
  return db.exec(
      "INSERT INTO case_log (case_id, at, user_id, username, action, from_state, to_state, comment, "
      "fields) VALUES (?, CURRENT_TIMESTAMP, ?, ?, ?, ?, ?, ?, ?)",
      {e.case_id, optional_id(e.user_id), e.username, e.action, e.from_state, e.to_state, e.comment,
       e.fields});
}

Result<std::vector<CaseLogEntry>> case_log(Database& db, int64_t case_id) {
  return case_logs(db, {case_id});
}

Result<std::vector<CaseLogEntry>> case_logs(Database& db, const std::vector<int64_t>& case_ids) {
  std::vector<CaseLogEntry> out;
  if (case_ids.empty()) return out;
  std::string marks;
  std::vector<Value> params;
  for (int64_t id : case_ids) {
    marks += marks.empty() ? "?" : ", ?";
    params.push_back(id);
  }
  auto rows = db.query(
      "SELECT case_id, at, user_id, username, action, from_state, to_state, comment, fields "
      "FROM case_log WHERE case_id IN (" + marks + ") ORDER BY case_id, id",
      params);
  if (!rows.ok()) return rows.status();
  for (const Row& r : *rows)
    out.push_back({r.integer(0), r.text(1), r.integer(2), r.text(3), r.text(4), r.text(5), r.text(6),
                   r.text(7), r.text(8)});
  return out;
}

}  // namespace edu
