#include "analytics/statistics.h"
#include "core/enums.h"
#include "core/in_school.h"
#include "http/analytics_context.h"
#include "http/json_input.h"
#include "http/json_views.h"
#include "http/routes.h"
#include "store/area_store.h"
#include "store/summary_store.h"
#include "workflow/area_commands.h"
#include "workflow/change_log.h"
#include "workflow/record_form.h"

namespace edu {
namespace {

Json terms_json(const std::vector<AuditTerm>& terms) {
  Json list = Json::array();
  for (const AuditTerm& t : terms) list.push_back({{"value", t.value}, {"label", t.label}});
  return list;
}

Result<Reply> enums(ApiCall& call) {
  Json lists = Json::object();
  for (const Enumeration* e : all_enumerations())
    lists[e->key] = {{"label", e->label}, {"values", e->values}};
  Json roles = Json::array();
  for (const auto& r : all_roles()) roles.push_back({{"value", r.value}, {"label", r.label}});
  Json grades = Json::array();
  for (const auto& section : sections().values)
    for (int g = -2; g <= 12; ++g)
      if (grade_in_section(section, g))
        grades.push_back({{"section", section}, {"grade", g}, {"label", grade_label(section, g)}});
  auto county_name = get_setting(call.db, "county_name", "本县");
  if (!county_name.ok()) return county_name.status();
  return Reply(Json{{"enums", lists},
                    {"roles", roles},
                    {"grades", grades},
                    {"school_year", call.school_year},
                    {"county_name", *county_name},
                    {"audit_actions", terms_json(audit_actions())},
                    {"audit_entities", terms_json(audit_entities())}});
}

Json right_json(const FieldRight& r) { return {{"may_set", r.may_set}, {"reason", r.reason}}; }

// GET /meta/forms/{kind}: a register record's form for the caller (workflow/record_form.h).
Result<Reply> form(ApiCall& call) {
  auto found = record_form(call.who().user, call.request.matches[1].str());
  if (!found.ok()) return found.status();
  Json fields = Json::array();
  for (const FormField& f : found->fields)
    fields.push_back({{"key", f.key},
                      {"label", f.label},
                      {"type", f.type},
                      {"enum", f.enum_name},
                      {"required", f.required},
                      {"max_length", f.max_length},
                      {"hint", f.hint},
                      {"initial", f.initial},
                      {"create", right_json(f.create)},
                      {"edit", right_json(f.edit)}});
  return Reply(Json{{"kind", found->kind}, {"title", found->title}, {"fields", fields}});
}

Json area_tree(const std::vector<Area>& all, const Area& a) {
  Json children = Json::array();
  for (const Area& b : all)
    if (b.parent_id == a.id) children.push_back(area_tree(all, b));
  return {{"id", a.id},       {"parent_id", a.parent_id ? Json(*a.parent_id) : Json()},
          {"code", a.code},   {"name", a.name},
          {"level", a.level}, {"children", children}};
}

Result<Reply> areas(ApiCall& call) {
  auto list = list_areas(call.db, call.who().scope);
  if (!list.ok()) return list.status();
  // Roots are the visible areas whose parent is not visible.
  Json roots = Json::array();
  for (const Area& a : *list) {
    bool parent_visible = false;
    for (const Area& b : *list) parent_visible |= a.parent_id == b.id;
    if (!parent_visible) roots.push_back(area_tree(*list, a));
  }
  return Reply(roots);
}

// PUT /areas/{id} {name}: renames a 乡镇(街道) (workflow/area_commands.h).
Result<Reply> rename_area_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader in(*body);
  std::string name = in.text("name");
  if (!in.status().ok()) return in.status();
  auto area = rename_area(call.db, call.who(), call.path_id(), name);
  if (!area.ok()) return area.status();
  return Reply(Json{{"area", {{"id", area->id}, {"code", area->code}, {"name", area->name},
                              {"level", area->level}}}});
}

// Who the dashboard's figures are of, as its cards name it: 全县, the area, or
// 本校 (a head teacher's figures are their school's; their own classes are 我的班级).
std::string subject_of(const Scope& scope, const std::string& name) {
  switch (scope.kind) {
    case Scope::Kind::kAll: return "全县";
    case Scope::Kind::kArea: return name;
    default: return "本校";
  }
}

// 在校学生 and 各学段在校生 are 统计指标's 在校生数 (one computation,
// core/in_school.h); the other counts are the store's summary.
Result<Reply> dashboard(ApiCall& call, SnapshotCache& cache) {
  const Scope& scope = call.who().scope;
  const Scope figures =
      scope.kind == Scope::Kind::kHeadTeacher ? Scope::School(scope.school_id) : scope;
  auto s = summarize(call.db, figures, call.school_year);
  if (!s.ok()) return s.status();
  auto name = scope_name(call.db, call.who().user);
  if (!name.ok()) return name.status();
  auto snapshot = cache.get(call.db, call.school_year);
  if (!snapshot.ok()) return snapshot.status();
  auto year = history_year(**snapshot, call.school_year);
  if (!year.ok()) return year.status();
  // Only the 在校生数 are read here: no 控辍保学 ledger needed.
  analytics::Statistics stats = analytics::compute_statistics(
      **snapshot, *year, visible_schools(**snapshot, figures), *name, {});
  double students = 0;
  Counts by_section;
  for (const analytics::StatGroup& g : stats.groups) {
    if (g.level != "全域") continue;
    double n = g.values.at("students").now.numerator;
    if (g.section == "合计") students = n;
    else if (n > 0) by_section.emplace_back(g.section, static_cast<int64_t>(n));
  }
  return Reply(Json{
      {"scope_name", *name},
      {"scope_kind", scope.kind == Scope::Kind::kAll    ? "county"
                     : scope.kind == Scope::Kind::kArea ? "area"
                                                        : "school"},
      {"subject", subject_of(scope, *name)},
      {"school_year", call.school_year},
      {"definitions", {{"students", kInSchoolDefinition}}},
      {"totals",
       {{"schools", s->schools}, {"students", students}, {"teachers", s->teachers},
        {"classes", s->classes}}},
      {"schools_by_kind", to_json(s->schools_by_kind)},
      {"schools_by_area", to_json(s->schools_by_area)},
      {"students_by_section", to_json(by_section)},
      {"teachers_by_education", to_json(s->teachers_by_education)},
      {"teachers_by_title", to_json(s->teachers_by_title)},
      {"class_sizes",
       {{"normal", s->normal_classes}, {"large", s->large_classes}, {"huge", s->huge_classes}}}});
}

}  // namespace

void add_reference_routes(Router& router, std::shared_ptr<SnapshotCache> snapshots) {
  router.get("/meta/enums", enums);
  router.get("/meta/forms/([a-z_]{1,32})", form);
  router.get("/areas", areas);
  router.put(R"(/areas/(\d+))", rename_area_route);
  router.get("/dashboard", [snapshots](ApiCall& call) { return dashboard(call, *snapshots); });
}

}  // namespace edu
