#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <numeric>
#include <string>
#include <unordered_map>

namespace edu {
namespace {

Status sqlite_error(sqlite3* db, std::string_view what) {
  std::string detail = db ? sqlite3_errmsg(db) : "无法分配连接";
  int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
    return Status::Error("duplicate", "记录重复:" + detail);
  if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
    return Status::Error("validation", "引用的记录不存在");
  return Status::Error("database", std::string(what) + "失败:" + detail);
}

// Binds params to stmt; returns SQLITE_OK or an error code.
// Text and blobs are bound without a copy (SQLITE_STATIC): every caller keeps
// `params` alive until the statement is done, then resets and unbinds it.
int bind_all(sqlite3_stmt* stmt, const std::vector<Value>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    int idx = static_cast<int>(i + 1), rc = SQLITE_OK;
    const Value& v = params[i];
    if (std::holds_alternative<std::nullptr_t>(v)) rc = sqlite3_bind_null(stmt, idx);
    else if (auto p = std::get_if<int64_t>(&v)) rc = sqlite3_bind_int64(stmt, idx, *p);
    else if (auto p = std::get_if<double>(&v)) rc = sqlite3_bind_double(stmt, idx, *p);
    else if (auto p = std::get_if<Blob>(&v))
      rc = sqlite3_bind_blob64(stmt, idx, p->bytes.data(), p->bytes.size(), SQLITE_STATIC);
    else {
      const auto& s = std::get<std::string>(v);
      rc = sqlite3_bind_text(stmt, idx, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    }
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

Value column_value(sqlite3_stmt* stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_NULL: return nullptr;
    case SQLITE_INTEGER: return static_cast<int64_t>(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT: return sqlite3_column_double(stmt, i);
    case SQLITE_BLOB: {
      auto bytes = static_cast<const char*>(sqlite3_column_blob(stmt, i));
      return std::string(bytes ? bytes : "", sqlite3_column_bytes(stmt, i));
    }
    default: {
      auto text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      return std::string(text, sqlite3_column_bytes(stmt, i));
    }
  }
}

// Column i of the row `stmt` stands on, in place (RowView: valid until the next step).
void fill_cell(sqlite3_stmt* stmt, int i, RowView::Cell& cell) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_NULL: cell.kind = RowView::Kind::kNull; break;
    case SQLITE_INTEGER:
      cell.kind = RowView::Kind::kInteger;
      cell.integer = sqlite3_column_int64(stmt, i);
      break;
    case SQLITE_FLOAT:
      cell.kind = RowView::Kind::kReal;
      cell.real = sqlite3_column_double(stmt, i);
      break;
    case SQLITE_BLOB: {
      auto bytes = static_cast<const char*>(sqlite3_column_blob(stmt, i));
      cell.kind = RowView::Kind::kText;
      cell.text = std::string_view(bytes ? bytes : "", sqlite3_column_bytes(stmt, i));
      break;
    }
    default: {
      auto text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      cell.kind = RowView::Kind::kText;
      cell.text = std::string_view(text ? text : "", sqlite3_column_bytes(stmt, i));
    }
  }
}

class SqliteStatement : public PreparedStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  Status run(const std::vector<Value>& params) override {
    Status s = bind_all(stmt_, params) != SQLITE_OK ? sqlite_error(db_, "绑定参数") : Status::Ok();
    int rc = SQLITE_DONE;
    if (s.ok())
      while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
      }
    if (s.ok() && rc != SQLITE_DONE) s = sqlite_error(db_, "执行语句");
    // Reset and unbound before `params` go: the statement keeps no pointer into them.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return s;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteDatabase : public Database {
 public:
  SqliteDatabase(sqlite3* db, std::string location) : db_(db), location_(std::move(location)) {}
  ~SqliteDatabase() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  Dialect dialect() const override { return Dialect::kSqlite; }
  const std::string& location() const override { return location_; }

  Status exec(std::string_view sql, const std::vector<Value>& params) override {
    auto rows = query(sql, params);
    return rows.ok() ? Status::Ok() : rows.status();
  }

  Result<Rows> query(std::string_view sql, const std::vector<Value>& params) override {
    Rows rows;
    Status s = each_row(sql, params, [&rows](sqlite3_stmt* stmt) {
      const int columns = sqlite3_column_count(stmt);
      std::vector<Value> values;
      values.reserve(columns);
      for (int i = 0; i < columns; ++i) values.push_back(column_value(stmt, i));
      rows.emplace_back(std::move(values));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return rows;
  }

  Status query_each(std::string_view sql, const std::vector<Value>& params,
                    const std::function<Status(const RowView&)>& each) override {
    std::vector<RowView::Cell> cells;
    const RowView row(cells);
    return each_row(sql, params, [&](sqlite3_stmt* stmt) {
      cells.resize(sqlite3_column_count(stmt));
      for (int i = 0; i < static_cast<int>(cells.size()); ++i) fill_cell(stmt, i, cells[i]);
      return each(row);
    });
  }

  Status exec_script(std::string_view sql) override {
    std::string text(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "";
      sqlite3_free(err);
      return Status::Error("database", "执行脚本失败:" + msg);
    }
    return Status::Ok();
  }

  Result<std::unique_ptr<PreparedStatement>> prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK)
      return sqlite_error(db_, "准备语句");
    return std::unique_ptr<PreparedStatement>(new SqliteStatement(db_, stmt));
  }

