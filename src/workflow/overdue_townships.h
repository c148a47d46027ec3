// The overdue cases for the level above by township (乡镇/街道): overdue_counts
// (case_engine.h) per school, each school under the township it counts in
// (core/area_tree.h: a school of a 学区 counts in its township). Who may ask
// and what counts as overdue are overdue_counts'; an area officer's hold the
// schools of their area only (a transfer of their area may wait at a school
// elsewhere: that school's township counts it, not theirs). A township
// appears only with at least one overdue case, most overdue first (then by
// name), its schools as overdue_counts lists them.
#pragma once

#include "workflow/case_engine.h"

namespace edu {

struct OverdueTownship {
  int64_t township_id = 0;
  std::string township_name;
  int64_t overdue = 0;
  std::vector<OverdueCount> schools;
};

Result<std::vector<OverdueTownship>> overdue_by_township(Database& db, const Actor& actor, const Date& today);

}  // namespace edu
