#include "http/analytics_context.h"

#include "core/area_tree.h"
#include "store/registers_version.h"
#include "store/snapshot_loader.h"

namespace edu {

using namespace analytics;

Result<std::shared_ptr<const Snapshot>> SnapshotCache::get(Database& db, int current_year) {
  auto version = registers_version(db);
  if (!version.ok()) return version.status();
  std::lock_guard lock(mutex_);
  if (snapshot_ && *version == version_ && current_year == year_) return snapshot_;
  auto loaded = load_snapshot(db, current_year);
  if (!loaded.ok()) return loaded.status();
  snapshot_ = std::make_shared<const Snapshot>(std::move(*loaded));
  version_ = *version;
  year_ = current_year;
  return snapshot_;
}

std::vector<bool> visible_schools(const Snapshot& s, const Scope& scope) {
  std::vector<bool> visible(s.schools.size(), scope.kind == Scope::Kind::kAll);
  if (scope.kind == Scope::Kind::kAll) return visible;
  if (scope.kind != Scope::Kind::kArea) {
    int school = s.school_index(scope.school_id);
    if (school >= 0) visible[school] = true;
    return visible;
  }
  const AreaTree tree(s.areas);
  for (size_t i = 0; i < s.schools.size(); ++i) visible[i] = tree.within(s.schools[i].area_id, scope.area_id);
  return visible;
}

std::vector<const Area*> visible_counties(const Snapshot& s, const Scope& scope) {
  const AreaTree tree(s.areas);
  std::vector<const Area*> out;
  if (!tree.is_city()) return out;
  const std::vector<bool> visible = visible_schools(s, scope);
  for (const Area* county : tree.counties()) {
    const Area& a = *county;
    bool shown = scope.kind == Scope::Kind::kAll;
    if (scope.kind == Scope::Kind::kArea) {
      const Area* own = tree.county_of(scope.area_id);
      shown = own ? own->id == a.id : tree.find(scope.area_id) != nullptr;  // the city: every county
    }
    for (size_t i = 0; !shown && i < s.schools.size(); ++i)
      shown = visible[i] && s.schools[i].county_id == a.id;
    if (shown) out.push_back(&a);
  }
  return out;
}

Result<int64_t> county_param(const Snapshot& s, const Scope& scope, int64_t requested) {
  const AreaTree tree(s.areas);
  if (!tree.is_city()) {
    if (requested) return Status::Error("validation", "本库为县级部署,均衡发展按全县计算,无需 county_id", "county_id");
    return int64_t{0};
  }
  const std::vector<const Area*> counties = visible_counties(s, scope);
  if (!requested) {
    if (counties.empty()) return Status::Error("not_found", "本市尚未导入区/县,无法计算均衡发展差异系数", "county_id");
    return counties.front()->id;
  }
  const Area* county = tree.find(requested);
  if (!county || county->level != area_level::kCounty)
    return Status::Error("not_found", "区/县(county_id=" + std::to_string(requested) + ")不存在", "county_id");
  for (const Area* c : counties)
    if (c->id == requested) return requested;
  return Status::Error("forbidden", "您无权查看“" + county->name + "”的均衡发展数据", "county_id");
}

Result<int> history_year(const Snapshot& s, int requested) {
  if (requested < s.first_year || requested > s.last_year)
    return Status::Error("validation",
                         "学年须在" + std::to_string(s.first_year) + "–" + std::to_string(s.last_year) +
                             "之间(学籍登记所覆盖的学年)",
                         "year");
  return requested;
}

Result<Section> section_param(const std::string& value) {
  if (value.empty()) return Section::kPrimary;
  auto s = section_from_name(value);
  if (!s) return Status::Error("validation", "学段须为“小学”或“初中”", "section");
  return *s;
}

Result<std::vector<Section>> sections_param(const std::string& value) {
  if (value.empty()) return std::vector<Section>{Section::kPrimary, Section::kJunior};
  auto one = section_param(value);
  if (!one.ok()) return one.status();
  return std::vector<Section>{*one};
}

Result<const BalanceStandard*> standard_param(const std::string& value) {
  const BalanceStandard* s = find_standard(value);
  if (!s) return Status::Error("validation", "标准须为 2017(优质均衡)或 2012(基本均衡)", "standard");
  return s;
}

Result<BalanceSettings> settings_param(const std::string& primary_above) {
  BalanceSettings settings;
  if (primary_above.empty() || primary_above == "专科") return settings;
  if (primary_above != "本科")
    return Status::Error("validation", "小学高于规定学历口径须为“专科”或“本科”", "primary_above");
  settings.primary_above_needs_bachelor = true;
  return settings;
}

}  // namespace edu
