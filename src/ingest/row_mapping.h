// From a sheet to typed register rows: finds the header row (within the first
// 10 rows), matches columns by header name and alias (not by position), and
// turns every cell into the canonical text of its column type (dates as
// YYYY-MM-DD, 是/否, numbers) — or a problem naming the cell in Chinese.
// Every cell first passes the text-field rule (core/text_field.h).
// Unknown columns are reported, not silently dropped.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/register_spec.h"
#include "ingest/table.h"

namespace edu::ingest {

struct FieldCell {
  std::string value;  // canonical text; "" when the cell is empty
  int column = -1;    // 0-based column in the file
};

struct RowProblem {
  int row = 0;      // row number as Excel shows it
  int column = -1;  // 0-based; -1 = the row as a whole
  std::string message;
};

struct MappedRow {
  int number = 0;
  std::map<std::string, FieldCell> fields;  // by ColumnSpec::key; absent column -> absent
};

struct MappedSheet {
  int header_row = 0;
  std::vector<std::string> headers;  // as written in the file, by column
  std::vector<std::string> unknown_columns, missing_columns;
  std::vector<MappedRow> rows;
  std::vector<RowProblem> problems;  // cell-level problems found while converting
};

// Fails only when no header row can be found.
Result<MappedSheet> map_rows(const RegisterSpec& spec, const SheetTable& sheet);

// The column (0-based) holding `key` in a mapped sheet, or -1.
int column_of(const MappedSheet& sheet, const RegisterSpec& spec, const std::string& key);

}  // namespace edu::ingest
