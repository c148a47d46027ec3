#include "store/login_failure_store.h"

namespace edu {
namespace {

Result<std::optional<int64_t>> first_time(Result<Rows> rows) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows->front().integer(0));
}

}  // namespace

Status record_login_failure(Database& db, const std::string& username, const std::string& address, int64_t at,
                            int64_t forget_through) {
  Status s = db.exec("INSERT INTO login_failures (username, address, at) VALUES (?, ?, ?)", {username, address, at});
  if (!s.ok()) return s;
  return db.exec("DELETE FROM login_failures WHERE at <= ?", {forget_through});
}

Result<std::optional<int64_t>> nth_newest_login_failure(Database& db, const std::string& username,
                                                        const std::string& address, int64_t after, int n) {
  return first_time(db.query(
      "SELECT at FROM login_failures WHERE username = ? AND address = ? AND at > ? AND cleared = 0 "
      "ORDER BY at DESC LIMIT 1 OFFSET ?",
      {username, address, after, int64_t{n - 1}}));
}

Result<std::optional<int64_t>> nth_newest_login_failure_from(Database& db, const std::string& address,
                                                             int64_t after, int n) {
  return first_time(db.query("SELECT at FROM login_failures WHERE address = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?",
                             {address, after, int64_t{n - 1}}));
}

Status clear_login_failures(Database& db, const std::string& username, const std::string& address) {
  return db.exec("UPDATE login_failures SET cleared = 1 WHERE username = ? AND address = ? AND cleared = 0",
                 {username, address});
}

}  // namespace edu
