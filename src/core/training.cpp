#include "core/training.h"

namespace edu {

const Enumeration& training_levels() {
  static const Enumeration e{"training_level", "培训级别", {"国家", "省", "市", "县", kSchoolBasedLevel}};
  return e;
}

Status check_roster_entry(const RosterEntry& e, int64_t course_hours, const std::string& who) {
  if (e.passed && !e.attended)
    return Status::Error("validation", who + "未参训,不能记为合格", "passed");
  if (e.hours_credited < 0 || e.hours_credited > course_hours)
    return Status::Error("validation", who + "的认定学时应在0至" + std::to_string(course_hours) +
                                           "之间(本项目" + std::to_string(course_hours) + "学时)",
                         "hours_credited");
  if (e.hours_credited > 0 && !e.attended)
    return Status::Error("validation", who + "未参训,认定学时应为0", "hours_credited");
  return Status::Ok();
}

}  // namespace edu
