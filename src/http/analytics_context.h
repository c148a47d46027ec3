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

// `year` (default: the current school year) within the snapshot's history.
Result<int> history_year(const analytics::Snapshot& snapshot, int requested);
Result<analytics::Section> section_param(const std::string& value);  // "" = 小学
Result<std::vector<analytics::Section>> sections_param(const std::string& value);  // "" = both
Result<const analytics::BalanceStandard*> standard_param(const std::string& value);  // "" = 2017
// primary_above: "" or 专科 (national) / 本科.
Result<analytics::BalanceSettings> settings_param(const std::string& primary_above);

}  // namespace edu
