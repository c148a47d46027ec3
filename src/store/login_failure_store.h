// Failed logins in the database (table login_failures, migration 21), the
// rows the login budgets (http/login_limiter.h) are counted from. Every
// server of one database reads and writes the same rows; times are unix
// seconds of the recording server's clock. The store only keeps and counts
// rows: the budgets and the window are the limiter's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace edu {

// A failure of `username` from `address` at `at`; in the same call, every
// failure at or before `forget_through` (any username, any address) is
// deleted, so the table keeps only what a budget can still count.
Status record_login_failure(Database& db, const std::string& username, const std::string& address, int64_t at,
                            int64_t forget_through);

// The time of the n-th newest failure (n >= 1) after `after`, or nullopt when
// there are fewer than n: of `username` from `address`, not cleared …
Result<std::optional<int64_t>> nth_newest_login_failure(Database& db, const std::string& username,
                                                        const std::string& address, int64_t after, int n);
// … or of any username from `address`, cleared or not.
Result<std::optional<int64_t>> nth_newest_login_failure_from(Database& db, const std::string& address,
                                                             int64_t after, int n);

// Marks the failures of `username` from `address` cleared: they no longer
// count for the username, and still count for the address.
Status clear_login_failures(Database& db, const std::string& username, const std::string& address);

}  // namespace edu
