#include "store/postgres/pg_database.h"

#include <libpq-fe.h>

#include <sys/wait.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <variant>
#include <vector>

namespace edu {
namespace {

// Type oids (pg_type.h) of the results the store reads.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700,
              kBytea = 17;

using ResultPtr = std::unique_ptr<PGresult, void (*)(PGresult*)>;

Status pg_error(PGconn* conn, const PGresult* res, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string detail = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  const std::string code = state ? state : "";
  if (code == "23505") return Status::Error("duplicate", "记录重复:" + detail);
  if (code == "23503") return Status::Error("validation", "引用的记录不存在");
  return Status::Error("database", std::string(what) + "失败:" + detail);
}

// The parameters as libpq wants them: text forms (a Blob's bytes as binary),
// types, lengths, formats, NULLs.
struct Params {
  std::vector<std::string> text;
  std::vector<const char*> values;
  std::vector<Oid> types;
  std::vector<int> lengths, formats;
  explicit Params(const std::vector<Value>& params) {
    text.reserve(params.size());
    for (const Value& v : params) {
      if (auto p = std::get_if<int64_t>(&v)) {
        text.push_back(std::to_string(*p));
        types.push_back(kInt8);
      } else if (auto p = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *p);
        text.push_back(buf);
        types.push_back(kFloat8);
      } else if (auto p = std::get_if<std::string>(&v)) {
        text.push_back(*p);
        types.push_back(0);
      } else if (auto p = std::get_if<Blob>(&v)) {
        text.push_back(p->bytes);
        types.push_back(kBytea);
      } else {
        text.emplace_back();
        types.push_back(0);
      }
    }
    for (size_t i = 0; i < params.size(); ++i) {
      values.push_back(std::holds_alternative<std::nullptr_t>(params[i]) ? nullptr : text[i].c_str());
      lengths.push_back(static_cast<int>(text[i].size()));
      formats.push_back(std::holds_alternative<Blob>(params[i]) ? 1 : 0);
    }
  }
  int count() const { return static_cast<int>(values.size()); }
};

Value cell(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return nullptr;
  const char* v = PQgetvalue(res, row, col);
  switch (PQftype(res, col)) {
    case kInt2:
    case kInt4:
    case kInt8: return static_cast<int64_t>(std::stoll(v));
    case kBool: return static_cast<int64_t>(v[0] == 't');
    case kFloat4:
    case kFloat8:
    case kNumeric: return std::stod(v);
    case kBytea: {
      size_t size = 0;
      std::unique_ptr<unsigned char, void (*)(void*)> bytes(
          PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &size), PQfreemem);
      return bytes ? std::string(reinterpret_cast<const char*>(bytes.get()), size) : std::string();
    }
    default: return std::string(v, PQgetlength(res, row, col));
  }
}

class PgStatement : public PreparedStatement {
 public:
  PgStatement(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  Status run(const std::vector<Value>& params) override {
    Params p(params);
    ResultPtr res(PQexecPrepared(conn_, name_.c_str(), p.count(), p.values.data(), p.lengths.data(), p.formats.data(), 0), PQclear);
    const ExecStatusType st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return pg_error(conn_, res.get(), "执行语句");
    return Status::Ok();
  }

 private:
  PGconn* conn_;
  std::string name_;
};

// bytea's hex form after its backslash: x and two hex digits per byte.
void append_bytea_hex(std::string& out, const Blob& blob) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += 'x';
  for (const unsigned char c : blob.bytes) out += {kHex[c >> 4], kHex[c & 15]};
}

