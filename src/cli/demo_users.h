// The demo county's login accounts: one per role, all with kDemoPassword,
// scoped to real areas/schools of the generated county.
#pragma once

#include <string>
#include <vector>

#include "workflow/user_commands.h"

namespace edu {

inline const char* kDemoPassword = "Demo@2026";

// The 教育局管理员 "admin" the demo county is initialised with (cli/demo_county.h).
NewUser demo_admin();

// Creates officer, school_admin, teacher and inspector in a written demo
// database; returns them after the admin, for printing.
Result<std::vector<User>> create_demo_users(Database& db, int school_year);

}  // namespace edu
