#include "http/analytics_json.h"

#include "analytics/balance_records.h"
#include "analytics/balance_shortfall.h"

namespace edu {

using nlohmann::json;
using namespace analytics;

namespace {

json optional_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json ratio_json(const Ratio& r) {
  json j = {{"numerator", r.numerator},
            {"denominator", optional_number(r.denominator)},
            {"value", optional_number(r.value)},
            {"flagged", r.flagged}};
  if (!r.note.empty()) j["note"] = r.note;
  return j;
}

json record_list_json(const std::optional<RecordList>& r) {
  if (!r) return nullptr;
  json query = json::object();
  for (const auto& [name, value] : r->query) query[name] = value;
  return {{"list", r->list}, {"query", query}};
}

json records_json(const RecordLinks& r) {
  return {{"numerator", record_list_json(r.numerator)},
          {"denominator", record_list_json(r.denominator)}};
}

json indicators_json(const BalanceStandard& standard, Section section) {
  json list = json::array();
  for (const IndicatorDef& d : standard.indicators) {
    double value = d.standard[static_cast<int>(section)];
    list.push_back({{"key", d.key},
                    {"label", d.label},
                    {"unit", d.unit},
                    {"teacher", is_teacher_quantity(d.quantity)},
                    {"digits", d.digits},
                    {"standard", value > 0 ? json(value) : json(nullptr)}});
  }
  return list;
}

json row_json(const BalanceModel& m, const BalanceRow& r) {
  const SchoolInfo& school = m.snapshot().schools[r.school];
  json cells = json::array();
  for (size_t i = 0; i < r.cells.size(); ++i) {
    const BalanceCell& c = r.cells[i];
    const IndicatorDef& d = m.standard().indicators[i];
    RecordLinks links = balance_cell_records(d.quantity, school, r.section, m.year(), m.settings(),
                                             m.teachers_known());
    cells.push_back({{"key", d.key},
                     {"numerator", c.value ? json(c.numerator) : json(nullptr)},
                     {"denominator", c.denominator},
                     {"value", optional_number(c.value)},
                     {"mark", c.mark == Mark::kMet    ? "met"
                              : c.mark == Mark::kNear ? "near"
                              : c.mark == Mark::kShort ? "short"
                                                       : ""},
                     {"mark_label", mark_label(c.mark)},
                     {"records", records_json(links)}});
  }
  json reasons = json::array();
  for (const Shortfall& s : shortfalls(m.standard(), r))
    reasons.push_back({{"key", m.standard().indicators[s.indicator].key},
                       {"value", s.value},
                       {"standard", s.standard},
                       {"gap", s.gap},
                       {"share", s.share},
                       {"mark", r.cells[s.indicator].mark == Mark::kShort ? "short" : "near"},
                       {"text", s.text}});
  return {{"school_id", school.id},       {"school_code", school.code},
          {"school_name", school.name},   {"area_name", school.township_name},
          {"location", school.location},  {"kind", school.kind},
          {"section", section_name(r.section)}, {"students", r.students},
          {"teachers", m.teachers_known() ? json(r.teachers) : json(nullptr)},
          {"cells", cells},               {"met", r.met},
          {"near", r.near},               {"short", r.short_of},
          {"complies", r.complies ? json(*r.complies) : json(nullptr)},
          {"shortfalls", reasons}};
}

json cvs_json(const BalanceModel& m, const BalanceSummary& s) {
  json list = json::array();
  for (const IndicatorCv& c : s.cvs) {
    const IndicatorDef& d = m.standard().indicators[c.indicator];
    json j = {{"key", d.key},
              {"label", d.label},
              {"available", c.available},
              {"mean", c.available ? json(c.cv.mean) : json(nullptr)},
              {"sd", c.available ? json(c.cv.sd) : json(nullptr)},
              {"cv", optional_number(c.available ? c.cv.cv : std::nullopt)},
              {"limit", c.limit},
              {"within", c.within ? json(*c.within) : json(nullptr)}};
    if (!c.available) j["note"] = m.snapshot().no_teachers_note();
    list.push_back(std::move(j));
  }
  return list;
}

// A teacher the what-if or the plan moves: who, and from which school to which.
json moved_json(const BalanceModel& today, const MovedTeacher& m) {
  const Snapshot& snap = today.snapshot();
  return {{"teacher_id", snap.teachers.id[m.teacher]},
          {"teacher_name", snap.teachers.name[m.teacher]},
          {"subject", subjects().values[snap.teachers.subject[m.teacher]]},
          {"from_school", snap.schools[today.units()[m.from_unit].school].name},
          {"to_school", snap.schools[today.units()[m.to_unit].school].name}};
}

Result<double> number_field(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return 0.0;
  if (!j[key].is_number()) return Status::Error("bad_request", std::string("字段 ") + key + " 须为数字", key);
  return j[key].get<double>();
}

Result<int64_t> id_field(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_number_integer())
    return Status::Error("bad_request", std::string("字段 ") + key + " 须为学校编号(整数)", key);
  return j[key].get<int64_t>();
}

// An integer; 1 when absent. Its bounds are analytics/whatif's.
Result<int64_t> count_field(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return int64_t{1};
  if (!j[key].is_number_integer())
    return Status::Error("bad_request", std::string("字段 ") + key + " 须为整数", key);
  return j[key].get<int64_t>();
}

std::string text_field(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

}  // namespace

json statistics_json(const Statistics& s) {
  json defs = json::array();
  for (const StatDef& d : stat_defs())
    defs.push_back({{"key", d.key},
                    {"label", d.label},
                    {"unit", d.unit},
                    {"rate", d.rate},
                    {"good", d.good},
                    {"definition", d.definition}});
  json groups = json::array();
  for (const StatGroup& g : s.groups) {
    json values = json::object();
    for (const auto& [key, v] : g.values)
      values[key] = {{"now", ratio_json(v.now)},
                     {"previous", v.previous ? ratio_json(*v.previous) : json(nullptr)},
                     {"change", optional_number(v.change)},
                     {"records", records_json(v.records)}};
    groups.push_back({{"level", g.level},
                      {"name", g.name},
                      {"section", g.section},
                      {"area_id", g.area_id ? json(g.area_id) : json(nullptr)},
                      {"location", g.location},
                      {"county", g.county},
                      {"values", values}});
  }
  return {{"year", s.year}, {"indicators", defs}, {"groups", groups}, {"notes", s.notes}};
}

json balance_summary_json(const BalanceModel& m, Section section) {
  BalanceSummary s = m.summary(section);
  return {{"year", m.year()},
          {"cvs", cvs_json(m, s)},
          {"composite_cv", optional_number(s.composite)},
          {"units", s.units},
          {"complying", m.standard().has_school_standards && m.teachers_known() ? json(s.complying)
                                                                                : json(nullptr)}};
}

json balance_json(const BalanceModel& m, Section section, const std::vector<bool>& visible) {
  json rows = json::array();
  for (size_t u = 0; u < m.units().size(); ++u) {
    const BalanceUnit& unit = m.units()[u];
    if (unit.section != section || !visible[unit.school]) continue;
    rows.push_back(row_json(m, m.row(static_cast<int>(u))));
  }
  json excluded = json::array();
  for (const Exclusion& x : m.excluded()) {
    if (!visible[x.school]) continue;
    if (x.section != section_name(section) && x.section != "特教" && x.section != "中职") continue;
    const SchoolInfo& school = m.snapshot().schools[x.school];
    excluded.push_back({{"school_id", school.id}, {"school_name", school.name},
                        {"kind", school.kind}, {"section", x.section}, {"reason", x.reason}});
  }
  json j = balance_summary_json(m, section);
  j["standard"] = {{"key", m.standard().key}, {"name", m.standard().name}};
  j["section"] = section_name(section);
  j["settings"] = m.settings().description();
  j["indicators"] = indicators_json(m.standard(), section);
  j["rows"] = rows;
  j["excluded"] = excluded;
  j["rule"] = m.standard().has_school_standards
                  ? "每校至少6项指标达到标准、其余指标不低于标准的85%为达标;差异系数按在校生数加权"
                  : "基本均衡标准只考核县域差异系数,不设单校标准值;差异系数按在校生数加权";
  return j;
}

json whatif_json(const BalanceModel& today, const WhatIf& w) {
  json sections = json::object();
  for (Section s : {Section::kPrimary, Section::kJunior})
    sections[section_name(s)] = {{"before", balance_summary_json(today, s)},
                                 {"after", balance_summary_json(w.after, s)}};
  json changed = json::array();
  for (int u : w.touched_units)
    changed.push_back({{"before", row_json(today, today.row(u))},
                       {"after", row_json(w.after, w.after.row(u))}});
  json moved = json::array();
  for (const MovedTeacher& m : w.moved) moved.push_back(moved_json(today, m));
  return {{"year", today.year()},
          {"standard", {{"key", today.standard().key}, {"name", today.standard().name}}},
          {"indicators", indicators_json(today.standard(), Section::kPrimary)},
          {"sections", sections},
          {"changed_rows", changed},
          {"moved", moved},
          {"saved", false}};
}

json plan_json(const BalanceModel& today, const Plan& plan) {
  const Snapshot& snap = today.snapshot();
  json moves = json::array();
  for (const MovedTeacher& m : plan.moves) {
    json j = moved_json(today, m);
    j["education"] = educations().values[snap.teachers.education[m.teacher]];
    j["backbone"] = snap.teachers.backbone_level(m.teacher);
    j["from_school_id"] = snap.schools[today.units()[m.from_unit].school].id;
    j["to_school_id"] = snap.schools[today.units()[m.to_unit].school].id;
    moves.push_back(std::move(j));
  }
  return {{"section", section_name(plan.section)},
          {"reached", plan.reached},
          {"moves", moves},
          {"notes", plan.notes},
          {"schools", plan.schools},
          {"failing_before", plan.failing_before ? json(*plan.failing_before) : json(nullptr)},
          {"failing_after", plan.failing_after ? json(*plan.failing_after) : json(nullptr)},
          {"before", balance_summary_json(today, plan.section)},
          {"after", balance_summary_json(plan.after, plan.section)}};
}

Result<Draft> draft_from_json(const json& body) {
  if (!body.contains("changes") || !body["changes"].is_array())
    return Status::Error("bad_request", "请求须包含 changes 数组", "changes");
  Draft draft;
  for (const json& c : body["changes"]) {
    if (!c.is_object()) return Status::Error("bad_request", "changes 的每一项须为对象", "changes");
    std::string type = text_field(c, "type");
    if (type == "move_teachers") {
      auto from = id_field(c, "from_school_id");
      if (!from.ok()) return from.status();
      auto to = id_field(c, "to_school_id");
      if (!to.ok()) return to.status();
      auto count = count_field(c, "count");
      if (!count.ok()) return count.status();
      draft.moves.push_back({*from, *to, text_field(c, "section"), *count, text_field(c, "subject"),
                             text_field(c, "backbone")});
    } else if (type == "add_conditions") {
      auto school = id_field(c, "school_id");
      if (!school.ok()) return school.status();
      ConditionsDraft d{*school};
      for (auto [key, target] : {std::pair{"teaching_area", &d.teaching_area},
                                 {"sports_area", &d.sports_area},
                                 {"equipment_value", &d.equipment_value},
                                 {"multimedia_rooms", &d.multimedia_rooms}}) {
        auto v = number_field(c, key);
        if (!v.ok()) return v.status();
        *target = *v;
      }
      draft.additions.push_back(d);
    } else {
      return Status::Error("validation", "未知的变更类型“" + type + "”(应为 move_teachers 或 add_conditions)", "type");
    }
  }
  if (draft.moves.empty() && draft.additions.empty())
    return Status::Error("validation", "请至少拟定一项变更", "changes");
  return draft;
}

}  // namespace edu
