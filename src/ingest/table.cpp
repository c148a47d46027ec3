#include "ingest/table.h"

#include <charconv>
#include <cmath>

namespace edu::ingest {

std::string number_text(double value) {
  if (value == 0) return "0";  // also -0
  char buf[64];
  std::to_chars_result r;
  if (std::fabs(value) < 1e15 && value == std::trunc(value)) {
    r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 0);
  } else if (std::fabs(value) >= 1e15 && std::isfinite(value)) {
    r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  } else {
    r = std::to_chars(buf, buf + sizeof buf, value);
  }
  return std::string(buf, r.ptr);
}

std::string too_many_rows_reason(size_t max_rows) {
  return "数据超过" + std::to_string(max_rows) + "行（不含表头），超出单次导入的上限";
}

Cell text_cell(std::string text) {
  Cell c;
  if (!text.empty()) {
    c.kind = Cell::Kind::kText;
    c.text = std::move(text);
  }
  return c;
}

Cell number_cell(double value) {
  Cell c;
  c.kind = Cell::Kind::kNumber;
  c.number = value;
  c.text = number_text(value);
  return c;
}

}  // namespace edu::ingest
