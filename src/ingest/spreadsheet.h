// Reading an uploaded register file of either kind: an .xlsx workbook (its
// first sheet with data) or a CSV (any of the encodings csv_reader detects).
// The kind is decided by the content (a zip's "PK" signature), not the name.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "ingest/table.h"

namespace edu::ingest {

Result<SheetTable> read_spreadsheet_bytes(std::string_view data, const std::string& file_name);
Result<SheetTable> read_spreadsheet(const std::string& path);

}  // namespace edu::ingest
