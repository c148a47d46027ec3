// 小升初 follow-up lists, shared by the API and the CLI: the lists of
// analytics/transition.h for school year `year` (none: the current year,
// store/school_year_store.h), cut to what the reader may see:
//   - the bureau admin, or the command line (`actor` null): every list;
//   - an area officer or inspector: the townships in their area, and the 初中
//     lists of the 初中 there;
//   - a school admin: their own school's 初中 list (none for a 小学);
//   - a teacher: refused (allowed(kRead, kTransition)).
// A year outside 2000–2100 is a "validation" error naming `year`.
#pragma once

#include <optional>

#include "access/policy.h"
#include "analytics/transition.h"

namespace edu {

Result<transition::Lists> transition_lists(Database& db, const Actor* actor,
                                           std::optional<int64_t> year);

}  // namespace edu
