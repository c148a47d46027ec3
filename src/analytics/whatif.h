// What-if: a draft of changes applied to a copy of a BalanceModel, nothing
// saved. A draft moves N 专任教师 of a section from school A to school B
// (optionally only of a subject and/or a 骨干 level) and adds rooms, sports
// area, equipment value or multimedia rooms to schools (shared among a
// school's sections by students). Each change touches only its schools'
// units; the 差异系数 follow from the running sums.
#pragma once

#include <string>
#include <vector>

#include "analytics/balance_model.h"

namespace edu::analytics {

struct TeacherMoveDraft {
  int64_t from_school_id = 0, to_school_id = 0;  // database ids
  std::string section;   // 小学 / 初中
  int64_t count = 1;
  std::string subject;   // "" = any subject
  std::string backbone;  // "" = any; "骨干" = 县级及以上; or a level (县级, 市级 …)
};

struct ConditionsDraft {
  int64_t school_id = 0;
  double teaching_area = 0, sports_area = 0, equipment_value = 0, multimedia_rooms = 0;
};

struct Draft {
  std::vector<TeacherMoveDraft> moves;
  std::vector<ConditionsDraft> additions;
};

struct MovedTeacher {
  int teacher = 0;  // snapshot index
  int from_unit = 0, to_unit = 0;
};

struct WhatIf {
  BalanceModel after;
  std::vector<MovedTeacher> moved;
  std::vector<int> touched_units;
};

// Bounds past any county's reality, so that no number of a draft can overflow
// the sums: at most kMaxChanges changes; a move of 1..kMaxTeachers teachers;
// additions of 0..kMaxArea m² of each area, 0..kMaxEquipmentValue 元 of
// equipment and 0..kMaxRooms multimedia rooms.
struct DraftLimits {
  static constexpr size_t kMaxChanges = 100;
  static constexpr int64_t kMaxTeachers = 1000;
  static constexpr double kMaxArea = 1e6;
  static constexpr double kMaxEquipmentValue = 1e9;
  static constexpr double kMaxRooms = 1000;
};

// Applies the draft to a copy of `today`; a draft naming an unknown school,
// asking for more teachers than match or breaking DraftLimits is refused with
// a Chinese message naming the field.
Result<WhatIf> apply_draft(const BalanceModel& today, const Draft& draft);

}  // namespace edu::analytics
