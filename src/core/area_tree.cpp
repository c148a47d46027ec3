#include "core/area_tree.h"

namespace edu {

AreaTree::AreaTree(const std::vector<Area>& areas) : areas_(areas) {
  for (size_t i = 0; i < areas_.size(); ++i) index_.emplace(areas_[i].id, i);
}

const Area* AreaTree::find(int64_t id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &areas_[it->second];
}

template <class Match>
const Area* AreaTree::nearest(int64_t id, Match match) const {
  // The depth bound guards against a cycle in bad data.
  for (size_t depth = 0; depth <= areas_.size(); ++depth) {
    const Area* a = find(id);
    if (!a) return nullptr;
    if (match(*a)) return a;
    if (!a->parent_id) return nullptr;
    id = *a->parent_id;
  }
  return nullptr;
}

const Area* AreaTree::township_of(int64_t id) const {
  const Area* township = nearest(id, [](const Area& a) { return a.level == area_level::kTownship; });
  return township ? township : find(id);
}

const Area* AreaTree::county_of(int64_t id) const {
  return nearest(id, [](const Area& a) { return a.level == area_level::kCounty; });
}

bool AreaTree::within(int64_t id, int64_t ancestor) const {
  return nearest(id, [ancestor](const Area& a) { return a.id == ancestor; }) != nullptr;
}

std::vector<const Area*> AreaTree::counties() const {
  std::vector<const Area*> out;
  for (const Area& a : areas_)
    if (a.level == area_level::kCounty) out.push_back(&a);
  return out;
}

bool AreaTree::is_city() const {
  for (const Area& a : areas_)
    if (!a.parent_id) return a.level == area_level::kCity;
  return false;
}

}  // namespace edu
