// Users and their login sessions. Passwords are stored only as argon2id hashes
// (store/password.h); session tokens only as SHA-256 hashes, so a copy of the
// database cannot be used to log in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace edu {

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;
  std::string role;  // access/roles.h
  std::optional<int64_t> area_id;
  std::optional<int64_t> school_id;
  std::optional<int64_t> teacher_id;
  bool active = true;
};

Result<std::vector<User>> list_users(Database& db);
Result<std::optional<User>> find_user(Database& db, const std::string& username);
Result<std::optional<User>> get_user(Database& db, int64_t id);
Result<int64_t> insert_user(Database& db, const User& user);
Status set_password_hash(Database& db, int64_t user_id, const std::string& hash);
// Writes everything of `user` but its username and password.
Status update_user(Database& db, const User& user);

struct Session {
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t expires_at = 0;  // unix seconds
};

// Creates a session; returns the secret token for the cookie.
Result<std::string> create_session(Database& db, int64_t user_id, int64_t now, int64_t lifetime,
                                   std::string* csrf_token);
// A live (unexpired) session for the cookie token, or nullopt.
Result<std::optional<Session>> find_session(Database& db, const std::string& token, int64_t now);
Status delete_session(Database& db, const std::string& token);
// Logs the user out everywhere (after a password change).
Status delete_sessions_of(Database& db, int64_t user_id);

}  // namespace edu
