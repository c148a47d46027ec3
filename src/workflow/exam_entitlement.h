// Whose exam candidates an actor acts for — scores on a sheet, asks 免考 for:
// the bureau (scope: all) for every candidate, a school administrator for
// their own school's roster, nobody else. The role itself is checked by the
// caller (access/policy); this decides the candidates.
#pragma once

#include <vector>

#include "access/policy.h"
#include "exam/participation.h"

namespace edu {

bool acts_for(const Actor& actor, const exam::RosterEntry& candidate);

// The candidates of `roster` the actor acts for, in roster order.
std::vector<exam::RosterEntry> entitled_roster(const Actor& actor, const std::vector<exam::RosterEntry>& roster);

}  // namespace edu
