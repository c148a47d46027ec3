#include "ingest/cell_ref.h"

namespace edu::ingest {

std::string column_letters(int column) {
  if (column < 0) return "";
  std::string out;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), char('A' + (n - 1) % 26));
  return out;
}

std::optional<int> column_index(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return std::nullopt;
  int n = 0;
  for (char c : letters) {
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return std::nullopt;
    n = n * 26 + (c - 'A' + 1);
  }
  if (n > kMaxColumns) return std::nullopt;
  return n - 1;
}

std::optional<CellRef> parse_cell_ref(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && text[i] == '$') ++i;
  size_t letters_start = i;
  while (i < text.size() && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z'))) ++i;
  auto column = column_index(text.substr(letters_start, i - letters_start));
  if (!column) return std::nullopt;
  if (i < text.size() && text[i] == '$') ++i;
  if (i == text.size() || i + 7 < text.size()) return std::nullopt;
  long row = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    row = row * 10 + (text[i] - '0');
  }
  if (row < 1 || row > kMaxRows) return std::nullopt;
  return CellRef{int(row), *column};
}

std::string describe_location(std::string_view file, std::string_view sheet, int row, int column) {
  std::string out(file);
  if (!sheet.empty()) {
    out += " 工作表“";
    out += sheet;
    out += "”";
  } else if (row >= 1 || column >= 0) {
    out += ' ';
  }
  if (row >= 1) out += "第" + std::to_string(row) + "行";
  if (column >= 0) out += column_letters(column) + "列";
  return out;
}

}  // namespace edu::ingest
