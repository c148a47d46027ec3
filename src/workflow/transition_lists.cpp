#include "workflow/transition_lists.h"

#include <set>

#include "store/area_store.h"
#include "store/school_year_store.h"
#include "store/transition_store.h"

namespace edu {
namespace {

Status keep_visible(Database& db, const Scope& scope, transition::Lists& lists) {
  if (scope.kind == Scope::Kind::kAll) return Status::Ok();
  if (scope.kind != Scope::Kind::kArea) {
    lists.townships.clear();
    std::erase_if(lists.middle_schools, [&](const auto& m) { return m.school_id != scope.school_id; });
    return Status::Ok();
  }
  auto areas = list_areas(db, scope);
  if (!areas.ok()) return areas.status();
  std::set<int64_t> ids;
  for (const Area& a : *areas) ids.insert(a.id);
  std::erase_if(lists.townships, [&](const auto& t) { return !ids.count(t.area_id); });
  std::erase_if(lists.middle_schools, [&](const auto& m) { return !ids.count(m.area_id); });
  return Status::Ok();
}

}  // namespace

Result<transition::Lists> transition_lists(Database& db, const Actor* actor,
                                           std::optional<int64_t> year) {
  if (actor && !allowed(actor->user, Action::kRead, Entity::kTransition))
    return Status::Error("forbidden", "您的角色无权查看小升初名单");
  if (!year) {
    auto current = current_school_year(db);
    if (!current.ok()) return current.status();
    year = *current;
  }
  if (*year < 2000 || *year > 2100)
    return Status::Error("validation", "学年“year”须是 2000 到 2100 之间的年份", "year");
  auto input = load_transition_input(db, static_cast<int>(*year));
  if (!input.ok()) return input.status();
  transition::Lists lists = transition::follow_up_lists(*input);
  if (actor) {
    Status s = keep_visible(db, actor->scope, lists);
    if (!s.ok()) return s;
  }
  return lists;
}

}  // namespace edu
