// 行政区划代码 and where a code sits in the area tree (core/area_tree.h):
//   6 digits            区/县 (level 县); a city's own code ends in 00 (430500)
//   9 or 12 digits      乡镇/街道, under the 区/县 of its first 6 digits
//   township code + 2   学区 (the bureau numbers them), under that township
// A county's code lies under a city when their first 4 digits agree.
#pragma once

#include <string>

namespace edu {

// Is `code` all digits and `length` long?
bool is_area_code(const std::string& code, size_t length);
// The level a code of this shape has (area_level::kCounty / kTownship /
// kDistrict), or "" for any other shape.
std::string level_of_code(const std::string& code);
// The code of the area a township or 学区 lies in ("" for a 区/县: its parent
// is the root).
std::string parent_code(const std::string& code);

}  // namespace edu
