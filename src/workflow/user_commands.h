// Commands on user accounts, shared by the API and the CLI: create a user
// (checked username, password strength, role and its area/school links),
// change one (name, role, links, 启用/停用) and change a password. Each is one
// audited transaction; a password change or 停用 also ends the user's sessions.
#pragma once

#include <optional>
#include <string>

#include "access/policy.h"

namespace edu {

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::string role;
  std::optional<int64_t> area_id, school_id, teacher_id;
};

// `actor` is null when run from the command line by the server's operator.
Result<User> create_user(Database& db, const Actor* actor, const NewUser& user);
// create_user's checks and writes inside the caller's Transaction (a command
// that creates a user among other records, e.g. workflow/county_setup.h).
Result<User> add_user(Database& db, const Actor* actor, const NewUser& user);
Status change_password(Database& db, const Actor* actor, const std::string& username,
                       const std::string& password);

// What the bureau may change of an account (everything but username and password).
struct UserChange {
  std::string display_name;
  std::string role;
  std::optional<int64_t> area_id, school_id, teacher_id;
  bool active = true;
};
// Errors: "not_found", "validation" (role links as create_user checks them),
// "forbidden" (an admin may not disable their own account or give up their own
// role: the county would be one step from having no administrator).
Result<User> update_user(Database& db, const Actor& actor, int64_t user_id, const UserChange& change);

}  // namespace edu