// COPY's text format: tab-separated, \N for NULL, backslash escapes. Every
// kind of Value needs its branch here (a new one fails to compile).
void append_copy_field(std::string& out, const Value& v) {
  std::visit(
      [&out](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          out += "\\N";
        } else if constexpr (std::is_same_v<T, int64_t>) {
          out += std::to_string(x);
        } else if constexpr (std::is_same_v<T, double>) {
          char buf[32];
          auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);  // shortest text that reads back the same
          out.append(buf, end);
        } else if constexpr (std::is_same_v<T, Blob>) {
          out += "\\\\";  // bytea's hex form, its backslash escaped for COPY
          append_bytea_hex(out, x);
        } else {
          static_assert(std::is_same_v<T, std::string>, "COPY: no text form for this kind of Value");
          for (const char c : x) {
            switch (c) {
              case '\\': out += "\\\\"; break;
              case '\t': out += "\\t"; break;
              case '\n': out += "\\n"; break;
              case '\r': out += "\\r"; break;
              default: out += c;
            }
          }
        }
      },
      v);
}

// One line of COPY … TO STDOUT's text format (append_copy_field's inverse for
// text: \N is NULL, backslash escapes undone) as text cells pointing into the
// line, or into `unescaped` for a field that held an escape.
void copy_cells(std::string_view line, std::vector<RowView::Cell>& cells, std::vector<std::string>& unescaped) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  // Sized first: a cell's text may point into `unescaped`, which must not move after.
  const size_t fields = std::count(line.begin(), line.end(), '\t') + 1;
  cells.resize(fields);
  if (unescaped.size() < fields) unescaped.resize(fields);
  size_t start = 0, n = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    const std::string_view field = line.substr(start, tab == std::string_view::npos ? line.size() - start : tab - start);
    RowView::Cell& cell = cells[n];
    cell.kind = field == "\\N" ? RowView::Kind::kNull : RowView::Kind::kText;
    cell.text = field;
    if (cell.kind == RowView::Kind::kText && field.find('\\') != std::string_view::npos) {
      std::string& text = unescaped[n];
      text.clear();
      for (size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\' || i + 1 == field.size()) {
          text += field[i];
          continue;
        }
        switch (const char c = field[++i]) {
          case 't': text += '\t'; break;
          case 'n': text += '\n'; break;
          case 'r': text += '\r'; break;
          case 'b': text += '\b'; break;
          case 'f': text += '\f'; break;
          case 'v': text += '\v'; break;
          default: text += c;  // \\ and any other escaped character stand for themselves
        }
      }
      cell.text = text;
    }
    ++n;
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
}

// One COPY … FROM STDIN in progress: rows are sent in chunks of about 256 KB.
class PgCopy : public BulkInsert {
 public:
  explicit PgCopy(PGconn* conn) : conn_(conn) {}
  ~PgCopy() override {
    if (!done_) end("批量写入已放弃");
  }
  Status add(const std::vector<Value>& row) override {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) buffer_ += '\t';
      append_copy_field(buffer_, row[i]);
    }
    buffer_ += '\n';
    return buffer_.size() >= kChunk ? send() : Status::Ok();
  }
  Status finish() override {
    Status s = send();
    Status ended = end(nullptr);
    return s.ok() ? ended : s;
  }

 private:
  static constexpr size_t kChunk = 256 * 1024;
  Status send() {
    if (buffer_.empty()) return Status::Ok();
    const int rc = PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size()));
    buffer_.clear();
    return rc == 1 ? Status::Ok() : pg_error(conn_, nullptr, "批量写入");
  }
  // Ends the COPY (with `abandon` as its error, the server discards it) and
  // reads its outcome, leaving the connection ready for the next statement.
  Status end(const char* abandon) {
    done_ = true;
    Status s = PQputCopyEnd(conn_, abandon) == 1 ? Status::Ok() : pg_error(conn_, nullptr, "批量写入");
    while (PGresult* raw = PQgetResult(conn_)) {
      ResultPtr res(raw, PQclear);
      if (s.ok() && PQresultStatus(raw) != PGRES_COMMAND_OK) s = pg_error(conn_, raw, "批量写入");
    }
    return s;
  }

  PGconn* conn_;
  std::string buffer_;
  bool done_ = false;
};

