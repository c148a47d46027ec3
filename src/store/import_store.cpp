#include "store/import_store.h"

#include <sodium.h>

#include <sstream>

namespace edu {
namespace {

std::string join_lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "\n") + s;
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

const char* kColumns =
    "i.id, i.kind, i.file_name, i.checksum, i.status, i.rows, i.valid_rows, i.to_create, "
    "i.to_update, i.unchanged, i.created, i.updated, i.unknown_columns, i.missing_columns, "
    "i.created_by, COALESCE(u.display_name, ''), i.created_at, COALESCE(i.committed_at, ''), "
    "i.problem_count";

ImportRecord record_from(const Row& r) {
  ImportRecord m;
  m.id = r.integer(0);
  m.kind = r.text(1);
  m.file_name = r.text(2);
  m.checksum = r.text(3);
  m.status = r.text(4);
  m.rows = r.integer(5);
  m.valid_rows = r.integer(6);
  m.to_create = r.integer(7);
  m.to_update = r.integer(8);
  m.unchanged = r.integer(9);
  m.created = r.integer(10);
  m.updated = r.integer(11);
  m.unknown_columns = split_lines(r.text(12));
  m.missing_columns = split_lines(r.text(13));
  m.created_by = r.integer(14);
  m.created_by_name = r.text(15);
  m.created_at = r.text(16);
  m.committed_at = r.text(17);
  m.problem_count = r.integer(18);
  return m;
}

std::string to_base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string from_base64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t length = 0;
  sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                    text.size(), nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL);
  out.resize(length);
  return out;
}

}  // namespace

Result<int64_t> insert_import(Database& db, const ImportRecord& m,
                              const std::vector<ImportProblemRecord>& listed, const std::string& content) {
  auto rows = db.query(
      "INSERT INTO imports (kind, file_name, checksum, status, rows, valid_rows, to_create, "
      "to_update, unchanged, unknown_columns, missing_columns, created_by, created_at, "
      "content_base64, problem_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?, CURRENT_TIMESTAMP, ?, ?) "
      "RETURNING id",
      {m.kind, m.file_name, m.checksum, m.status, m.rows, m.valid_rows, m.to_create, m.to_update,
       m.unchanged, join_lines(m.unknown_columns), join_lines(m.missing_columns), m.created_by,
       to_base64(content), m.problem_count});
  if (!rows.ok()) return rows.status();
  int64_t id = rows->front().integer(0);
  Status s = insert_all(db, "import_problems", {"import_id", "row_number", "column_index", "header", "value", "message"},
                        listed, [&](const ImportProblemRecord& p) -> std::vector<Value> {
                          return {id, int64_t{p.row}, int64_t{p.column}, p.header, p.value, p.message};
                        });
  if (!s.ok()) return s;
  return id;
}

Result<std::optional<ImportRecord>> get_import(Database& db, int64_t id,
                                               std::optional<int64_t> only_by_user) {
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM imports i LEFT JOIN users u ON u.id = i.created_by WHERE i.id = ?";
  std::vector<Value> params = {id};
  if (only_by_user) {
    sql += " AND i.created_by = ?";
    params.push_back(*only_by_user);
  }
  auto rows = db.query(sql, params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<ImportRecord>();
  return std::optional<ImportRecord>(record_from(rows->front()));
}

Result<Page<ImportProblemRecord>> list_import_problems(Database& db, int64_t import_id, PageRequest request) {
  Page<ImportProblemRecord> page;
  page.page = request.page;
  page.size = request.size;
  auto count = db.query("SELECT COUNT(*) FROM import_problems WHERE import_id = ?", {import_id});
  if (!count.ok()) return count.status();
  page.total = count->front().integer(0);
  auto rows = db.query(
      "SELECT row_number, column_index, header, value, message FROM import_problems WHERE "
      "import_id = ? ORDER BY row_number, column_index, message LIMIT ? OFFSET ?",
      {import_id, request.size, (request.page - 1) * request.size});
  if (!rows.ok()) return rows.status();
  for (const Row& r : *rows)
    page.items.push_back({static_cast<int>(r.integer(0)), static_cast<int>(r.integer(1)), r.text(2),
                          r.text(3), r.text(4)});
  return page;
}

Result<std::string> import_content(Database& db, int64_t id) {
  auto rows = db.query("SELECT content_base64 FROM imports WHERE id = ?", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::Error("not_found", "导入记录不存在");
  return from_base64(rows->front().text(0));
}

Result<std::vector<ImportRecord>> list_imports(Database& db, std::optional<int64_t> only_by_user) {
  std::string sql =
      std::string("SELECT ") + kColumns + " FROM imports i LEFT JOIN users u ON u.id = i.created_by";
  std::vector<Value> params;
  if (only_by_user) {
    sql += " WHERE i.created_by = ?";
    params.push_back(*only_by_user);
  }
  auto rows = db.query(sql + " ORDER BY i.id DESC LIMIT 200", params);
  if (!rows.ok()) return rows.status();
  std::vector<ImportRecord> list;
  for (const Row& r : *rows) list.push_back(record_from(r));
  return list;
}

Status mark_import_committed(Database& db, const ImportRecord& m) {
  return db.exec(
      "UPDATE imports SET status = 'committed', rows = ?, valid_rows = ?, to_create = ?, "
      "to_update = ?, unchanged = ?, created = ?, updated = ?, committed_at = CURRENT_TIMESTAMP "
      "WHERE id = ?",
      {m.rows, m.valid_rows, m.to_create, m.to_update, m.unchanged, m.created, m.updated, m.id});
}

}  // namespace edu
