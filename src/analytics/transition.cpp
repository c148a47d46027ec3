#include "analytics/transition.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace edu::transition {
namespace {

void sort_by_school_then_name(std::vector<Missing>& list, const std::map<int64_t, size_t>& order) {
  std::sort(list.begin(), list.end(), [&](const Missing& a, const Missing& b) {
    return std::tie(order.at(a.school_id), a.name, a.student_id) <
           std::tie(order.at(b.school_id), b.name, b.student_id);
  });
}

}  // namespace

Lists follow_up_lists(const Input& in) {
  std::map<int64_t, size_t> order;  // school id -> index in in.schools
  for (size_t i = 0; i < in.schools.size(); ++i) order[in.schools[i].id] = i;
  std::map<int64_t, int64_t> feeds, went;  // 小学 -> 初中; student -> school of 七年级
  for (const Feed& f : in.feeds) feeds[f.school_id] = f.middle_school_id;
  for (const Entrant& e : in.entrants) went[e.student_id] = e.school_id;

  Lists out;
  out.year = in.year;
  std::map<int64_t, size_t> middle_index, township_index;
  for (const SchoolRow& s : in.schools) {
    if (township_index.emplace(s.area_id, out.townships.size()).second)
      out.townships.push_back({s.area_id, s.area_name, 0, 0, {}});
    bool named = std::any_of(in.feeds.begin(), in.feeds.end(),
                             [&](const Feed& f) { return f.middle_school_id == s.id; });
    if (named) {
      middle_index[s.id] = out.middle_schools.size();
      out.middle_schools.push_back({s.id, s.name, s.area_id, 0, 0, {}});
    }
  }
  for (const Graduate& g : in.graduates) {
    const SchoolRow& primary = in.schools[order.at(g.school_id)];
    Missing m{g.student_id, g.name, g.id_number, primary.id, primary.name, std::nullopt, ""};
    auto arrival = went.find(g.student_id);
    if (arrival != went.end()) {
      m.went_to = arrival->second;
      m.went_to_name = in.schools[order.at(arrival->second)].name;
    }
    TownshipList& t = out.townships[township_index.at(primary.area_id)];
    ++t.graduates;
    if (!m.went_to) t.nowhere.push_back(m);
    auto feed = feeds.find(g.school_id);
    if (feed == feeds.end()) {
      ++t.unassigned;
      continue;
    }
    MiddleSchoolList& list = out.middle_schools[middle_index.at(feed->second)];
    ++list.expected;
    if (m.went_to == feed->second)
      ++list.arrived;
    else
      list.missing.push_back(m);
  }
  std::erase_if(out.townships, [](const TownshipList& t) { return t.graduates == 0; });
  for (auto& list : out.middle_schools) sort_by_school_then_name(list.missing, order);
  for (auto& t : out.townships) sort_by_school_then_name(t.nowhere, order);
  return out;
}

}  // namespace edu::transition