// `s` as one word for sh: single-quoted, its own single quotes as '\''.
std::string shell_word(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs the PostgreSQL client `tool` with `args` (each one word) for `what`
// (备份/恢复); its output becomes the error.
Status run_tool(const std::string& tool, const std::vector<std::string>& args, const std::string& what) {
  std::string command = tool;
  for (const std::string& a : args) command += " " + shell_word(a);
  command += " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return Status::Error("database", "无法运行 " + tool);
  std::string output;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe.get())) output += buf;
  const int rc = pclose(pipe.release());
  while (!output.empty() && output.back() == '\n') output.pop_back();
  if (WIFEXITED(rc) && WEXITSTATUS(rc) == 127)
    return Status::Error("database", "找不到 " + tool + " 命令:请安装 PostgreSQL 客户端(apt-get install postgresql-client),"
                                     "其版本不低于数据库服务器的版本");
  if (rc != 0) return Status::Error("database", tool + " " + what + "失败:" + output);
  return Status::Ok();
}

Row row_at(const PGresult* res, int row) {
  const int columns = PQnfields(res);
  std::vector<Value> values;
  values.reserve(columns);
  for (int c = 0; c < columns; ++c) values.push_back(cell(res, row, c));
  return Row(std::move(values));
}

class PgDatabase : public Database {
 public:
  PgDatabase(PGconn* conn, std::string url) : conn_(conn), url_(std::move(url)) {}
  ~PgDatabase() override { PQfinish(conn_); }
  Dialect dialect() const override { return Dialect::kPostgres; }
  const std::string& location() const override { return url_; }

  Status exec(std::string_view sql, const std::vector<Value>& params) override {
    auto rows = query(sql, params);
    return rows.ok() ? Status::Ok() : rows.status();
  }

  Result<Rows> query(std::string_view sql, const std::vector<Value>& params) override {
    Params p(params);
    auto name = cached_statement(sql, p);
    if (!name.ok()) return name.status();
    ResultPtr res(PQexecPrepared(conn_, name->c_str(), p.count(), p.values.data(), p.lengths.data(),
                                 p.formats.data(), 0),
                  PQclear);
    const ExecStatusType st = PQresultStatus(res.get());
    if (st == PGRES_COMMAND_OK) return Rows{};
    if (st != PGRES_TUPLES_OK) return pg_error(conn_, res.get(), "执行语句");
    Rows rows;
    const int n = PQntuples(res.get());
    rows.reserve(n);
    for (int r = 0; r < n; ++r) rows.push_back(row_at(res.get(), r));
    return rows;
  }

  Status query_each(std::string_view sql, const std::vector<Value>& params,
                    const std::function<Status(const RowView&)>& each) override {
    // COPY takes no parameters: they go in as literals, typed as query() sends them.
    std::vector<std::string> literals;
    for (const Value& v : params) {
      auto text = literal(v);
      if (!text) return pg_error(conn_, nullptr, "转义参数");
      literals.push_back(std::move(*text));
    }
    const std::string copy = "COPY (" + postgres_sql(sql, [&](int n) { return literals.at(n - 1); }) + ") TO STDOUT";
    ResultPtr res(PQexec(conn_, copy.c_str()), PQclear);
    if (PQresultStatus(res.get()) != PGRES_COPY_OUT) return pg_error(conn_, res.get(), "执行语句");
    Status s = Status::Ok();
    std::vector<RowView::Cell> cells;
    std::vector<std::string> unescaped;
    const RowView row(cells);
    char* line = nullptr;
    int n;
    // Every line is read, even after `each` stopped, to leave the connection ready.
    while ((n = PQgetCopyData(conn_, &line, 0)) > 0) {
      std::unique_ptr<char, void (*)(void*)> owned(line, PQfreemem);
      if (!s.ok()) continue;
      copy_cells(std::string_view(line, n), cells, unescaped);
      s = each(row);
    }
    if (n == -2) return pg_error(conn_, nullptr, "执行语句");
    while (PGresult* raw = PQgetResult(conn_)) {
      ResultPtr done(raw, PQclear);
      if (s.ok() && PQresultStatus(raw) != PGRES_COMMAND_OK) s = pg_error(conn_, raw, "执行语句");
    }
    return s;
  }

