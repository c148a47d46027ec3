// Areas (行政区划): the root (a county, or a city with its 区/县), townships
// and 学区 (core/area_tree.h), and settings of the deployment.
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
// The ids of the schools placed in `area_id` or any area below it.
Result<std::vector<int64_t>> schools_within(Database& db, int64_t area_id);
// The root: the one area without a parent (nullopt before `init`) — the
// county, or the city in a city deployment (level 市).
Result<std::optional<Area>> get_county(Database& db);
Result<int64_t> insert_area(Database& db, const Area& area);
// Many new areas, each with the id Database::next_ids gave it and parents
// before their children, in one batch through bulk_insert (COPY on
// PostgreSQL); the caller holds the transaction.
Status insert_areas(Database& db, const std::vector<Area>& areas);
Status update_area(Database& db, const Area& area);

// County-wide settings (key/value): "county_name", "school_year" (the current
// year only while no class is opened: store/school_year_store.h),
// "import_max_rows" (workflow/upload_sheet.h).
Result<std::string> get_setting(Database& db, const std::string& key, const std::string& fallback);
// A setting that is a whole number in [min, max]; `fallback` when unset, malformed or out of range.
Result<int> int_setting(Database& db, const std::string& key, int fallback, int min, int max);
Status set_setting(Database& db, const std::string& key, const std::string& value);

}  // namespace edu
