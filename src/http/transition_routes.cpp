// 小升初: GET /catchments, the 划片 rows the user's scope sees (a row where its
// 小学 or its 初中 lies in the scope); GET /transition?year=Y, the follow-up
// lists (workflow/transition_lists.h) as {transition}.
#include "http/routes.h"
#include "http/transition_json.h"
#include "store/catchment_store.h"
#include "workflow/transition_lists.h"

namespace edu {
namespace {

Result<Reply> catchments_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kCatchment))
    return Status::Error("forbidden", "您的角色无权查看划片");
  auto rows = list_catchments(call.db, call.who().scope);
  if (!rows.ok()) return rows.status();
  Json items = Json::array();
  for (const CatchmentView& v : *rows)
    items.push_back({{"school_id", v.catchment.school_id},
                     {"school_code", v.school_code},
                     {"school_name", v.school_name},
                     {"area_id", v.area_id},
                     {"area_name", v.area_name},
                     {"middle_school_id", v.catchment.middle_school_id},
                     {"middle_school_code", v.middle_school_code},
                     {"middle_school_name", v.middle_school_name}});
  return Reply(Json{{"items", items}, {"total", items.size()}});
}

Result<Reply> transition_route(ApiCall& call) {
  auto year = call.query_int("year");
  if (!year.ok()) return year.status();
  auto lists = transition_lists(call.db, &call.who(), *year);
  if (!lists.ok()) return lists.status();
  return Reply(Json{{"transition", transition_json(*lists)}});
}

}  // namespace

void add_transition_routes(Router& router) {
  router.get("/catchments", catchments_route);
  router.get("/transition", transition_route);
}

}  // namespace edu
