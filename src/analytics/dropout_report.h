// 控辍保学 reports and rates as pure functions (no SQL: workflow/dropout_report.h
// loads the facts). Every count carries the ids of the cases behind it.
//
// For a period [from, to] (ISO dates, inclusive), per township, per school and
// in total:
//   - 新增 (opened): cases whose 发现日期 falls in the period;
//   - 返校 (returned): cases closed as 返校复学 in the period (by 返校日期);
//   - 办结 (closed): cases closed in the period, any outcome (不予认定 too);
//   - 仍未返校 (still out): cases found by `to` and not closed by then, less
//     those found untrue (不予认定 is never a child out of school).
// By reason: the cases opened in the period, by their recorded reason; by
// outcome: the cases closed in the period, by the action that closed them.
//
// Rates (DOMAIN.md), each with numerator and denominator:
//   年辍学率 = children who dropped out during the school year ÷ enrolment at
//             the start of that year (× 100);
//   九年义务教育巩固率 = 初中毕业年级在校生数 ÷ 该届学生入小学一年级时的人数 (× 100).
// A zero denominator gives no value, flagged; so does a rate over 100%.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace edu::analytics::dropout {

struct CaseFact {
  int64_t id = 0;
  int64_t student_id = 0;
  int64_t township_id = 0;
  std::string township_name;
  int64_t school_id = 0;
  std::string school_name;
  std::string reason;
  std::string opened_on;  // 发现日期
  std::string closed_on;  // "" while open
  std::string outcome;    // the closing action's key ("" while open)
};

struct Count {
  int n = 0;
  std::vector<int64_t> case_ids;
  void add(int64_t id) { ++n, case_ids.push_back(id); }
};

struct Tally {
  Count opened, returned, closed, still_out;
};

struct SchoolRow {
  int64_t id = 0;
  std::string name;
  Tally tally;
};

struct TownshipRow {
  int64_t id = 0;
  std::string name;
  Tally tally;
  std::vector<SchoolRow> schools;  // in order of first appearance
};

struct Keyed {
  std::string key;
  Count count;
};

struct Report {
  std::string from, to;
  Tally total;
  std::vector<TownshipRow> townships;  // in order of first appearance
  std::vector<Keyed> by_reason, by_outcome;  // most first, then by key
};

Report build_report(const std::vector<CaseFact>& cases, const std::string& from, const std::string& to);

struct Rate {
  double numerator = 0, denominator = 0;
  std::optional<double> value;  // percent; absent when the denominator is 0
  bool flagged = false;         // zero denominator or over 100%
};

// The children who dropped out in [from, to] (a school year): one case each
// (the first) found in the period, neither found untrue nor closed by `to` as
// back in school — 返校复学, 送教上门, verified 转入特教/其他学校 or 外出就读
// (closed 其他 the child still counts); their case ids.
std::vector<int64_t> dropouts_during(const std::vector<CaseFact>& cases, const std::string& from,
                                     const std::string& to);
Rate dropout_rate(int dropouts, int enrolled_at_start);
Rate retention_rate(int final_grade_in_school, int cohort_at_grade_one);

}  // namespace edu::analytics::dropout