  // IMMEDIATE: take the write lock up front so a read-then-write transaction
  // cannot fail half-way with SQLITE_BUSY.
  Status begin() override { return exec_script("BEGIN IMMEDIATE"); }
  Status ids_written(std::string_view) override { return Status::Ok(); }  // rowid follows MAX(id)
  Result<std::vector<int64_t>> next_ids(std::string_view table, int64_t n) override {
    if (sqlite3_get_autocommit(db_))
      return Status::Error("internal", "分配" + std::string(table) + "的编号须在事务中进行");
    auto rows = query("SELECT COALESCE(MAX(id), 0) FROM " + std::string(table), {});
    if (!rows.ok()) return rows.status();
    std::vector<int64_t> ids(n);
    std::iota(ids.begin(), ids.end(), rows->front().integer(0) + 1);
    return ids;
  }
  Status commit() override { return exec_script("COMMIT"); }
  Status rollback() override { return exec_script("ROLLBACK"); }

  Result<std::unique_ptr<BulkInsert>> bulk_insert(std::string_view table,
                                                  const std::vector<std::string>& columns) override {
    return prepared_bulk_insert(*this, table, columns);
  }

  Status backup_to(const std::string& path) override { return copy_with_file(path, false); }
  // The file must be a database (an empty or missing one would empty ours).
  Status restore_from(const std::string& path) override {
    if (!std::filesystem::is_regular_file(path))
      return Status::Error("not_found", "备份文件 " + path + " 不存在");
    return copy_with_file(path, true);
  }

 private:
  // Statements are prepared once per connection and reused: the store sends the
  // same SQL texts again and again (bulk imports send 100,000s).
  // Runs `sql` with `params`, handing the statement, standing on each row in turn, to `take`.
  template <class Take>
  Status each_row(std::string_view sql, const std::vector<Value>& params, Take take) {
    sqlite3_stmt* stmt = cached_statement(sql);
    if (!stmt) return sqlite_error(db_, "准备语句");
    // Leave the statement reset and unbound for its next use, whatever happens here.
    std::unique_ptr<sqlite3_stmt, void (*)(sqlite3_stmt*)> guard(stmt, [](sqlite3_stmt* s) {
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
    });
    if (bind_all(stmt, params) != SQLITE_OK) return sqlite_error(db_, "绑定参数");
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
      if (Status s = take(stmt); !s.ok()) return s;
    if (rc != SQLITE_DONE) return sqlite_error(db_, "执行语句");
    return Status::Ok();
  }

  sqlite3_stmt* cached_statement(std::string_view sql) {
    auto it = statements_.find(std::string(sql));
    if (it != statements_.end()) return it->second;
    if (statements_.size() >= kMaxCachedStatements) {
      for (auto& [text, stmt] : statements_) sqlite3_finalize(stmt);
      statements_.clear();
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK)
      return nullptr;
    statements_.emplace(std::string(sql), stmt);
    return stmt;
  }

  // SQLite's online backup API between our database and the file at `path`:
  // into it (backup) or, with `from_file`, from it (restore; the file must
  // hold our schema's migrations table).
  Status copy_with_file(const std::string& path, bool from_file) {
    const int flags = from_file ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    sqlite3* file = nullptr;
    if (sqlite3_open_v2(path.c_str(), &file, flags, nullptr) != SQLITE_OK) {
      Status s = sqlite_error(file, "打开备份文件 " + path);
      sqlite3_close_v2(file);
      return s;
    }
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> guard(file, sqlite3_close_v2);
    if (from_file && sqlite3_exec(file, "SELECT 1 FROM schema_migrations LIMIT 1", nullptr, nullptr, nullptr) != SQLITE_OK)
      return Status::Error("validation", "无法恢复:文件 " + path + " 不是本系统的备份(没有数据库结构版本表)");
    if (from_file) {  // a restore replaces every table
      for (auto& [text, stmt] : statements_) sqlite3_finalize(stmt);
      statements_.clear();
    }
    sqlite3* dest = from_file ? db_ : file;
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", from_file ? file : db_, "main");
    if (!backup) return sqlite_error(dest, from_file ? "开始恢复" : "开始备份");
    int rc;
    while ((rc = sqlite3_backup_step(backup, 1024)) == SQLITE_OK || rc == SQLITE_BUSY ||
           rc == SQLITE_LOCKED)
      sqlite3_sleep(5);
    sqlite3_backup_finish(backup);
    return rc == SQLITE_DONE ? Status::Ok() : sqlite_error(dest, from_file ? "恢复" : "备份");
  }

  static constexpr size_t kMaxCachedStatements = 256;
  sqlite3* db_;
  std::string location_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Status s = Status::Error("database", "无法打开数据库文件 " + path + ":" +
                                             (db ? sqlite3_errmsg(db) : "内存不足"));
    sqlite3_close_v2(db);
    return s;
  }
  sqlite3_busy_timeout(db, 10000);
  const bool private_memory = path.empty() || path == ":memory:";
  auto conn = std::unique_ptr<Database>(
      new SqliteDatabase(db, private_memory ? "" : std::filesystem::absolute(path).lexically_normal().string()));
  Status s = conn->exec_script(
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; "
      "PRAGMA cache_size=-32768;");  // 32 MB page cache: bulk writes spill less
  if (!s.ok()) return s;
  return conn;
}

}  // namespace edu
