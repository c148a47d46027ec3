#include "workflow/overdue_townships.h"

#include <algorithm>

#include "core/area_tree.h"
#include "store/area_store.h"
#include "store/school_store.h"

namespace edu {

Result<std::vector<OverdueTownship>> overdue_by_township(Database& db, const Actor& actor, const Date& today) {
  auto counts = overdue_counts(db, actor, today);
  if (!counts.ok()) return counts.status();
  auto areas = list_areas(db, Scope::All());
  if (!areas.ok()) return areas.status();
  auto school_area = school_areas(db);
  if (!school_area.ok()) return school_area.status();
  const AreaTree tree(*areas);
  std::vector<OverdueTownship> out;
  const std::optional<int64_t> officer_area =
      actor.user.role == role::kAreaOfficer ? actor.user.area_id : std::optional<int64_t>();
  for (const OverdueCount& c : *counts) {
    auto area = school_area->find(c.school_id);
    // A case of the officer's area may wait at a school outside it (the other side of a transfer).
    if (officer_area && (area == school_area->end() || !tree.within(area->second, *officer_area))) continue;
    const Area* township = area == school_area->end() ? nullptr : tree.township_of(area->second);
    const int64_t id = township ? township->id : 0;
    auto it = std::find_if(out.begin(), out.end(), [&](const OverdueTownship& t) { return t.township_id == id; });
    if (it == out.end()) it = out.insert(out.end(), {id, township ? township->name : "未知乡镇", 0, {}});
    it->overdue += c.overdue;
    it->schools.push_back(c);
  }
  std::sort(out.begin(), out.end(), [](const OverdueTownship& a, const OverdueTownship& b) {
    return a.overdue != b.overdue ? a.overdue > b.overdue : a.township_name < b.township_name;
  });
  return out;
}

}  // namespace edu
