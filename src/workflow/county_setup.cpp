#include "workflow/county_setup.h"

#include "core/area_code.h"
#include "core/area_tree.h"
#include "core/text_field.h"
#include "store/area_store.h"
#include "workflow/change_log.h"

namespace edu {

Result<Area> init_county(Database& db, const NewCounty& county, const RegisterContext& ctx) {
  const std::string noun = county.city ? "市" : "县";
  auto name = clean_text(county.name, "name", noun + "名");
  if (!name.ok()) return name.status();
  if (name->empty())
    return Status::Error("validation", "请填写" + noun + "名(" + (county.city ? "--city" : "--county") + ")",
                         "name");
  if (!is_area_code(county.code, 6) || (county.city && county.code.substr(4) != "00"))
    return Status::Error("validation",
                         county.city ? "市的行政区划代码应为6位数字并以00结尾,如430500;收到“" + county.code + "”"
                                     : "县的行政区划代码应为6位数字,如430521;收到“" + county.code + "”",
                         "area_code");
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto existing = get_county(db);
  if (!existing.ok()) return existing.status();
  if (*existing)
    return Status::Error("exists", "该数据库已初始化为“" + (*existing)->name + "”(行政区划代码 " +
                                       (*existing)->code + "),不能再次初始化;请换一个数据库文件");
  Area area{0, std::nullopt, county.code, *name, county.city ? area_level::kCity : area_level::kCounty};
  auto id = insert_area(db, area);
  if (!id.ok()) return id.status();
  area.id = *id;
  Status s = set_setting(db, "county_name", area.name);
  if (s.ok()) s = set_setting(db, "school_year", std::to_string(ctx.school_year));
  if (!s.ok()) return s;
  NewUser admin = county.admin;
  admin.role = role::kBureauAdmin;
  auto user = add_user(db, nullptr, admin);
  if (!user.ok()) return user.status();
  const Actor founder{*user, Scope::All(), county.origin};
  s = audit(db, &founder, "create", Entity::kArea, area.id, {});
  if (s.ok()) s = tx.commit();
  if (!s.ok()) return s;
  return area;
}

}  // namespace edu
