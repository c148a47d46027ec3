#include "ingest/register_row.h"

namespace edu {

std::vector<std::string> register_row(const RegisterSpec& spec, const FieldValues& fields,
                                      const FieldOverrides& overrides) {
  std::map<std::string, std::string> by_key;
  for (const FieldValue& f : fields) by_key[f.key] = f.value;
  for (const auto& [key, value] : overrides) by_key[key] = value;
  std::vector<std::string> row;
  row.reserve(spec.columns.size());
  for (const ColumnSpec& column : spec.columns) row.push_back(by_key[column.key]);
  return row;
}

ingest::SheetTable register_sheet(const RegisterSpec& spec,
                                  const std::vector<std::vector<std::string>>& rows) {
  ingest::SheetTable sheet{spec.title, {}};
  sheet.rows.reserve(rows.size() + 1);
  ingest::TableRow header{1, {}};
  for (const ColumnSpec& column : spec.columns) header.cells.push_back(ingest::text_cell(column.header));
  sheet.rows.push_back(std::move(header));
  for (const auto& row : rows) {
    ingest::TableRow r{static_cast<int>(sheet.rows.size()) + 1, {}};
    r.cells.reserve(row.size());
    for (const std::string& text : row) r.cells.push_back(ingest::text_cell(text));
    sheet.rows.push_back(std::move(r));
  }
  return sheet;
}

}  // namespace edu
