// The demo county's login accounts: one per role, all with kDemoPassword,
// scoped to real areas/schools of the generated county.
#pragma once

#include <string>
#include <vector>

#include "workflow/user_commands.h"

namespace edu {

inline const char* kDemoPassword = "Demo@2026";

// Creates admin, officer, school_admin, teacher and inspector in a loaded demo
// database; returns them for printing.
Result<std::vector<User>> create_demo_users(Database& db, int school_year);

}  // namespace edu
