// Renaming an area below the root (a 区/县, 乡镇(街道) or 学区) from the web UI
// (the 乡镇(街道) page): the bureau's alone; the name must be non-empty and
// unique under its parent, as the area
// import requires (workflow/register_import.h, which also adds townships and
// is how codes are given). The county itself is renamed by no one here. One
// audited transaction; errors are Chinese and name the field.
#pragma once

#include <string>

#include "access/policy.h"

namespace edu {

// Errors: "forbidden", "not_found" (no such township), "validation", "duplicate".
Result<Area> rename_area(Database& db, const Actor& actor, int64_t area_id, const std::string& name);

}  // namespace edu
