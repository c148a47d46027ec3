#include "analytics/snapshot.h"

#include <algorithm>

#include "core/in_school.h"

namespace edu::analytics {

Code code_of(const Enumeration& e, std::string_view value) {
  for (size_t i = 0; i < e.values.size(); ++i)
    if (e.values[i] == value) return static_cast<Code>(i);
  return kNoCode;
}

bool EnrolmentColumns::in_school(size_t i) const {
  static const std::vector<bool> by_status = [] {
    std::vector<bool> in;
    for (const std::string& v : student_statuses().values) in.push_back(is_in_school(v));
    return in;
  }();
  return klass[i] >= 0 && status[i] < by_status.size() && by_status[status[i]];
}

const std::string& TeacherColumns::backbone_level(size_t t) const {
  static const Code kNone = code_of(backbones(), "无");
  return backbones().values[backbone[t] == kNoCode ? kNone : backbone[t]];
}

bool TeacherColumns::is_backbone(size_t t) const {
  static const Code kNone = code_of(backbones(), "无");
  return backbone[t] != kNone && backbone[t] != kNoCode;
}

bool Snapshot::teachers_known(int year) const {
  return year >= first_teacher_year && year <= teacher_year;
}

std::string Snapshot::no_teachers_note() const {
  return "教师信息只有" +
         (first_teacher_year == teacher_year ? std::to_string(teacher_year)
                                             : std::to_string(first_teacher_year) + "–" +
                                                   std::to_string(teacher_year)) +
         "学年数据";
}

void Snapshot::index() {
  school_ids_.clear();
  for (size_t i = 0; i < schools.size(); ++i)
    school_ids_.emplace_back(schools[i].id, static_cast<int>(i));
  std::sort(school_ids_.begin(), school_ids_.end());
  int years = std::max(0, last_year - first_year + 1);
  conditions_at_.assign(static_cast<size_t>(years) * schools.size(), -1);
  for (size_t row = 0; row < conditions.size(); ++row) {
    const Conditions& c = conditions[row];
    int school = school_index(c.school_id);
    if (school < 0 || c.school_year < first_year || c.school_year > last_year) continue;
    conditions_at_[(c.school_year - first_year) * schools.size() + school] = static_cast<int32_t>(row);
  }
}

int Snapshot::school_index(int64_t id) const {
  auto it = std::lower_bound(school_ids_.begin(), school_ids_.end(), std::make_pair(id, -1));
  return it != school_ids_.end() && it->first == id ? it->second : -1;
}

const Conditions* Snapshot::conditions_of(int school, int year) const {
  if (year < first_year || year > last_year || school < 0) return nullptr;
  int32_t row = conditions_at_[(year - first_year) * schools.size() + school];
  return row < 0 ? nullptr : &conditions[row];
}

}  // namespace edu::analytics
