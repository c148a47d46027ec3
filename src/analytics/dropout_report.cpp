#include "analytics/dropout_report.h"

#include <algorithm>
#include <map>
#include <set>

namespace edu::analytics::dropout {
namespace {

const char* const kReturned = "close_returned";
const char* const kDismissed = "dismiss";

void count(Tally& t, const CaseFact& c, const std::string& from, const std::string& to) {
  const bool closed = !c.closed_on.empty();
  if (c.opened_on >= from && c.opened_on <= to) t.opened.add(c.id);
  if (closed && c.closed_on >= from && c.closed_on <= to) {
    t.closed.add(c.id);
    if (c.outcome == kReturned) t.returned.add(c.id);
  }
  if (c.opened_on <= to && (!closed || c.closed_on > to) && c.outcome != kDismissed) t.still_out.add(c.id);
}

std::vector<Keyed> sorted(const std::map<std::string, Count>& by) {
  std::vector<Keyed> out;
  for (const auto& [key, n] : by) out.push_back({key, n});
  std::stable_sort(out.begin(), out.end(), [](const Keyed& a, const Keyed& b) { return a.count.n > b.count.n; });
  return out;
}

Rate rate(double num, double den) {
  Rate r{num, den, std::nullopt, den <= 0};
  if (den > 0) {
    r.value = num / den * 100;
    r.flagged = *r.value > 100;
  }
  return r;
}

}  // namespace

Report build_report(const std::vector<CaseFact>& cases, const std::string& from, const std::string& to) {
  Report r{from, to, {}, {}, {}, {}};
  std::map<std::string, Count> reasons, outcomes;
  for (const CaseFact& c : cases) {
    auto town = std::find_if(r.townships.begin(), r.townships.end(),
                             [&](const TownshipRow& t) { return t.id == c.township_id; });
    if (town == r.townships.end()) town = r.townships.insert(r.townships.end(), {c.township_id, c.township_name, {}, {}});
    auto school = std::find_if(town->schools.begin(), town->schools.end(),
                               [&](const SchoolRow& s) { return s.id == c.school_id; });
    if (school == town->schools.end()) school = town->schools.insert(town->schools.end(), {c.school_id, c.school_name, {}});
    count(r.total, c, from, to);
    count(town->tally, c, from, to);
    count(school->tally, c, from, to);
    if (c.opened_on >= from && c.opened_on <= to) reasons[c.reason].add(c.id);
    if (!c.closed_on.empty() && c.closed_on >= from && c.closed_on <= to) outcomes[c.outcome].add(c.id);
  }
  r.by_reason = sorted(reasons);
  r.by_outcome = sorted(outcomes);
  return r;
}

std::vector<int64_t> dropouts_during(const std::vector<CaseFact>& cases, const std::string& from,
                                     const std::string& to) {
  static const std::set<std::string> back_in_school = {kReturned, "close_home_teaching", "close_transferred",
                                                       "close_elsewhere"};
  std::vector<int64_t> ids, children;
  for (const CaseFact& c : cases) {
    if (c.opened_on < from || c.opened_on > to || c.outcome == kDismissed) continue;
    if (!c.closed_on.empty() && c.closed_on <= to && back_in_school.count(c.outcome)) continue;
    if (std::find(children.begin(), children.end(), c.student_id) != children.end()) continue;
    children.push_back(c.student_id);
    ids.push_back(c.id);
  }
  return ids;
}

Rate dropout_rate(int dropouts, int enrolled_at_start) { return rate(dropouts, enrolled_at_start); }
Rate retention_rate(int final_grade_in_school, int cohort_at_grade_one) {
  return rate(final_grade_in_school, cohort_at_grade_one);
}

}  // namespace edu::analytics::dropout
