// 交流轮岗's plan for a reader and a school year (analytics/exchange_plan.h
// on the county's staff and exchange cases), in the reader's scope: the
// bureau every school, an area officer their township's, a school admin
// their own; other roles are refused (they take no part in cases).
//
// The rules are the county's exchange.* settings, declared with their
// labels, defaults and bounds in workflow/county_rules.h (the bureau sets them
// in 系统管理); a stored value that does not fit is the error "config".
// The year's moves are the exchange cases whose start_on falls in the school
// year, not refused or withdrawn; quotas count them over the whole county (a school's
// quota does not depend on who reads it). The exchanges away now (approved,
// not returned) that touch the reader's schools are listed with their
// planned return, due when it is today or past. The moves proposed and not
// yet approved are also given as a what-if draft (analytics/whatif.h: one
// teacher of the mover's 学段, subject and 骨干 level from the home school to
// the receiving one; 小学 and 初中 only), for the 差异系数 before and after.
#pragma once

#include "access/policy.h"
#include "analytics/exchange_plan.h"
#include "analytics/whatif.h"
#include "store/case_store.h"
#include "store/exchange_store.h"

namespace edu {

struct ExchangeReport {
  analytics::ExchangeRules rules;
  analytics::ExchangePlan plan;
  std::vector<CaseView> cases;             // the year's moves' cases in scope, by id
  std::vector<TeacherExchange> away;       // in scope, by planned return
  std::vector<analytics::TeacherMoveDraft> pending;  // proposed, not approved: the what-if's moves
};

Result<ExchangeReport> exchange_report(Database& db, const Actor& actor, int year);

}  // namespace edu
