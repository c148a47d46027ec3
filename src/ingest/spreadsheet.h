// Reading an uploaded register file of either kind: an .xlsx workbook (its
// first sheet with data; the sheets after it are not read) or a CSV (any of
// the encodings csv_reader detects).
// The kind is decided by the content (a zip's "PK" signature), not the name.
// At most max_rows non-empty rows below a sheet's first row (the header) are
// read; more is the error "too_many_rows" (table.h), found while reading.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "ingest/cell_ref.h"
#include "ingest/table.h"

namespace edu::ingest {

Result<SheetTable> read_spreadsheet_bytes(std::string_view data, const std::string& file_name,
                                          size_t max_rows = kMaxRows);
Result<SheetTable> read_spreadsheet(const std::string& path);

}  // namespace edu::ingest
