#include "store/postgres/pg_database.h"

#include <libpq-fe.h>

#include <cstdio>
#include <memory>
#include <string>
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

class PgDatabase : public Database {
 public:
  PgDatabase(PGconn* conn, std::string url) : conn_(conn), url_(std::move(url)) {}
  ~PgDatabase() override { PQfinish(conn_); }
  Dialect dialect() const override { return Dialect::kPostgres; }

  Status exec(std::string_view sql, const std::vector<Value>& params) override {
    auto rows = query(sql, params);
    return rows.ok() ? Status::Ok() : rows.status();
  }

  Result<Rows> query(std::string_view sql, const std::vector<Value>& params) override {
    const std::string text = postgres_sql(sql);
    Params p(params);
    ResultPtr res(PQexecParams(conn_, text.c_str(), p.count(), p.types.data(), p.values.data(), p.lengths.data(),
                               p.formats.data(), 0),
                  PQclear);
    const ExecStatusType st = PQresultStatus(res.get());
    if (st == PGRES_COMMAND_OK) return Rows{};
    if (st != PGRES_TUPLES_OK) return pg_error(conn_, res.get(), "执行语句");
    Rows rows;
    const int n = PQntuples(res.get()), columns = PQnfields(res.get());
    rows.reserve(n);
    for (int r = 0; r < n; ++r) {
      std::vector<Value> values;
      values.reserve(columns);
      for (int c = 0; c < columns; ++c) values.push_back(cell(res.get(), r, c));
      rows.emplace_back(std::move(values));
    }
    return rows;
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

  // One writing transaction at a time, as SQLite's BEGIN IMMEDIATE gives: a
  // transaction-scoped advisory lock, held until COMMIT or ROLLBACK, across
  // every server process on the database. A read-then-write (学年升级, an
  // import's reconciliation) then never races another.
  Status begin() override { return exec_script("BEGIN; SELECT pg_advisory_xact_lock(20260901)"); }
  Status commit() override { return exec_script("COMMIT"); }
  Status rollback() override { return exec_script("ROLLBACK"); }

  // pg_dump's custom format (restore with pg_restore).
  Status backup_to(const std::string& path) override {
    const std::string command = "pg_dump --format=custom --file='" + path + "' '" + url_ + "' 2>&1";
    if (path.find('\'') != std::string::npos || url_.find('\'') != std::string::npos)
      return Status::Error("validation", "备份路径或数据库地址含有单引号");
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return Status::Error("database", "无法运行 pg_dump");
    std::string output;
    char buf[512];
    while (fgets(buf, sizeof buf, pipe.get())) output += buf;
    const int rc = pclose(pipe.release());
    if (rc != 0) return Status::Error("database", "pg_dump 备份失败:" + output);
    return Status::Ok();
  }

 private:
  PGconn* conn_;
  std::string url_;
  int statements_ = 0;
};

}  // namespace

std::string postgres_sql(std::string_view sql) {
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
      out += '$' + std::to_string(++n);
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
