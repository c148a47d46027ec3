// Reads a CSV (or tab-separated) file into one SheetTable, every field a
// text cell (CSV has no types: "2.5" stays the text "2.5", a leading 0 or an
// 18-digit ID number is kept as typed).
//
// Encoding: see text_encoding.h (UTF-8 with or without BOM, GBK/GB18030 as
// Chinese Excel and WPS save it, UTF-16 with BOM). Syntax: RFC 4180 — fields
// in double quotes may hold commas, line breaks and doubled quotes ("");
// records end with CRLF, LF or CR; a line break inside quotes becomes "\n".
// A quote after a closing quote's field text is kept as text, as Excel does.
// The separator is a tab when the first line has tabs and no commas, else a
// comma. Row numbers count records, as Excel shows the file; blank records
// are left out (their numbers skipped). Beyond 1,048,576 rows or 16,384
// columns, more than kMaxCsvCells cells, or a quote never closed, is an error naming the file and row
// ("学生.csv 第12行C列：…"); so are more than max_rows non-empty records
// below the first (the header), found as they are read (code "too_many_rows",
// see table.h).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "ingest/cell_ref.h"
#include "ingest/table.h"

namespace edu::ingest {

inline constexpr size_t kMaxCsvBytes = size_t(200) << 20;
inline constexpr size_t kMaxCsvCells = 10'000'000;  // cells kept, as for xlsx

// The table's name is the file's base name without its extension.
Result<SheetTable> read_csv(const std::string& path);
Result<SheetTable> read_csv_bytes(std::string_view data, const std::string& file_name,
                                  size_t max_rows = kMaxRows);

}  // namespace edu::ingest
