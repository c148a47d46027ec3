// POST /rollover/preview and /rollover/commit {to_year}: 学年升级
// (workflow/rollover.h); both answer {rollover} with the plan per school.
#include "http/json_input.h"
#include "http/routes.h"
#include "workflow/rollover.h"

namespace edu {
namespace {

Json summary_json(const rollover::SchoolSummary& s) {
  return {{"school_id", s.school_id},           {"school_name", s.school_name},
          {"classes_opened", s.classes_opened}, {"students_moved", s.students_moved},
          {"graduates", s.graduates},           {"kept", s.kept},
          {"problems", s.problems}};
}

Json outcome_json(const RolloverOutcome& o, int to_year) {
  Json schools = Json::array(), problems = Json::array();
  for (const auto& s : o.plan.schools) schools.push_back(summary_json(s));
  for (const auto& p : o.plan.problems)
    problems.push_back({{"school_id", p.school_id}, {"kind", p.kind}, {"message", p.message}});
  return {{"current_year", o.current_year}, {"to_year", to_year},
          {"already_opened", o.already_opened}, {"committed", o.committed},
          {"message", o.message},           {"total", summary_json(o.plan.total)},
          {"schools", schools},             {"problems", problems}};
}

Result<Reply> rollover_route(ApiCall& call, bool commit) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader in(*body);
  int64_t to_year = in.integer("to_year");
  if (!in.status().ok()) return in.status();
  if (to_year < 2000 || to_year > 2100)
    return Status::Error("validation", "学年“to_year”须是 2000 到 2100 之间的年份", "to_year");
  auto out = rollover_year(call.db, &call.who(), static_cast<int>(to_year), commit);
  if (!out.ok()) return out.status();
  return Reply(Json{{"rollover", outcome_json(*out, static_cast<int>(to_year))}});
}

}  // namespace

void add_rollover_routes(Router& router) {
  router.post("/rollover/preview", [](ApiCall& call) { return rollover_route(call, false); });
  router.post("/rollover/commit", [](ApiCall& call) { return rollover_route(call, true); });
}

}  // namespace edu
