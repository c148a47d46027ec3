// The 小升初 lists (analytics/transition.h) as the JSON of docs/API.md, ID
// numbers masked; shared by GET /transition and `edubureau transition --json`.
// Totals are of the lists given (what the reader sees).
#pragma once

#include <nlohmann/json.hpp>

#include "analytics/transition.h"

namespace edu {

nlohmann::json transition_json(const transition::Lists& lists);

}  // namespace edu
