// 小升初: GET /catchments, the 划片 rows the user's scope sees (a row where its
// 小学 or its 初中 lies in the scope), with counts.
#include "http/routes.h"
#include "store/catchment_store.h"

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

}  // namespace

void add_transition_routes(Router& router) { router.get("/catchments", catchments_route); }

}  // namespace edu
