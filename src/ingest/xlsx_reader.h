// Reads an .xlsx workbook (Excel, WPS, LibreOffice) into plain tables, one
// SheetTable per worksheet in tab order (chart sheets are skipped; hidden
// sheets are included). See table.h for what a cell's text holds.
//
// Understood: shared strings (with rich-text runs), inline strings, formula
// string results, booleans, errors, numbers, dates (built-in and custom
// date/time number formats, 1900 and 1904 systems), cells without or with
// gapped references, and merged ranges, whose top-left value is copied into
// every cell of the range (so a merged header names each column under it).
//
// Bounded against hostile files: an entry inflating beyond
// limits.max_entry_bytes, all entries together beyond max_total_bytes,
// references beyond XFD1048576, more than max_cells cells (counting the
// empty cells in gaps and those filled from merges), or a sheet with more
// than max_rows non-empty rows below its first one (the header) give an
// error, never a crash or a hang; the row cap is checked as rows are read,
// so a sheet of a million rows is refused after max_rows + 2 of them
// (code "too_many_rows", see table.h). Errors are Chinese and name the file, sheet, row, column:
// "学生.xlsx 工作表“学生”第12行C列：…". An old .xls or a password-protected
// file is recognised and named as such.
//
// Memory: the inflated text of one sheet plus the tables; a sheet's rows are
// parsed a few MB at a time (a 100,000 × 30 register, 113 MB of XML, peaks
// near 330 MB and reads in about 3 s).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ingest/cell_ref.h"
#include "ingest/table.h"

namespace edu::ingest {

struct XlsxLimits {
  size_t max_entry_bytes = size_t(200) << 20;  // one inflated part (sheet, shared strings)
  size_t max_total_bytes = size_t(1) << 30;    // all parts read, together
  size_t max_cells = 10'000'000;               // cells materialised, all sheets together
  size_t max_rows = kMaxRows;                  // non-empty rows of one sheet below its first
  bool stop_after_sheet_with_data = false;     // read no sheet after the first with a row
};

// Reads the file at `path`; errors name it by its base name.
Result<std::vector<SheetTable>> read_xlsx(const std::string& path, const XlsxLimits& limits = {});

// Reads an xlsx held in memory (an upload); `file_name_for_errors` is shown in errors.
Result<std::vector<SheetTable>> read_xlsx_bytes(std::string_view data,
                                                const std::string& file_name_for_errors,
                                                const XlsxLimits& limits = {});

}  // namespace edu::ingest
