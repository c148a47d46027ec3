#include "store/database.h"

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

Result<std::unique_ptr<Database>> open_database(const std::string& url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return open_postgres(url);
  return open_sqlite(url);
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
