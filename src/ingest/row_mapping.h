// From a sheet to typed register rows: finds the header row (within the first
// 10 rows), matches columns by header name and alias (not by position), and
// turns every cell into the canonical text of its column type (dates as
// YYYY-MM-DD, 是/否, numbers) — or a problem naming the cell in Chinese.
// Every cell first passes the text-field rule (core/text_field.h).
// Unknown columns are reported, not silently dropped.
// A mapped row holds one field per column of the spec, in the spec's order
// (one header lookup per file, no lookup per row); field() finds one by key.
#pragma once

#include <string>
#include <string_view>
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
  // fields[k] is the field of RegisterSpec::columns[k]; a column the file
  // lacks is an empty value at column -1.
  std::vector<FieldCell> fields;
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

// The field `key` (a ColumnSpec::key of `spec`) of a row mapped with `spec`:
// an empty value at column -1 when the file has no such column.
const FieldCell& field(const MappedRow& row, const RegisterSpec& spec, std::string_view key);

// The column (0-based) holding `key` in a mapped sheet, or -1.
int column_of(const MappedSheet& sheet, const RegisterSpec& spec, const std::string& key);

}  // namespace edu::ingest
