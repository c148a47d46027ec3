#include "workflow/exam_entitlement.h"

namespace edu {

bool acts_for(const Actor& actor, const exam::RosterEntry& candidate) {
  switch (actor.scope.kind) {
    case Scope::Kind::kAll: return true;
    case Scope::Kind::kSchool: return candidate.school_id == actor.scope.school_id;
    case Scope::Kind::kArea:
    case Scope::Kind::kHeadTeacher: return false;
  }
  return false;
}

std::vector<exam::RosterEntry> entitled_roster(const Actor& actor, const std::vector<exam::RosterEntry>& roster) {
  std::vector<exam::RosterEntry> out;
  for (const exam::RosterEntry& e : roster)
    if (acts_for(actor, e)) out.push_back(e);
  return out;
}

}  // namespace edu
