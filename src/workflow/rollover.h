// 学年升级, shared by the API and the CLI: plan the move of the register from
// the current school year (store/school_year_store.h) to `to_year`, and, on
// commit, apply it in one transaction audited as one entry with its counts
// (analytics/rollover_plan.h says what moves where).
//
// Only the bureau admin may preview or commit (allowed(kUpdate, kSchoolYear));
// `actor` is null when the server's operator runs it from the command line.
// to_year must be the year after the current one. A year already opened
// (to_year ≤ current) changes nothing and says so: running it twice is safe.
// A commit reads the registers inside its transaction, so what it applies is
// what it planned, and two commits at once apply one; problems are listed,
// never fatal — their students stay put.
#pragma once

#include <string>

#include "access/policy.h"
#include "analytics/rollover_plan.h"

namespace edu {

struct RolloverOutcome {
  int current_year = 0;    // before this call
  bool already_opened = false;  // to_year ≤ current_year: nothing to do
  bool committed = false;
  rollover::Plan plan;     // empty when already_opened
  std::string message;     // what happened, in Chinese
};

Result<RolloverOutcome> rollover_year(Database& db, const Actor* actor, int to_year, bool commit);

}  // namespace edu