  Status exec_script(std::string_view sql) override {
    ResultPtr res(PQexec(conn_, postgres_sql(sql).c_str()), PQclear);
    const ExecStatusType st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
      return pg_error(conn_, res.get(), "执行脚本");
    return Status::Ok();
  }

  Result<std::unique_ptr<PreparedStatement>> prepare(std::string_view sql) override {
    const std::string name = "s" + std::to_string(++statements_);
    const std::string text = postgres_sql(sql);
    ResultPtr res(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr), PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return pg_error(conn_, res.get(), "准备语句");
    return std::unique_ptr<PreparedStatement>(new PgStatement(conn_, name));
  }

  Status ids_written(std::string_view table) override {
    const std::string t(table);
    return exec("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) "
                "FROM " + t, {});
  }

  Result<std::vector<int64_t>> next_ids(std::string_view table, int64_t n) override {
    const std::string t(table);
    if (PQtransactionStatus(conn_) != PQTRANS_INTRANS)
      return Status::Error("internal", "分配" + t + "的编号须在事务中进行");
    auto rows = query("SELECT nextval(pg_get_serial_sequence('" + t + "', 'id')) FROM generate_series(1, ?)", {n});
    if (!rows.ok()) return rows.status();
    std::vector<int64_t> ids;
    ids.reserve(rows->size());
    for (const Row& r : *rows) ids.push_back(r.integer(0));
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  // Per row, a foreign key costs a trigger that looks the key up and locks
  // its row (FOR KEY SHARE): most of a COPY's time at county scale. Added
  // back, each key is checked once over the whole table.
  Status keys_checked_after(const std::vector<std::string>& tables,
                            const std::function<Status()>& load) override {
    std::string names;
    for (const std::string& t : tables) names += (names.empty() ? "'" : ", '") + t + "'";
    auto keys = query("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                      "WHERE contype = 'f' AND conrelid::regclass::text IN (" + names + ") ORDER BY oid",
                      {});
    if (!keys.ok()) return keys.status();
    for (const Row& k : *keys)
      if (Status s = exec_script("ALTER TABLE " + k.text(0) + " DROP CONSTRAINT " + k.text(1)); !s.ok()) return s;
    Status s = load();
    for (const Row& k : *keys)
      if (s.ok()) s = exec_script("ALTER TABLE " + k.text(0) + " ADD CONSTRAINT " + k.text(1) + " " + k.text(2));
    return s;
  }

  // One writing transaction at a time, as SQLite's BEGIN IMMEDIATE gives: a
  // transaction-scoped advisory lock, held until COMMIT or ROLLBACK, across
  // every server process on the database. A read-then-write (学年升级, an
  // import's reconciliation) then never races another.
  Status begin() override { return exec_script("BEGIN; SELECT pg_advisory_xact_lock(20260901)"); }
  Status commit() override { return exec_script("COMMIT"); }
  Status rollback() override { return exec_script("ROLLBACK"); }

  Result<std::unique_ptr<BulkInsert>> bulk_insert(std::string_view table,
                                                  const std::vector<std::string>& columns) override {
    std::string names;
    for (const std::string& c : columns) names += (names.empty() ? "" : ", ") + c;
    const std::string sql = "COPY " + std::string(table) + " (" + names + ") FROM STDIN";
    ResultPtr res(PQexec(conn_, sql.c_str()), PQclear);
    if (PQresultStatus(res.get()) != PGRES_COPY_IN) return pg_error(conn_, res.get(), "开始批量写入");
    return std::unique_ptr<BulkInsert>(new PgCopy(conn_));
  }

  // pg_dump's custom format.
  Status backup_to(const std::string& path) override {
    return run_tool("pg_dump", {"--format=custom", "--file=" + path, url_}, "备份");
  }
  // Every object of the dump dropped (if there) and made again, in one transaction.
  Status restore_from(const std::string& path) override {
    if (!std::filesystem::is_regular_file(path)) return Status::Error("not_found", "备份文件 " + path + " 不存在");
    return run_tool("pg_restore",
                    {"--clean", "--if-exists", "--single-transaction", "--no-owner", "--exit-on-error", "--dbname=" + url_, path},
                    "恢复");
  }

 private:
  // A parameter as an SQL literal of the type query() would send it with;
  // nullopt when libpq cannot escape the text (not valid in the connection's encoding).
  std::optional<std::string> literal(const Value& v) {
    if (auto p = std::get_if<int64_t>(&v)) return "CAST(" + std::to_string(*p) + " AS int8)";
    if (auto p = std::get_if<double>(&v)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", *p);
      return std::string("CAST('") + buf + "' AS float8)";
    }
    if (auto p = std::get_if<std::string>(&v)) {
      std::unique_ptr<char, void (*)(void*)> quoted(PQescapeLiteral(conn_, p->data(), p->size()), PQfreemem);
      if (!quoted) return std::nullopt;
      return std::string(quoted.get());
    }
    if (auto p = std::get_if<Blob>(&v)) {
      std::string out = "'\\";
      append_bytea_hex(out, *p);
      return out + "'::bytea";
    }
    return "NULL";
  }

  // Statements are prepared once per connection and reused, by their text and
  // parameter types, as on SQLite: the store sends the same texts again and
  // again, and PostgreSQL then parses and plans each once. (Prepared
  // statements outlive a rolled-back transaction.)
  Result<std::string> cached_statement(std::string_view sql, const Params& p) {
    std::string key(sql);
    for (const Oid type : p.types) key += "\x1f" + std::to_string(type);
    auto it = cached_.find(key);
    if (it != cached_.end()) return it->second;
    if (cached_.size() >= kMaxCachedStatements) {
      for (const auto& [text, name] : cached_) exec_script("DEALLOCATE " + name);
      cached_.clear();
    }
    const std::string name = "q" + std::to_string(++statements_);
    ResultPtr res(PQprepare(conn_, name.c_str(), postgres_sql(sql).c_str(), p.count(), p.types.data()), PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return pg_error(conn_, res.get(), "执行语句");
    cached_.emplace(std::move(key), name);
    return name;
  }

  static constexpr size_t kMaxCachedStatements = 256;
  PGconn* conn_;
  std::string url_;
  int statements_ = 0;
  std::unordered_map<std::string, std::string> cached_;
};

}  // namespace

std::string postgres_sql(std::string_view sql) {
  return postgres_sql(sql, [](int n) { return "$" + std::to_string(n); });
}

std::string postgres_sql(std::string_view sql, const std::function<std::string(int)>& placeholder) {
  // SQLite's CURRENT_TIMESTAMP text, "YYYY-MM-DD HH:MM:SS" in UTC, for the TEXT columns that hold it.
  static constexpr std::string_view kNow = "CURRENT_TIMESTAMP";
  static constexpr std::string_view kNowText = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')";
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // copy the quoted text whole ('' and "" escape themselves)
      const size_t end = sql.find(c, i + 1);
      const size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      out += placeholder(++n);
    } else if (sql.compare(i, kNow.size(), kNow) == 0) {
      out += kNowText;
      i += kNow.size() - 1;
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::unique_ptr<Database>> open_postgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string detail = PQerrorMessage(conn);
    PQfinish(conn);
    while (!detail.empty() && detail.back() == '\n') detail.pop_back();
    return Status::Error("database", "无法连接 PostgreSQL 数据库:" + detail);
  }
  auto db = std::unique_ptr<Database>(new PgDatabase(conn, url));
  // Quiet NOTICEs (CREATE … IF NOT EXISTS), and dates and text as the store expects.
  Status s = db->exec_script("SET client_min_messages = warning; SET client_encoding = 'UTF8'; "
                             "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO'");
  if (!s.ok()) return s;
  return db;
}

}  // namespace edu
