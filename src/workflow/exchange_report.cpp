#include "workflow/exchange_report.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/teacher_section.h"
#include "store/area_store.h"
#include "store/registers_loader.h"
#include "store/check_store.h"
#include "workflow/case_engine.h"
#include "workflow/county_rules.h"

namespace edu {
namespace {

// The rules as the county set them (workflow/county_rules.h: defaults and bounds).
Result<analytics::ExchangeRules> rules_of(Database& db) {
  analytics::ExchangeRules r;
  for (auto [key, target] : {std::pair{"exchange.min_years", &r.min_years},
                             {"exchange.male_age_limit", &r.male_age_limit},
                             {"exchange.female_age_limit", &r.female_age_limit},
                             {"exchange.service_years", &r.service_years}}) {
    auto n = rule_number(db, key);
    if (!n.ok()) return n.status();
    *target = static_cast<int>(*n);
  }
  auto locations = rule_list(db, "exchange.sending_locations");
  if (!locations.ok()) return locations.status();
  r.sending_locations = *locations;
  auto quality = rule_list(db, "exchange.quality_schools");
  if (!quality.ok()) return quality.status();
  r.quality_school_codes = *quality;
  return r;
}

std::string field(const CaseRecord& c, const char* key) {
  const auto fields = nlohmann::json::parse(c.fields, nullptr, false);
  return fields.is_object() && fields.contains(key) && fields[key].is_string() ? fields[key].get<std::string>() : "";
}

}  // namespace

Result<ExchangeReport> exchange_report(Database& db, const Actor& actor, int year) {
  if (!handles_cases(actor.user)) return Status::Error("forbidden", "交流轮岗计划仅供教育局、乡镇(学区)和学校管理员查看");
  ExchangeReport out;
  auto rules = rules_of(db);
  if (!rules.ok()) return rules.status();
  out.rules = *rules;
  auto staff = read_staff(db);
  if (!staff.ok()) return staff.status();
  CaseFilter f;
  f.kind = "exchange";
  auto cases = list_cases(db, f, "");
  if (!cases.ok()) return cases.status();
  auto seen = school_ids_in(db, actor.scope);
  if (!seen.ok()) return seen.status();
  const std::set<int64_t>& in_scope = *seen;
  std::map<int64_t, const Teacher*> teachers;
  for (const Teacher& t : staff->teachers) teachers[t.id] = &t;
  std::map<int64_t, const School*> schools;
  for (const School& s : staff->schools) schools[s.id] = &s;
  std::vector<analytics::ExchangeMove> moves;
  for (const CaseView& v : *cases) {
    const CaseRecord& c = v.record;
    const auto start = parse_iso_date(field(c, "start_on"));
    if (c.state == "已退回" || c.state == "已撤回" || !start || school_year_of(*start) != year) continue;
    const bool approved = c.state == "交流中" || c.state == "已返回";
    moves.push_back({c.id, c.teacher_id, c.school_id, c.target_school_id, c.state, start->iso(), approved});
    if (in_scope.count(c.school_id) || in_scope.count(c.target_school_id)) out.cases.push_back(v);
    auto t = teachers.find(c.teacher_id);
    auto home = schools.find(c.school_id);
    if (approved || t == teachers.end() || home == schools.end()) continue;
    const Teacher& teacher = *t->second;
    const std::string section = teacher_section(teacher.section, home->second->kind, teacher.subject);
    if (section == "小学" || section == "初中")
      out.pending.push_back({c.school_id, c.target_school_id, section, 1, teacher.subject, teacher.backbone});
  }
  out.plan = analytics::plan_exchange(*staff, moves, out.rules, year);
  std::erase_if(out.plan.schools,
                [&](const analytics::SchoolExchangePlan& p) { return !in_scope.count(p.school_id); });
  std::erase_if(out.plan.receiving,
                [&](const analytics::ReceivingSchool& p) { return !in_scope.count(p.school_id); });
  ExchangeFilter away;
  away.away_only = true;
  auto records = list_exchanges(db, away);
  if (!records.ok()) return records.status();
  for (TeacherExchange& e : *records)
    if (in_scope.count(e.home_school_id) || in_scope.count(e.host_school_id)) out.away.push_back(std::move(e));
  std::sort(out.away.begin(), out.away.end(),
            [](const TeacherExchange& a, const TeacherExchange& b) { return a.return_on < b.return_on; });
  return out;
}

}  // namespace edu
