// The plain table every spreadsheet reader returns: sheets of numbered rows of
// cells, with each cell's display text ready for validation.
//
// Contract shared by the readers:
//  - Cell::text always holds what the user sees in the cell. Text stays text
//    ("430521201409010037" typed as text is never turned into a number);
//    numbers get number_text(); an xlsx number with a date/time format gets
//    is_date = true and an ISO date text "YYYY-MM-DD" (see excel_date.h).
//  - TableRow::number is the 1-based row number as Excel shows it. Rows with
//    no non-empty cell are left out, so numbers may skip; trailing empty
//    cells are trimmed, so a row's cells may be shorter than its neighbours'.
//  - cells[i] is column i (0 = A, see cell_ref.h); gaps are kEmpty cells.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace edu::ingest {

struct Cell {
  enum class Kind { kEmpty, kText, kNumber, kBool, kError };
  Kind kind = Kind::kEmpty;
  std::string text;     // display text; "" only for kEmpty
  double number = 0;    // kNumber: the value (a date's serial number); kBool: 0 or 1
  bool is_date = false; // kNumber with a date/time number format

  bool empty() const { return kind == Kind::kEmpty; }
  bool operator==(const Cell&) const = default;
};

struct TableRow {
  int number = 0;  // 1-based row number in the file, as Excel shows it
  std::vector<Cell> cells;
};

struct SheetTable {
  std::string name;  // the sheet's tab name; for CSV the file name without extension
  std::vector<TableRow> rows;
};

// Display text of a number: the shortest text that reads back as the same
// double, without ".0" for integers (2.5 → "2.5", 42.0 → "42"). Integers of
// 1e15 and beyond, which Excel cannot hold exactly (an 18-digit ID number
// typed as a number), are shown in scientific notation ("4.3052120140901005e+17")
// so that they never pass for an exact value.
std::string number_text(double value);

// A sheet with more data rows than a reader was allowed to read fails with
// this code and, after the place, this reason: "数据超过200000行（不含表头），
// 超出单次导入的上限".
inline constexpr const char* kTooManyRows = "too_many_rows";
std::string too_many_rows_reason(size_t max_rows);

Cell text_cell(std::string text);  // kEmpty for "", else kText
Cell number_cell(double value);    // kNumber with number_text()

}  // namespace edu::ingest
