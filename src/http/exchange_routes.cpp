// 交流轮岗 (workflow/exchange_report.h, workflow/exchange_workflow.cpp):
// GET /exchange/plan?year= — the year's plan in the caller's scope: the
// rules, per school that must send (or that moves leave) its eligible
// teachers with why, its moves (each with `counts`: false, 不计入, when the
// teacher is not eligible there) and its quotas (numerator, denominator, need,
// met); the year's exchange cases; the exchanges away now with their planned
// return (due: today or past); and the what-if draft of the moves not yet
// approved (POST it to /analytics/whatif for the 差异系数 before and after).
// GET /exchange/teachers/{id} — a teacher's exchanges (the records kept on
// approval) and their exchange cases the caller sees. Proposals, approvals
// and returns are the workflow's actions (POST /cases, /cases/{id}/actions);
// POST /exchange/proposals {proposals: [{teacher_id, target_school_id,
// start_on, years}]} opens the bureau's chosen moves all at once or none
// (workflow/exchange_proposals.h), answered with the new cases.
#include "http/case_json.h"
#include "http/routes.h"
#include "store/teacher_store.h"
#include "workflow/case_engine.h"
#include "workflow/exchange_proposals.h"
#include "workflow/exchange_report.h"

namespace edu {
namespace {

Json quota_json(const std::optional<analytics::Quota>& q) {
  if (!q) return nullptr;
  return {{"numerator", q->numerator}, {"denominator", q->denominator}, {"need", q->need}, {"met", q->met}};
}

Json exchange_json(const TeacherExchange& e, const Date& today) {
  return {{"case_id", e.case_id},
          {"teacher_id", e.teacher_id},
          {"teacher_name", e.teacher_name},
          {"home_school_id", e.home_school_id},
          {"home_school_name", e.home_school_name},
          {"host_school_id", e.host_school_id},
          {"host_school_name", e.host_school_name},
          {"start_on", e.start_on},
          {"return_on", e.return_on},
          {"returned_on", e.returned_on},
          {"due", e.returned_on.empty() && e.return_on <= today.iso()}};
}

Json plan_json(const ExchangeReport& r, const User& user, const Date& today) {
  std::map<int64_t, const CaseView*> by_case;
  for (const CaseView& v : r.cases) by_case[v.record.id] = &v;
  Json schools = Json::array();
  for (const analytics::SchoolExchangePlan& p : r.plan.schools) {
    Json eligible = Json::array(), moves = Json::array();
    for (const analytics::EligibleTeacher& e : p.eligible)
      eligible.push_back({{"teacher_id", e.teacher_id}, {"name", e.name}, {"gender", e.gender},
                          {"subject", e.subject}, {"backbone", e.backbone}, {"age", e.age},
                          {"years_at_school", e.years_at_school}, {"why", e.why}, {"moving", e.moving}});
    for (const analytics::ExchangeMove& m : p.moves) {
      auto v = by_case.find(m.case_id);
      moves.push_back({{"case_id", m.case_id}, {"teacher_id", m.teacher_id},
                       {"teacher_name", v == by_case.end() ? "" : v->second->teacher_name},
                       {"to_school_id", m.to_school_id},
                       {"to_school_name", v == by_case.end() ? "" : v->second->target_school_name},
                       {"state", m.state}, {"start_on", m.start_on}, {"approved", m.approved},
                       {"counts", m.counts}});
    }
    schools.push_back({{"school_id", p.school_id}, {"school_name", p.school_name}, {"location", p.location},
                       {"must_send", p.must_send}, {"why_sending", p.why_sending}, {"eligible", eligible},
                       {"moves", moves}, {"counted_moving", p.counted_moving}, {"backbone_moving", p.backbone_moving},
                       {"moving", quota_json(p.moving)}, {"backbone", quota_json(p.backbone)}});
  }
  Json cases = Json::array(), away = Json::array(), changes = Json::array();
  for (const CaseView& v : r.cases) cases.push_back(case_json(v, user, today));
  for (const TeacherExchange& e : r.away) away.push_back(exchange_json(e, today));
  for (const analytics::TeacherMoveDraft& d : r.pending)
    changes.push_back({{"type", "move_teachers"}, {"from_school_id", d.from_school_id},
                       {"to_school_id", d.to_school_id}, {"section", d.section}, {"count", d.count},
                       {"subject", d.subject}, {"backbone", d.backbone}});
  Json receiving = Json::array();
  for (const analytics::ReceivingSchool& s : r.plan.receiving)
    receiving.push_back(
        {{"school_id", s.school_id}, {"school_name", s.school_name}, {"why", s.why}, {"moves_in", s.moves_in}});
  const analytics::ExchangeRules& rules = r.rules;
  return {{"year", r.plan.year},
          {"rules", {{"min_years", rules.min_years}, {"male_age_limit", rules.male_age_limit},
                     {"female_age_limit", rules.female_age_limit}, {"sending_locations", rules.sending_locations},
                     {"quality_schools", rules.quality_school_codes}, {"service_years", rules.service_years},
                     {"move_percent", analytics::kMovePercent}, {"backbone_percent", analytics::kBackbonePercent}}},
          {"schools", schools},
          {"receiving", receiving},
          {"cases", cases},
          {"away", away},
          {"whatif", {{"year", r.plan.year}, {"changes", changes}}}};
}

Result<Reply> plan_route(ApiCall& call) {
  auto year = call.query_int("year");
  if (!year.ok()) return year.status();
  const int64_t y = year->value_or(call.school_year);
  if (y < 1990 || y > 2100) return Status::Error("validation", "“学年”应为1990至2100之间的年份", "year");
  auto report = exchange_report(call.db, call.who(), static_cast<int>(y));
  if (!report.ok()) return report.status();
  return Reply(plan_json(*report, call.who().user, call.today()));
}

Result<Reply> teacher_route(ApiCall& call) {
  auto teacher = get_teacher(call.db, call.who().scope, call.path_id());
  if (!teacher.ok()) return teacher.status();
  if (!*teacher) return Status::Error("not_found", "教师不存在或不在您的管辖范围内");
  ExchangeFilter f;
  f.teacher_id = (*teacher)->teacher.id;
  auto records = list_exchanges(call.db, f);
  if (!records.ok()) return records.status();
  Json exchanges = Json::array(), cases = Json::array();
  for (const TeacherExchange& e : *records) exchanges.push_back(exchange_json(e, call.today()));
  if (handles_cases(call.who().user)) {
    CaseFilter cf;
    cf.teacher_id = f.teacher_id;
    auto rows = list_cases(call.db, cf, call.today().iso());
    if (!rows.ok()) return rows.status();
    for (const CaseView& v : *rows)
      if (visible_case(call.db, call.who(), v.record.id).ok())
        cases.push_back(case_json(v, call.who().user, call.today()));
  }
  return Reply(Json{{"teacher_id", *f.teacher_id}, {"teacher_name", (*teacher)->teacher.name},
                    {"exchanges", exchanges}, {"cases", cases}});
}

Result<Reply> proposals_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  auto list = body->find("proposals");
  if (list == body->end() || !list->is_array())
    return Status::Error("bad_request", "请以列表给出要拟定的交流调整", "proposals");
  if (Status s = check_proposals(call.who(), list->size()); !s.ok()) return s;
  const ActionSpec* propose = find_workflow("exchange")->opening("propose");
  std::vector<ActionInput> moves;
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& item = (*list)[i];
    const std::string at = "第" + std::to_string(i + 1) + "条:";
    if (!item.is_object()) return Status::Error("bad_request", at + "每条调整应为一个对象", "proposals");
    auto input = input_from_json(item, *propose);
    if (!input.ok()) return Status::Error(input.status().code(), at + input.status().message(), input.status().field());
    moves.push_back(std::move(*input));
  }
  auto ids = propose_exchanges(call.db, call.who(), moves, call.today());
  if (!ids.ok()) return ids.status();
  Json cases = Json::array();
  for (int64_t id : *ids) {
    auto view = visible_case(call.db, call.who(), id);
    if (!view.ok()) return view.status();
    cases.push_back(case_json(*view, call.who().user, call.today()));
  }
  return Reply(201, Json{{"cases", cases}});
}

}  // namespace

void add_exchange_routes(Router& router) {
  router.get("/exchange/plan", plan_route);
  router.post("/exchange/proposals", proposals_route);
  router.get(R"(/exchange/teachers/(\d+))", teacher_route);
}

}  // namespace edu
