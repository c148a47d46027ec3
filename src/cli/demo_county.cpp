#include "cli/demo_county.h"

#include <unordered_map>

#include "cli/command_support.h"
#include "demo/casework.h"
#include "demo/exchange.h"
#include "demo/title_round.h"
#include "demo/catchments.h"
#include "demo/check_findings.h"
#include "demo/register_years.h"
#include "demo/training.h"
#include "ingest/register_row.h"
#include "store/area_store.h"
#include "store/registers_loader.h"
#include "store/training_store.h"
#include "workflow/change_log.h"
#include "workflow/county_setup.h"
#include "workflow/register_import.h"
#include "workflow/rollover.h"

namespace edu {
namespace {

// Writes the generator's records as register rows: its ids become the codes,
// names and ID numbers a file names them by.
class CountyWriter {
 public:
  CountyWriter(Database& db, const Actor& actor, const demo::DemoCounty& county)
      : db_(db), actor_(actor) {
    for (const Area& a : county.areas) area_names_[a.id] = a.name;
    for (const School& s : county.schools) school_codes_[s.id] = s.code;
    for (const SchoolClass& c : county.classes) class_names_[c.id] = c.name;
    for (const Teacher& t : county.teachers) teacher_ids_[t.id] = t.id_number;
  }

  Status areas(const std::vector<Area>& townships, const RegisterContext& ctx) {
    return import("area", townships, [](const Area&) { return FieldOverrides{}; }, ctx);
  }
  Status schools(const std::vector<School>& schools, const RegisterContext& ctx) {
    return import("school", schools, [&](const School& s) {
      return FieldOverrides{{"area", area_names_.at(s.area_id)},
                            {"founded_year", s.founded_year ? std::to_string(s.founded_year) : ""}};
    }, ctx);
  }
  Status teachers(const std::vector<Teacher>& teachers, const RegisterContext& ctx) {
    return import("teacher", teachers, [&](const Teacher& t) {
      return FieldOverrides{{"id_number", t.id_number}, {"school_code", school_codes_.at(t.school_id)}};
    }, ctx);
  }
  Status classes(const std::vector<SchoolClass>& classes, const RegisterContext& ctx) {
    return import("class", classes, [&](const SchoolClass& c) {
      return FieldOverrides{
          {"school_code", school_codes_.at(c.school_id)},
          {"grade", grade_label(c.section, c.grade)},
          {"head_teacher", c.head_teacher_id ? teacher_ids_.at(*c.head_teacher_id) : ""}};
    }, ctx);
  }
  Status students(const std::vector<Student>& students, const RegisterContext& ctx) {
    return import("student", students, [&](const Student& s) {
      return FieldOverrides{{"id_number", s.id_number},
                            {"school_code", school_codes_.at(s.school_id)},
                            {"class_name", s.class_id ? class_names_.at(*s.class_id) : ""}};
    }, ctx);
  }
  Status conditions(const std::vector<Conditions>& conditions, const RegisterContext& ctx) {
    return import("conditions", conditions, [&](const Conditions& c) {
      return FieldOverrides{{"school_code", school_codes_.at(c.school_id)}};
    }, ctx);
  }

  // 划片: each 小学 to the 初中 its graduates went to (demo/catchments.h).
  Status catchments(const std::vector<Catchment>& catchments, const RegisterContext& ctx) {
    return import("catchment", catchments, [&](const Catchment& c) {
      return FieldOverrides{{"school_code", school_codes_.at(c.school_id)},
                            {"middle_school_code", school_codes_.at(c.middle_school_id)}};
    }, ctx);
  }

  // A 教学点's 所属中心校, saved on the school as the school form does.
  Status parent_schools(const std::vector<School>& schools, const RegisterContext& ctx) {
    for (const School& s : schools) {
      if (!s.parent_school_id) continue;
      auto school = find_school_by_code(db_, s.code);
      auto parent = find_school_by_code(db_, school_codes_.at(*s.parent_school_id));
      if (!school.ok()) return school.status();
      if (!parent.ok()) return parent.status();
      School saved = **school;
      saved.parent_school_id = (*parent)->id;
      auto done = save_school(db_, actor_, saved, ctx);
      if (!done.ok()) return done.status();
    }
    return Status::Ok();
  }

 private:
  // One import of `records` as a sheet of their register, in one transaction.
  template <class Record, class Overrides>
  Status import(const std::string& kind, const std::vector<Record>& records, Overrides overrides,
                const RegisterContext& ctx) {
    if (records.empty()) return Status::Ok();
    const RegisterSpec& spec = *find_register_spec(kind);
    std::vector<std::vector<std::string>> rows;
    rows.reserve(records.size());
    for (const Record& r : records) rows.push_back(register_row(spec, fields_of(r), overrides(r)));
    const ingest::SheetTable sheet = register_sheet(spec, rows);
    Transaction tx(db_);
    if (!tx.begun().ok()) return tx.begun();
    auto done = apply_import(db_, actor_, spec, sheet, ctx);
    if (done.ok()) return tx.commit();
    if (done.status().code() != "has_problems") return done.status();
    auto plan = plan_import(db_, actor_, spec, sheet, ctx);
    if (!plan.ok()) return plan.status();
    std::string problem;
    for (const ImportProblemRecord& p : listed_problems(*plan, sheet, 1))
      problem = ":第" + std::to_string(p.row) + "行" + p.header + "“" + p.value + "”" + p.message;
    for (const std::string& c : plan->missing_columns) problem += ":缺少必需的列" + c;
    return Status::Error("demo", "演示县" + std::to_string(ctx.school_year) + "学年的" + spec.title +
                                     "导入未通过" + problem);
  }

