#include "store/user_store.h"

#include "store/password.h"

namespace edu {
namespace {

const char* kColumns =
    "id, username, display_name, password_hash, role, area_id, school_id, teacher_id, active";

User user_from(const Row& r) {
  User u;
  u.id = r.integer(0);
  u.username = r.text(1);
  u.display_name = r.text(2);
  u.password_hash = r.text(3);
  u.role = r.text(4);
  if (!r.is_null(5)) u.area_id = r.integer(5);
  if (!r.is_null(6)) u.school_id = r.integer(6);
  if (!r.is_null(7)) u.teacher_id = r.integer(7);
  u.active = r.integer(8) != 0;
  return u;
}

Value opt(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(nullptr); }

Result<std::optional<User>> first(Result<Rows> rows) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<User>();
  return std::optional<User>(user_from(rows->front()));
}

}  // namespace

Result<std::vector<User>> list_users(Database& db) {
  auto rows = db.query(std::string("SELECT ") + kColumns + " FROM users ORDER BY id");
  if (!rows.ok()) return rows.status();
  std::vector<User> users;
  for (const Row& r : *rows) users.push_back(user_from(r));
  return users;
}

Result<std::optional<User>> find_user(Database& db, const std::string& username) {
  return first(db.query(std::string("SELECT ") + kColumns + " FROM users WHERE username = ?",
                        {username}));
}

Result<std::optional<User>> get_user(Database& db, int64_t id) {
  return first(db.query(std::string("SELECT ") + kColumns + " FROM users WHERE id = ?", {id}));
}

Result<int64_t> insert_user(Database& db, const User& u) {
  auto rows = db.query(
      "INSERT INTO users (username, display_name, password_hash, role, area_id, school_id, "
      "teacher_id, active, created_at) VALUES (?,?,?,?,?,?,?,?, CURRENT_TIMESTAMP) RETURNING id",
      {u.username, u.display_name, u.password_hash, u.role, opt(u.area_id), opt(u.school_id),
       opt(u.teacher_id), int64_t{u.active}});
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Status set_password_hash(Database& db, int64_t user_id, const std::string& hash) {
  return db.exec("UPDATE users SET password_hash = ? WHERE id = ?", {hash, user_id});
}

Status update_user(Database& db, const User& u) {
  return db.exec(
      "UPDATE users SET display_name = ?, role = ?, area_id = ?, school_id = ?, teacher_id = ?, "
      "active = ? WHERE id = ?",
      {u.display_name, u.role, opt(u.area_id), opt(u.school_id), opt(u.teacher_id),
       int64_t{u.active}, u.id});
}

Result<std::string> create_session(Database& db, int64_t user_id, int64_t now, int64_t lifetime,
                                   std::string* csrf_token) {
  std::string token = random_token();
  *csrf_token = random_token();
  Status s = db.exec(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES "
      "(?, ?, ?, ?, ?)",
      {sha256_hex(token), user_id, *csrf_token, now, now + lifetime});
  if (!s.ok()) return s;
  return token;
}

Result<std::optional<Session>> find_session(Database& db, const std::string& token, int64_t now) {
  auto rows = db.query(
      "SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = ? AND "
      "expires_at > ?",
      {sha256_hex(token), now});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Session>();
  const Row& r = rows->front();
  return std::optional<Session>(Session{r.integer(0), r.text(1), r.integer(2)});
}

Status delete_session(Database& db, const std::string& token) {
  return db.exec("DELETE FROM sessions WHERE token_hash = ?", {sha256_hex(token)});
}

Status delete_sessions_of(Database& db, int64_t user_id) {
  return db.exec("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

}  // namespace edu
