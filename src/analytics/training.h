// 继续教育 figures (DOMAIN.md "Teachers' work"), pure: plain rows in (core/training.h
// TrainingTables, the area tree), results out; no SQL.
//
// Rates of one school year (the courses starting in it), over roster rows
// (人次, one per teacher and course):
//   参训率 = required rows attended ÷ required rows;
//   合格率 = attended rows passed ÷ attended rows (required or not).
// Each per course, school, township (core/area_tree.h: a 学区's school counts
// in its township) and 学段 (core/teacher_section.h), and for the whole, with
// numerator, denominator and the rows behind them (学段 in their usual order,
// the others as the courses and the register list them); a teacher counts where the
// register has them now. The percentage has one decimal, rounded half up on
// the exact fraction (745 ÷ 775 = 96.129…% → 96.1); none for a zero denominator.
//
// Hours in the five-year cycle (周期, school years cycle_start … cycle_start+4):
// each teacher's 学时 credited on attended rows of courses in the cycle, by
// school year, against the requirement (setting training_required_hours,
// default 360). Behind (学时不足): a 专任教师 below the requirement — listed,
// and counted by school (其他岗位 have their hours, but no requirement). The cycle's start is the setting training_cycle_start_year; by
// default the cycle ending with the current school year, so it holds it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/training.h"

namespace edu::analytics::training {

inline constexpr int kCycleYears = 5;
inline const std::string kTeachingPost = "专任教师";
inline constexpr int64_t kDefaultRequiredHours = 360;
int default_cycle_start(int current_school_year);

// numerator ÷ denominator × 100 with one decimal, half up; none when the denominator is 0.
std::optional<double> percent_one_decimal(int64_t numerator, int64_t denominator);

struct Rate {
  int64_t numerator = 0, denominator = 0;
  std::optional<double> percent;
};

struct RateRow {
  int64_t id = 0;          // the course, school or township; 0 for a 学段 and the whole
  std::string name;        // its name (the 学段 itself)
  std::string parent;      // a school's township
  Rate participation;      // 参训率
  Rate pass;               // 合格率
  std::vector<size_t> rows;  // indices into TrainingTables::entries: required or attended rows
};

struct Rates {
  int school_year = 0;
  RateRow total;
  std::vector<RateRow> by_course, by_school, by_township, by_section;
};

// `areas`: the whole area tree (to find townships).
Rates training_rates(const TrainingTables& t, const std::vector<Area>& areas, int school_year);

struct TeacherHours {
  size_t teacher = 0;                // index into TrainingTables::teachers
  std::map<int, int64_t> by_year;    // school year → 学时
  int64_t total = 0;                 // in the cycle
  int64_t shortfall = 0;             // requirement − total, when positive
};

struct SchoolBehind {
  int64_t school_id = 0;
  std::string school_name;
  int64_t teachers = 0, behind = 0;
};

struct CycleHours {
  int cycle_start = 0, cycle_end = 0;
  int64_t required_hours = kDefaultRequiredHours;
  std::vector<TeacherHours> teachers;  // every teacher, in TrainingTables order
  std::vector<size_t> behind;          // indices into `teachers`, most hours short first
  std::vector<SchoolBehind> by_school; // schools with 专任教师, in TrainingTables order
};

// Hours of every school year (not only the cycle's) land in by_year.
CycleHours cycle_hours(const TrainingTables& t, int cycle_start, int64_t required_hours);

}  // namespace edu::analytics::training
