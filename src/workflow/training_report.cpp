#include "workflow/training_report.h"

#include "store/area_store.h"
#include "store/training_store.h"
#include "workflow/county_rules.h"

namespace edu {

Result<TrainingSettings> training_settings(Database& db, int current_school_year) {
  auto start = rule_number(db, "training_cycle_start_year", analytics::training::default_cycle_start(current_school_year));
  if (!start.ok()) return start.status();
  auto hours = rule_number(db, "training_required_hours");
  if (!hours.ok()) return hours.status();
  return TrainingSettings{static_cast<int>(*start), *hours};
}

Result<int64_t> teacher_cycle_hours(Database& db, int64_t teacher_id, int current_school_year) {
  auto settings = training_settings(db, current_school_year);
  if (!settings.ok()) return settings.status();
  auto tables = load_training_tables(db, Scope::All(), teacher_id);
  if (!tables.ok()) return tables.status();
  const auto hours = analytics::training::cycle_hours(*tables, settings->cycle_start, settings->required_hours);
  return hours.teachers.empty() ? 0 : hours.teachers.front().total;
}

Result<TrainingReport> training_report(Database& db, const Actor& actor, int school_year, int current_school_year) {
  if (!allowed(actor.user, Action::kRead, Entity::kTrainingRoster))
    return Status::Error("forbidden", "您的角色无权查看继续教育统计");
  auto settings = training_settings(db, current_school_year);
  if (!settings.ok()) return settings.status();
  auto tables = load_training_tables(db, actor.scope);
  if (!tables.ok()) return tables.status();
  auto areas = list_areas(db, Scope::All());
  if (!areas.ok()) return areas.status();
  TrainingReport out;
  out.tables = std::move(*tables);
  out.rates = analytics::training::training_rates(out.tables, *areas, school_year);
  out.hours = analytics::training::cycle_hours(out.tables, settings->cycle_start, settings->required_hours);
  return out;
}

Result<TeacherHistory> teacher_history(Database& db, const Actor& actor, int64_t teacher_id, int current_school_year) {
  if (!allowed(actor.user, Action::kRead, Entity::kTeacher))
    return Status::Error("forbidden", "您的角色无权查看教职工");
  auto teacher = get_teacher(db, actor.scope, teacher_id);
  if (!teacher.ok()) return teacher.status();
  if (!*teacher) return Status::Error("not_found", "教职工不存在或不在您的管辖范围内");
  auto settings = training_settings(db, current_school_year);
  if (!settings.ok()) return settings.status();
  auto years = teacher_years_of(db, teacher_id);
  if (!years.ok()) return years.status();
  auto training = load_training_tables(db, actor.scope, teacher_id);
  if (!training.ok()) return training.status();
  TeacherHistory out{**teacher, std::move(*years), {}, std::move(*training), {}};
  for (size_t i = 1; i < out.years.size(); ++i) {
    const TeacherYear &a = out.years[i - 1].year, &b = out.years[i].year;
    if (a.title != b.title) out.changes.push_back({b.school_year, "title", a.title, b.title});
    if (a.backbone != b.backbone) out.changes.push_back({b.school_year, "backbone", a.backbone, b.backbone});
  }
  out.hours = analytics::training::cycle_hours(out.training, settings->cycle_start, settings->required_hours);
  return out;
}

}  // namespace edu
