// Commands on user accounts, shared by the API and the CLI: create a user
// (checked username, password strength, role and its area/school links) and
// change a password. Each is one audited transaction.
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

}  // namespace edu
