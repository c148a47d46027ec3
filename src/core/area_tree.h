// The area tree's levels and where an area lies in it. The root is a 市 (a
// city deployment: 市 → 区/县 → 乡镇/街道 → 学区) or a 县 (a county deployment:
// 县 → 乡镇/街道 → 学区); a 学区 is optional. Every figure grouped "by
// township" or "by county" asks this one place, so a school placed in a 学区
// counts in its township and a school in a township counts in its county.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/model.h"

namespace edu {

namespace area_level {
inline constexpr const char* kCity = "市";
inline constexpr const char* kCounty = "县";  // shown as 区/县
inline constexpr const char* kTownship = "乡镇";
inline constexpr const char* kDistrict = "学区";
}  // namespace area_level

class AreaTree {
 public:
  explicit AreaTree(const std::vector<Area>& areas);

  // The area with `id`, or nullptr.
  const Area* find(int64_t id) const;
  // The township of an area: the nearest of itself and its ancestors at level
  // 乡镇; an area above township level (a school placed directly in a county)
  // is its own township, so that no school is ever dropped from a grouping.
  // nullptr only for an unknown id.
  const Area* township_of(int64_t id) const;
  // The county (区/县) of an area: the nearest of itself and its ancestors at
  // level 县; nullptr for the city root and for an unknown id.
  const Area* county_of(int64_t id) const;
  // Is `id` the area `ancestor` or below it? (An area scope's subtree.)
  bool within(int64_t id, int64_t ancestor) const;
  // The areas at level 县, in the order given (one in a county deployment).
  std::vector<const Area*> counties() const;
  bool is_city() const;  // the root is a 市

 private:
  // The nearest of `id` and its ancestors for which `match` holds, or nullptr.
  template <class Match>
  const Area* nearest(int64_t id, Match match) const;
  std::vector<Area> areas_;
  std::unordered_map<int64_t, size_t> index_;
};

}  // namespace edu
