// 交流轮岗's effects on the register (workflow/exchange_workflow.cpp declares
// the workflow; the case engine runs these in the transition's transaction):
//  - start_exchange (the bureau's approval): the teacher, still at the case's
//    school (their home school), goes to the case's target school: the
//    register's school_id changes and the current school year's
//    teacher_years row follows (store/teacher_store.h update_teacher),
//    audited as an update of the teacher; an exchange record keeps the home
//    and host schools, the start (the case's start_on) and the planned return
//    (start_on + years, 29 February falling on the 28th).
//  - end_exchange (the return): the teacher, still at the host school, goes
//    back home the same way; the record keeps the day (the action's date).
//  Either refuses, changing nothing, when the teacher is no longer where the
//  case expects them (moved by hand meanwhile).
#pragma once

#include <nlohmann/json.hpp>

#include "access/policy.h"
#include "core/date.h"
#include "store/case_store.h"

namespace edu {

// start_on + years; nullopt when either is malformed.
std::optional<Date> planned_return(const std::string& start_on, const std::string& years);

Status start_exchange(Database& db, const Actor& actor, const CaseRecord& c, const nlohmann::json& fields);
Status end_exchange(Database& db, const Actor& actor, const CaseRecord& c, const nlohmann::json& fields);

}  // namespace edu
