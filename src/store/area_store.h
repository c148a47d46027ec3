// Areas (行政区划): the county and its townships, and settings of the county.
#pragma once

#include <optional>
#include <vector>

#include "core/model.h"
#include "store/database.h"
#include "store/scope.h"

namespace edu {

// Areas the scope may see: kAll -> all; kArea -> the subtree; school scopes ->
// the school's township.
Result<std::vector<Area>> list_areas(Database& db, const Scope& scope);
Result<std::optional<Area>> get_area(Database& db, int64_t id);
// Is `area_id` inside the subtree of `root_id`?
Result<bool> area_within(Database& db, int64_t area_id, int64_t root_id);
// The county: the one area without a parent (nullopt before `init`).
Result<std::optional<Area>> get_county(Database& db);
Result<int64_t> insert_area(Database& db, const Area& area);
Status update_area(Database& db, const Area& area);

// County-wide settings (key/value): "county_name", "school_year" (the current
// year only while no class is opened: store/school_year_store.h),
// "import_max_rows" (workflow/upload_sheet.h).
Result<std::string> get_setting(Database& db, const std::string& key, const std::string& fallback);
Status set_setting(Database& db, const std::string& key, const std::string& value);

}  // namespace edu
