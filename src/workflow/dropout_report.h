// The 控辍保学 report for a reader and a period (analytics/dropout_report.h
// on the cases the reader sees: the bureau all, an area officer their
// township's, a school admin their school's; other roles are refused), with
// the current school year's 年辍学率 and 九年义务教育巩固率 in the same scope.
//
// What a case contributes: its 发现日期 (the opening's `date`), its recorded
// reason, and once closed the closing action (the outcome) and its date (the
// 办结/返校日期 field; 不予认定, which has none, the day it was logged).
// 年辍学率's numerator is the children with a case found during the school
// year (not found untrue), its denominator the register's 学年初在册 of 小学
// and 初中 (store/dropout_store.h); 巩固率 needs the cohort's 一年级 eight
// school years back and is absent, with the reason, when the register does
// not reach that year.
#pragma once

#include "access/policy.h"
#include "analytics/dropout_report.h"
#include "store/dropout_store.h"

namespace edu {

struct DropoutReport {
  analytics::dropout::Report report;
  std::vector<DropoutCaseRow> cases;  // every case a number above counts, by id
  int year = 0;                       // the school year of the rates
  analytics::dropout::Rate dropout_rate, retention_rate;
  std::vector<int64_t> dropout_case_ids;  // behind 年辍学率's numerator
  std::string retention_note;             // why 巩固率 is absent
};

Result<DropoutReport> dropout_report(Database& db, const Actor& actor, const std::string& from,
                                     const std::string& to);

// Every dropout case of the county as the rates read it (统计指标's 年辍学率,
// analytics/statistics.h).
Result<std::vector<analytics::dropout::CaseFact>> dropout_ledger(Database& db);

// The outcome's label: the closing action's (返校复学 …).
std::string dropout_outcome_label(const std::string& action_key);

}  // namespace edu
