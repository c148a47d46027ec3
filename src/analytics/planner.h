// The planner: a small set of single-teacher moves among a section's schools
// that brings every teacher-related 差异系数 of the standard under its limit.
// Greedy: each step takes the move (a 专任教师 of one profile — 学历, 骨干,
// 体育/艺术, 职称 — from school A to school B) that most lowers the total
// excess over the limits; A must keep at least its staffing norm
// (students ÷ 19 小学, ÷ 13.5 初中, rounded up). It stops when every teacher
// 差异系数 is within its limit, or says it cannot (no move helps, or the move
// budget is spent). Greedy is not guaranteed minimal; it is small in practice.
// Conditions indicators over their limit cannot be fixed by moving teachers:
// the plan says so. It plans for the county's 差异系数 only, not for each
// school's 达标 (at least 6 of 7 indicators met): the plan says that too, with
// how many of the section's schools fail at school level before and after it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analytics/whatif.h"

namespace edu::analytics {

struct Plan {
  Section section = Section::kPrimary;
  bool reached = false;
  std::vector<MovedTeacher> moves;
  BalanceModel after;
  std::vector<std::string> notes;  // 中文
  // Schools of the section failing the school-level standard, today and after
  // the moves; absent when the standard has no school-level verdict.
  std::optional<int> failing_before, failing_after;
  int schools = 0;  // the section's schools in the standard's scope
};

Result<Plan> plan_teacher_moves(const BalanceModel& today, Section section, int max_moves = 300);

}  // namespace edu::analytics
