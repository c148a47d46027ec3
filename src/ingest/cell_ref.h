// Cell references as Excel shows them: column letters ("A".."XFD"), "AB12"
// references, and the Chinese phrase that names a place in a file for an
// error message. Columns are 0-based indexes here (A = 0, the index into
// TableRow::cells); rows are 1-based, as Excel numbers them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace edu::ingest {

inline constexpr int kMaxRows = 1048576;  // Excel's limits, also applied to CSV
inline constexpr int kMaxColumns = 16384;

// 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". Negative → "".
std::string column_letters(int column);

// "A" → 0, "xfd" → 16383 (case-insensitive). nullopt when not 1–3 letters or
// beyond XFD.
std::optional<int> column_index(std::string_view letters);

struct CellRef {
  int row = 0;     // 1-based
  int column = 0;  // 0-based
};

// "AB12" → {12, 27}; "$A$1" is accepted. nullopt for anything else or beyond
// XFD1048576.
std::optional<CellRef> parse_cell_ref(std::string_view text);

// The place for an error message, e.g. "学生.xlsx 工作表“学生”第12行C列".
// An empty sheet, a row < 1 or a column < 0 is left out.
std::string describe_location(std::string_view file, std::string_view sheet = "", int row = 0,
                              int column = -1);

}  // namespace edu::ingest
