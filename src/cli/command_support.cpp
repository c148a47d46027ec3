#include "cli/command_support.h"

#include <ctime>
#include <iostream>

#include "ingest/file_bytes.h"
#include "store/user_store.h"

namespace edu {

int fail(const Status& s) {
  std::cerr << "错误:" << s.message() << "\n";
  return 1;
}

Result<Actor> actor_named(Database& db, const std::string& username) {
  auto user = find_user(db, username);
  if (!user.ok()) return user.status();
  if (!*user) return Status::Error("not_found", "用户“" + username + "”不存在(用 --user 指定以谁的身份操作)");
  auto scope = scope_of(**user);
  if (!scope.ok()) return scope.status();
  return Actor{**user, *scope, "(命令行)"};
}

Date local_today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Result<std::string> read_command_file(const std::string& path) {
  auto bytes = ingest::read_file_bytes(path, size_t{512} << 20);
  if (!bytes.ok()) return Status::Error("bad_file", bytes.status().message());
  return bytes;
}

}  // namespace edu
