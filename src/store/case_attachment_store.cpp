#include "store/case_attachment_store.h"

#include "store/password.h"
#include "store/scope.h"

namespace edu {
namespace {

const char* kColumns =
    "id, COALESCE(case_id, 0), COALESCE(uploaded_by, 0), uploaded_at, file_name, content_type, size, sha256 "
    "FROM case_attachments";

CaseAttachment from_row(const Row& r) {
  return {r.integer(0), r.integer(1), r.integer(2), r.text(3), r.text(4), r.text(5), r.integer(6), r.text(7)};
}

}  // namespace

Result<int64_t> insert_case_attachment(Database& db, const CaseAttachment& a, const std::string& bytes) {
  auto rows = db.query(
      "INSERT INTO case_attachments (case_id, uploaded_by, uploaded_at, file_name, content_type, size, bytes, "
      "sha256) VALUES (NULL, ?, CURRENT_TIMESTAMP, ?, ?, ?, ?, ?) RETURNING id",
      {a.uploaded_by ? Value(a.uploaded_by) : Value(nullptr), a.file_name, a.content_type, static_cast<int64_t>(bytes.size()), Blob{bytes},
       sha256_hex(bytes)});
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Result<std::optional<CaseAttachment>> get_case_attachment(Database& db, int64_t id) {
  auto rows = db.query(std::string("SELECT ") + kColumns + " WHERE id = ?", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<CaseAttachment>();
  return std::optional<CaseAttachment>(from_row(rows->front()));
}

Result<std::string> case_attachment_bytes(Database& db, int64_t id) {
  auto rows = db.query("SELECT bytes FROM case_attachments WHERE id = ?", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::Error("not_found", "附件不存在");
  return rows->front().text(0);
}

Status attach_to_case(Database& db, int64_t attachment_id, int64_t case_id) {
  auto rows = db.query("UPDATE case_attachments SET case_id = ? WHERE id = ? AND case_id IS NULL RETURNING id",
                       {case_id, attachment_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::Error("conflict", "附件已被其他事项使用,请重新上传");
  return Status::Ok();
}

Result<std::map<int64_t, CaseAttachment>> attachments_of_cases(Database& db, const std::vector<int64_t>& case_ids) {
  std::map<int64_t, CaseAttachment> out;
  if (case_ids.empty()) return out;
  std::vector<std::string> ids;
  for (int64_t id : case_ids) ids.push_back(std::to_string(id));
  SqlWhere where;
  where.add_in("case_id", ids);
  auto rows = db.query(std::string("SELECT ") + kColumns + " WHERE " + where.sql, where.params);
  if (!rows.ok()) return rows.status();
  for (const Row& r : *rows) {
    CaseAttachment a = from_row(r);
    out[a.id] = a;
  }
  return out;
}

}  // namespace edu