  Database& db_;
  const Actor& actor_;
  std::unordered_map<int64_t, std::string> area_names_, school_codes_, class_names_, teacher_ids_;
};

}  // namespace

namespace {

RegisterContext context_of(int year) { return RegisterContext{Date{year, 9, 1}, year}; }
int first_year(const demo::DemoSettings& settings) {
  return settings.current_school_year - std::max(1, settings.history_years) + 1;
}

// `init` of the demo county: its root area, settings and admin; returns the admin.
Result<Actor> init_demo_county(Database& db, const demo::DemoSettings& settings, const NewUser& admin) {
  NewCounty root;
  root.name = settings.county_name;
  root.code = settings.county_code;
  root.admin = admin;
  auto area = init_county(db, root, context_of(first_year(settings)));
  if (!area.ok()) return area.status();
  return actor_named(db, admin.username);
}

}  // namespace

Status write_demo_county(Database& db, const demo::DemoCounty& county,
                         const demo::DemoSettings& settings, const NewUser& admin) {
  const std::vector<demo::RegisterYear> years = demo::register_years(county, settings);
  const RegisterContext first = context_of(years.front().school_year);
  auto actor = init_demo_county(db, settings, admin);
  if (!actor.ok()) return actor.status();
  CountyWriter writer(db, *actor, county);
  const std::vector<Area> townships(county.areas.begin() + 1, county.areas.end());
  Status s = writer.areas(townships, first);
  if (s.ok()) s = writer.schools(county.schools, first);
  if (s.ok()) s = writer.parent_schools(county.schools, first);
  for (const demo::RegisterYear& year : years) {
    if (!s.ok()) return s;
    if (year.school_year != first.school_year) {
      auto rolled = rollover_year(db, &*actor, year.school_year, true);
      if (!rolled.ok()) return rolled.status();
      if (!rolled->plan.problems.empty())
        return Status::Error("demo", rolled->message + ":" + rolled->plan.problems.front().message);
    }
    const RegisterContext ctx = context_of(year.school_year);
    s = writer.teachers(year.teachers, ctx);
    if (s.ok()) s = writer.classes(year.classes, ctx);
    if (s.ok()) s = writer.students(year.students, ctx);
    if (s.ok()) s = writer.conditions(year.conditions, ctx);
    if (s.ok()) s = writer.students(year.leavers, ctx);
  }
  return s;
}

Status load_demo_county(Database& db, demo::DemoCounty& county, const demo::DemoSettings& settings,
                        const NewUser& admin) {
  auto actor = init_demo_county(db, settings, admin);
  if (!actor.ok()) return actor.status();
  auto root = get_county(db);
  if (!root.ok()) return root.status();
  if (!*root || (*root)->id != county.areas.front().id)
    return Status::Error("demo", "演示县的根区划编号与生成器的不一致,无法整体装载");
  // init wrote the root area: the loader takes the rest, then the root goes back.
  const Area generated_root = county.areas.front();
  county.areas.erase(county.areas.begin());
  Status s = load_registers(db, county);
  county.areas.insert(county.areas.begin(), generated_root);
  if (!s.ok()) return s;
  auto count = [](const auto& rows) { return std::to_string(rows.size()); };
  s = audit(db, &*actor, "import", Entity::kSchoolYear, settings.current_school_year,
            {{"bulk_load", "", "登记册整体装载(" + std::to_string(first_year(settings)) + "–" +
                                   std::to_string(settings.current_school_year) + "学年)"},
             {"schools", "", count(county.schools)},
             {"classes", "", count(county.classes)},
             {"students", "", count(county.students)},
             {"enrolments", "", count(county.enrolments)},
             {"teachers", "", count(county.teachers)},
             {"teacher_years", "", count(county.teacher_years)},
             {"conditions", "", count(county.conditions)}});
  return s;
}

Status write_demo_extras(Database& db, const demo::DemoCounty& county, const demo::DemoSettings& settings,
                         const NewUser& admin, bool titles) {
  auto actor = actor_named(db, admin.username);
  if (!actor.ok()) return actor.status();
  CountyWriter writer(db, *actor, county);
  const RegisterContext last = context_of(settings.current_school_year);
  Status s = writer.catchments(demo::catchments_of(county), last);
  if (s.ok()) s = writer.students(demo::duplicate_records(county, last.school_year), last);
  if (s.ok()) s = demo::write_demo_casework(db, local_today());
  if (s.ok()) s = demo::write_demo_exchange(db, local_today());
  if (s.ok() && titles) s = demo::write_demo_titles(db, local_today());
  return s;
}

Status write_demo_training(Database& db, const Registers& county, const demo::DemoSettings& settings) {
  const demo::TrainingHistory history = demo::training_history(county, settings);
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  Status s = load_training(db, history.courses, history.entries);
  return s.ok() ? tx.commit() : s;
}

}  // namespace edu
