#include "workflow/area_commands.h"

#include "store/area_store.h"
#include "workflow/change_log.h"

namespace edu {

Result<Area> rename_area(Database& db, const Actor& actor, int64_t area_id, const std::string& name) {
  if (!allowed(actor.user, Action::kUpdate, Entity::kArea))
    return Status::Error("forbidden", "只有教育局管理员可以修改乡镇(街道)");
  if (name.empty()) return Status::Error("validation", "请填写乡镇(街道)名称", "name");
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto areas = list_areas(db, Scope::All());
  if (!areas.ok()) return areas.status();
  std::optional<Area> area;
  for (const Area& a : *areas)
    if (a.id == area_id && a.parent_id) area = a;
  if (!area) return Status::Error("not_found", "乡镇(街道)不存在");
  for (const Area& a : *areas)
    if (a.id != area_id && a.name == name && a.parent_id == area->parent_id)
      return Status::Error("duplicate", "“" + name + "”已是同一上级区划下行政区划代码为" + a.code + "的区划的名称",
                           "name");
  Area renamed = *area;
  renamed.name = name;
  auto changes = diff_fields(fields_of(*area), fields_of(renamed));
  if (changes.empty()) return renamed;
  Status s = update_area(db, renamed);
  if (s.ok()) s = audit(db, &actor, "update", Entity::kArea, area_id, changes);
  if (s.ok()) s = tx.commit();
  if (!s.ok()) return s;
  return renamed;
}

}  // namespace edu
