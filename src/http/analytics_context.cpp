#include "http/analytics_context.h"

#include <map>

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
  std::map<int64_t, std::optional<int64_t>> parent;
  for (const AreaInfo& a : s.areas) parent[a.id] = a.parent_id;
  auto inside = [&](int64_t area) {
    for (int depth = 0; depth < 16; ++depth) {
      if (area == scope.area_id) return true;
      auto p = parent.find(area);
      if (p == parent.end() || !p->second) return false;
      area = *p->second;
    }
    return false;
  };
  for (size_t i = 0; i < s.schools.size(); ++i) visible[i] = inside(s.schools[i].area_id);
  return visible;
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
