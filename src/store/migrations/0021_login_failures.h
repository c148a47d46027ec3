// Migration 21: failed logins (http/login_limiter.h) kept in the database, so
// every server of one database counts them alike and a restart keeps them.
// Plain SQL that runs alike on SQLite and PostgreSQL.
//  - login_failures: one row per failed login (or wrong setup code): the
//    username as typed, the client's address, when (unix seconds), and
//    whether a later successful login of that username from that address
//    cleared it (cleared rows still count for the address's budget).
//  - login_failures_name serves the username-and-address budget,
//    login_failures_address the address's, login_failures_at the purge of
//    rows older than the window.
#pragma once

namespace edu {

inline constexpr const char* kMigration0021LoginFailures = R"SQL(
CREATE TABLE login_failures (
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  at BIGINT NOT NULL,
  cleared BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX login_failures_name ON login_failures(username, address, at);
CREATE INDEX login_failures_address ON login_failures(address, at);
CREATE INDEX login_failures_at ON login_failures(at);
)SQL";

}  // namespace edu
