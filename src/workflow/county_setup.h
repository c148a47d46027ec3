// How a real bureau starts (`edubureau init`): on a database without a county,
// one transaction creates the county (名称 and its 6-digit 行政区划代码, the
// root of the area tree, level 县), records its name and the current school
// year in the settings, and creates the first 教育局管理员 by the checks of
// `user add` (workflow/user_commands.h). Any error — a county already there,
// a bad code, a weak password — leaves the database as it was.
// Townships (乡镇/街道) then come by the `area` import (workflow/register_import.h).
#pragma once

#include <string>

#include "workflow/register_commands.h"
#include "workflow/user_commands.h"

namespace edu {

struct NewCounty {
  std::string name;  // 青山县
  std::string code;  // 行政区划代码, 6 digits: 430521
  NewUser admin;     // its role is set to bureau_admin
  std::string origin = "(命令行)";  // where it was asked from, for the audit: the command line or an address
};

// Errors: "exists" (the database already has a county), "validation".
Result<Area> init_county(Database& db, const NewCounty& county, const RegisterContext& ctx);

// Is `code` all digits and `length` long?
bool is_area_code(const std::string& code, size_t length);

}  // namespace edu
