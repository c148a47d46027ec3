// 班额 bands (DOMAIN.md, 教育事业统计): 大班额 56–65 students, 超大班额 66 and
// more. Shared by the statistics and the class-size list that opens them.
#pragma once

namespace edu {

inline constexpr int kLargeClass = 56;  // 大班额 from here …
inline constexpr int kHugeClass = 66;   // … to kHugeClass − 1; 超大班额 from here
inline constexpr const char* kLargeBand = "大班额";
inline constexpr const char* kHugeBand = "超大班额";

}  // namespace edu
