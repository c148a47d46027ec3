// Rendering analytics results (statistics, balance, what-if, plan) as the
// JSON shapes of docs/API.md, and reading a what-if draft from JSON. Shared
// by the API handlers and `edubureau analyze … --json`. `visible[school]`
// limits the per-school rows to the caller's scope; county figures (差异系数)
// are always the whole county's.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "analytics/planner.h"
#include "analytics/statistics.h"

namespace edu {

nlohmann::json statistics_json(const analytics::Statistics& s);
nlohmann::json balance_json(const analytics::BalanceModel& m, analytics::Section section,
                            const std::vector<bool>& visible);
// One year's county figures for a section (the history chart).
nlohmann::json balance_summary_json(const analytics::BalanceModel& m, analytics::Section section);
nlohmann::json whatif_json(const analytics::BalanceModel& today, const analytics::WhatIf& w);
nlohmann::json plan_json(const analytics::BalanceModel& today, const analytics::Plan& plan);

// {"changes": [{"type": "move_teachers", from_school_id, to_school_id, section, count,
// subject?, backbone?} | {"type": "add_conditions", school_id, teaching_area?, sports_area?,
// equipment_value?, multimedia_rooms?}]}
Result<analytics::Draft> draft_from_json(const nlohmann::json& body);

}  // namespace edu
