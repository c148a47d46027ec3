#include "analytics/register_checks.h"

#include <algorithm>
#include <chrono>
#include <string_view>
#include <unordered_map>

namespace edu::analytics {
namespace {

const std::string kInSchool = "在读";
const std::string kLeft = "转出";

bool one_digit_apart(const std::string& a, const std::string& b) {
  if (a.size() != 18 || b.size() != 18) return false;
  int differences = 0;
  for (size_t i = 0; i < 17; ++i) differences += a[i] != b[i];
  return differences == 1;
}

int days_between(const Date& from, const Date& to) {
  using namespace std::chrono;
  auto days_of = [](const Date& d) {
    return sys_days{year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                                   day{static_cast<unsigned>(d.day)}}};
  };
  return static_cast<int>((days_of(to) - days_of(from)).count());
}

}  // namespace

std::vector<DuplicatePair> duplicate_people(const std::vector<CheckPerson>& people) {
  // Both rules need equal names, and a name's records are few (the demo's
  // 73,000 students give 134,000 pairs in all), so each name's are compared pairwise.
  std::unordered_map<std::string_view, std::vector<const CheckPerson*>> by_name;
  by_name.reserve(people.size());
  for (const CheckPerson& p : people) by_name[p.name].push_back(&p);
  std::vector<DuplicatePair> out;
  for (const auto& [name, group] : by_name)
    for (size_t i = 0; i < group.size(); ++i)
      for (size_t j = i + 1; j < group.size(); ++j) {
        const CheckPerson& a = *group[i];
        const CheckPerson& b = *group[j];
        const char* reason = nullptr;
        if (a.birth_date == b.birth_date && a.gender == b.gender)
          reason = "姓名、出生日期、性别相同";
        else if (one_digit_apart(a.id_number, b.id_number))
          reason = "姓名相同,身份证号前17位仅一位不同";
        if (reason) out.push_back({std::min(a.id, b.id), std::max(a.id, b.id), reason});
      }
  std::sort(out.begin(), out.end(), [](const DuplicatePair& x, const DuplicatePair& y) {
    return std::make_pair(x.first, x.second) < std::make_pair(y.first, y.second);
  });
  return out;
}

std::vector<SatElsewhere> sat_elsewhere(const std::vector<CheckPerson>& people,
                                        const std::vector<Sitting>& sittings) {
  std::unordered_map<int64_t, const CheckPerson*> by_id;
  for (const CheckPerson& p : people) by_id[p.id] = &p;
  std::map<std::pair<int64_t, int64_t>, SatElsewhere> rows;  // (student, sat school)
  for (const Sitting& s : sittings) {
    auto found = by_id.find(s.student_id);
    if (found == by_id.end() || found->second->status != kInSchool) continue;
    const int64_t registered = s.registered_school_id ? s.registered_school_id : found->second->school_id;
    if (registered == s.sat_school_id) continue;
    SatElsewhere& row = rows[{s.student_id, s.sat_school_id}];
    row.student_id = s.student_id;
    row.registered_school_id = registered;
    row.sat_school_id = s.sat_school_id;
    row.exam_ids.push_back(s.exam_id);
  }
  std::vector<SatElsewhere> out;
  for (auto& [key, row] : rows) {
    std::sort(row.exam_ids.begin(), row.exam_ids.end());
    row.exam_ids.erase(std::unique(row.exam_ids.begin(), row.exam_ids.end()), row.exam_ids.end());
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<LostTransfer> lost_transfers(const std::vector<CheckPerson>& people, const LostTransferInput& in) {
  std::unordered_map<int64_t, const CheckPerson*> by_id;
  by_id.reserve(people.size());
  for (const CheckPerson& p : people) by_id[p.id] = &p;
  // The 在读 records bearing the name of someone the rules ask about (a 转出
  // record or a transfer's student): where the same person (rule a.1) is 在读.
  std::unordered_map<std::string_view, std::vector<const CheckPerson*>> in_school;
  for (const CheckPerson& p : people)
    if (p.status == kLeft) in_school.try_emplace(p.name);
  for (const DoneTransfer& t : in.done_transfers)
    if (auto it = by_id.find(t.student_id); it != by_id.end()) in_school.try_emplace(it->second->name);
  for (const CheckPerson& p : people)
    if (p.status == kInSchool)
      if (auto it = in_school.find(p.name); it != in_school.end()) it->second.push_back(&p);
  // Is the same person as `p` 在读 at `school` (0: at any school)?
  auto in_school_at = [&](const CheckPerson& p, int64_t school) {
    for (const CheckPerson* q : in_school[p.name])
      if (q->birth_date == p.birth_date && q->gender == p.gender && (school == 0 || q->school_id == school))
        return true;
    return false;
  };
  std::map<int64_t, LostTransfer> rows;
  for (const DoneTransfer& t : in.done_transfers) {
    auto found = by_id.find(t.student_id);
    if (found == by_id.end() || in_school_at(*found->second, t.target_school_id)) continue;
    rows[t.student_id] = {t.student_id, t.case_id, t.target_school_id, "", 0,
                          "县内转学已办结,转入学校无在读记录"};
  }
  for (const CheckPerson& p : people) {
    if (p.status != kLeft || rows.count(p.id) || in.confirmed.count(p.id) || in_school_at(p, 0)) continue;
    auto left = in.left_on.find(p.id);
    if (left == in.left_on.end()) continue;
    const int days = days_between(left->second, in.today);
    if (days <= in.max_days) continue;
    rows[p.id] = {p.id, 0, 0, left->second.iso(), days,
                  "转出超过" + std::to_string(in.max_days) + "天未确认去向"};
  }
  std::vector<LostTransfer> out;
  for (auto& [id, row] : rows) out.push_back(std::move(row));
  return out;
}

}  // namespace edu::analytics
