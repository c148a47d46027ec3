// 职称申报批次 (rounds) and their report (职称评聘).
//  - The bureau opens a round (a name, its year, the dates applications are
//    taken) while none is open, and closes it; everyone who reads 职称评聘
//    (workflow/title_posts.h) lists the rounds.
//  - A round's applications and its report — per school and level, applied,
//    评审通过 and 聘任, with the case ids behind each (analytics/
//    title_posts.h round_report) — cover the reader's schools.
#pragma once

#include <vector>

#include "access/policy.h"
#include "analytics/title_posts.h"
#include "store/title_store.h"

namespace edu {

Result<std::vector<TitleRound>> title_rounds(Database& db, const Actor& actor);
Result<int64_t> open_title_round(Database& db, const Actor& actor, const TitleRound& round);
Status close_title_round(Database& db, const Actor& actor, int64_t round_id);

struct TitleRoundReport {
  TitleRound round;
  std::vector<TitleApplicationRow> applications;
  analytics::titles::RoundReport report;
};
// `round_id` 0: the newest round.
Result<TitleRoundReport> title_round_report(Database& db, const Actor& actor, int64_t round_id);

}  // namespace edu
