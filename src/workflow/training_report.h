// 继续教育 figures as a caller sees them (analytics/training.h over the rows
// of store/training_store.h, limited to the caller's scope), and the
// teacher's page (教师档案): what GET /training/rates, /training/hours and
// /teachers/{id}/history show.
//
// Settings (the county's rules, declared in workflow/county_rules.h):
// "training_cycle_start_year" (the first school year of the five-year cycle;
// default: the cycle ending with the current school year) and
// "training_required_hours". A stored value that does not fit its
// declaration is the error "config", naming the setting.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/policy.h"
#include "analytics/training.h"
#include "store/teacher_store.h"
#include "store/teacher_year_store.h"

namespace edu {

struct TrainingSettings {
  int cycle_start = 0;
  int64_t required_hours = analytics::training::kDefaultRequiredHours;
};
Result<TrainingSettings> training_settings(Database& db, int current_school_year);
// One teacher's 学时 in the configured cycle (职称申报's condition).
Result<int64_t> teacher_cycle_hours(Database& db, int64_t teacher_id, int current_school_year);

struct TrainingReport {
  TrainingTables tables;  // the caller's teachers, every course, their roster rows
  analytics::training::Rates rates;
  analytics::training::CycleHours hours;
};
// Rates of `school_year`; hours of the configured cycle.
Result<TrainingReport> training_report(Database& db, const Actor& actor, int school_year, int current_school_year);

// A title or 骨干 level that changed from one recorded year to the next
// (the first year is where the record starts, not a change).
struct CareerChange {
  int school_year = 0;
  std::string field;  // "title" or "backbone"
  std::string from, to;
};

struct TeacherHistory {
  TeacherView teacher;
  std::vector<TeacherYearView> years;
  std::vector<CareerChange> changes;
  TrainingTables training;  // the teacher's own rows
  analytics::training::CycleHours hours;  // one teacher
};
// The teacher as the caller sees them (absent: "not_found").
Result<TeacherHistory> teacher_history(Database& db, const Actor& actor, int64_t teacher_id, int current_school_year);

}  // namespace edu
