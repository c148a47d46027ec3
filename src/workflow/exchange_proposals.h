// 交流轮岗's proposals in one go (the balance planner's suggested moves, as
// the bureau chose them): each a 拟定交流 opening of the exchange workflow
// (workflow/exchange_workflow.cpp) with its fields (teacher_id,
// target_school_id, start_on, years), all in one transaction.
//
// Contract: the bureau admin's (the opening's party; anyone else
// "forbidden", nothing opened). Between 1 and kMaxProposals proposals
// ("validation" otherwise). Every case is opened, or none: the first refusal
// is returned with its code and field, its message prefixed by the
// proposal's position and teacher (第2条(张三):该教师已有未办结的交流轮岗
// 申请,不能重复申请; a teacher the bureau cannot find is named by the id
// given). A teacher named twice is refused at the second, as a teacher with
// an open exchange is.
#pragma once

#include <vector>

#include "workflow/case_engine.h"

namespace edu {

inline constexpr size_t kMaxProposals = 200;

// Whether the actor may propose `count` moves at once (the checks
// propose_exchanges makes before any proposal is read).
Status check_proposals(const Actor& actor, size_t count);

// The new cases' ids, in the order given.
Result<std::vector<int64_t>> propose_exchanges(Database& db, const Actor& actor, const std::vector<ActionInput>& moves,
                                               const Date& today);

}  // namespace edu
