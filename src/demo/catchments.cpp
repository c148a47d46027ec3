#include "demo/catchments.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/enums.h"

namespace edu::demo {

std::vector<Catchment> catchments_of(const Registers& county) {
  std::map<int64_t, std::vector<std::string>> taught;  // school → its kind's 学段
  for (const School& s : county.schools) taught[s.id] = sections_of_kind(s.kind);
  auto teaches = [&](int64_t school, const char* section) {
    const auto& sections = taught[school];
    return std::find(sections.begin(), sections.end(), section) != sections.end();
  };
  std::map<std::pair<int64_t, int>, int64_t> sixth;  // (student, year) → the 小学 of their 六年级
  for (const Enrolment& e : county.enrolments)
    if (e.grade == 6 && teaches(e.school_id, "小学")) sixth[{e.student_id, e.school_year}] = e.school_id;
  std::map<int64_t, std::map<int64_t, int>> went;  // 小学 → 初中 → graduates
  for (const Enrolment& e : county.enrolments) {
    if (e.grade != 7 || !teaches(e.school_id, "初中")) continue;
    auto from = sixth.find({e.student_id, e.school_year - 1});
    if (from != sixth.end()) ++went[from->second][e.school_id];
  }
  std::vector<Catchment> out;
  for (const auto& [primary, middles] : went) {
    int64_t best = 0;
    int most = 0;
    for (const auto& [middle, count] : middles)
      if (count > most) most = count, best = middle;
    out.push_back({primary, best});
  }
  return out;
}

}  // namespace edu::demo
