// What the analytics handlers share: the county's snapshot, cached and
// reloaded only when the registers changed (store/snapshot_loader.h's
// registers_version), the schools a caller's scope shows rows for, and the
// common query parameters (year, section, standard) checked with Chinese
// messages.
#pragma once

#include <memory>
#include <mutex>

#include "analytics/balance_model.h"
#include "http/router.h"

namespace edu {

class SnapshotCache {
 public:
  Result<std::shared_ptr<const analytics::Snapshot>> get(Database& db, int current_year);

 private:
  std::mutex mutex_;
  int64_t version_ = -1;
  int year_ = 0;
  std::shared_ptr<const analytics::Snapshot> snapshot_;
};

// visible[school]: the school lies in the scope (an area scope takes the area's subtree).
std::vector<bool> visible_schools(const analytics::Snapshot& snapshot, const Scope& scope);

// The 区/县 of a city deployment whose figures the scope may see (a county
// officer: theirs; a city-level user: all; a school: its own), in area order;
// empty in a county deployment.
std::vector<const Area*> visible_counties(const analytics::Snapshot& snapshot, const Scope& scope);
// The 区/县 the balanced-development figures are for (the 差异系数's official
// unit): 0 in a county deployment (the whole county, county_id refused); in a
// city, `requested` when given (one of visible_counties, else "forbidden";
// not a 区/县: "not_found"), otherwise the first visible county.
Result<int64_t> county_param(const analytics::Snapshot& snapshot, const Scope& scope, int64_t requested);

// `year` (default: the current school year) within the snapshot's history.
Result<int> history_year(const analytics::Snapshot& snapshot, int requested);
Result<analytics::Section> section_param(const std::string& value);  // "" = 小学
Result<std::vector<analytics::Section>> sections_param(const std::string& value);  // "" = both
Result<const analytics::BalanceStandard*> standard_param(const std::string& value);  // "" = 2017
// primary_above: "" or 专科 (national) / 本科.
Result<analytics::BalanceSettings> settings_param(const std::string& primary_above);

}  // namespace edu
