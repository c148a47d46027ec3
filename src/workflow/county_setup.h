// How a real bureau starts (`edubureau init`): on a database without a root
// area, one transaction creates the root (名称 and its 6-digit 行政区划代码) —
// a county (level 县, `--county`) or a city (level 市, `--city`, a code ending
// in 00) — records its name and the current school year in the settings, and
// creates the first 教育局管理员 by the checks of `user add`
// (workflow/user_commands.h). Any error — a root already there, a bad code, a
// weak password — leaves the database as it was. 区/县 (in a city), 乡镇/街道
// and 学区 then come by the `area` import (workflow/register_import.h).
#pragma once

#include <string>

#include "workflow/register_commands.h"
#include "workflow/user_commands.h"

namespace edu {

struct NewCounty {
  std::string name;   // 青山县 / 邵阳市
  std::string code;   // 行政区划代码, 6 digits: 430521 / 430500
  bool city = false;  // the root is a 市 whose 区/县 are imported
  NewUser admin;      // its role is set to bureau_admin
  std::string origin = "(命令行)";  // where it was asked from, for the audit: the command line or an address
};

// Errors: "exists" (the database already has a root), "validation".
Result<Area> init_county(Database& db, const NewCounty& county, const RegisterContext& ctx);

}  // namespace edu
