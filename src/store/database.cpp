#include "store/database.h"

#include <charconv>

#include "store/page_anchors.h"
#include "store/postgres/pg_database.h"
#include "store/sqlite/sqlite_database.h"

namespace edu {

int64_t Row::integer(size_t i) const {
  const Value& v = values_[i];
  if (auto p = std::get_if<int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::stoll(*p);
  return 0;
}

double Row::real(size_t i) const {
  const Value& v = values_[i];
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::stod(*p);
  return 0;
}

std::string Row::text(size_t i) const {
  const Value& v = values_[i];
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) return std::to_string(*p);
  return "";
}

int64_t RowView::integer(size_t i) const {
  const Cell& c = cells_[i];
  switch (c.kind) {
    case Kind::kInteger: return c.integer;
    case Kind::kReal: return static_cast<int64_t>(c.real);
    case Kind::kText: {
      int64_t n = 0;
      return std::from_chars(c.text.data(), c.text.data() + c.text.size(), n).ec == std::errc() ? n : 0;
    }
    case Kind::kNull: break;
  }
  return 0;
}

double RowView::real(size_t i) const {
  const Cell& c = cells_[i];
  switch (c.kind) {
    case Kind::kReal: return c.real;
    case Kind::kInteger: return static_cast<double>(c.integer);
    case Kind::kText: {
      double x = 0;
      return std::from_chars(c.text.data(), c.text.data() + c.text.size(), x).ec == std::errc() ? x : 0;
    }
    case Kind::kNull: break;
  }
  return 0;
}

std::string_view RowView::text(size_t i) const {
  const Cell& c = cells_[i];
  if (c.kind == Kind::kText) return c.text;
  if (c.kind == Kind::kNull) return {};
  char* end = c.kind == Kind::kInteger ? std::to_chars(c.digits, c.digits + sizeof c.digits, c.integer).ptr
                                       : std::to_chars(c.digits, c.digits + sizeof c.digits, c.real).ptr;
  return std::string_view(c.digits, end - c.digits);
}

namespace {

class PreparedBulkInsert : public BulkInsert {
 public:
  explicit PreparedBulkInsert(std::unique_ptr<PreparedStatement> stmt) : stmt_(std::move(stmt)) {}
  Status add(const std::vector<Value>& row) override { return stmt_->run(row); }
  Status finish() override { return Status::Ok(); }

 private:
  std::unique_ptr<PreparedStatement> stmt_;
};

}  // namespace

Result<std::unique_ptr<BulkInsert>> prepared_bulk_insert(Database& db, std::string_view table,
                                                         const std::vector<std::string>& columns) {
  std::string names, marks;
  for (const std::string& c : columns) {
    names += (names.empty() ? "" : ", ") + c;
    marks += marks.empty() ? "?" : ",?";
  }
  auto stmt = db.prepare("INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" + marks + ")");
  if (!stmt.ok()) return stmt.status();
  return std::unique_ptr<BulkInsert>(new PreparedBulkInsert(std::move(*stmt)));
}

bool is_postgres_url(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Database>> open_database(const std::string& url) {
  auto db = is_postgres_url(url) ? open_postgres(url) : open_sqlite(url);
  // A database made anew at a place once open (a test's fresh one) starts with no kept pages.
  if (db.ok()) PageAnchorCache::shared().forget((*db)->location());
  return db;
}

Transaction::Transaction(Database& db) : db_(db) {
  begun_ = db_.begin();
  open_ = begun_.ok();
}

Transaction::~Transaction() {
  if (open_) db_.rollback();
}

Status Transaction::commit() {
  if (!open_) return Status::Error("internal", "事务未开始");
  Status s = db_.commit();
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace edu
