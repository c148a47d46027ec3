#include "http/json_sheet.h"

#include "ingest/table.h"
#include "report/xlsx_table_writer.h"

namespace edu {
namespace {

using nlohmann::json;

std::vector<ColumnSpec> specs(const std::vector<JsonColumn>& columns) {
  std::vector<ColumnSpec> out;
  for (const JsonColumn& c : columns) out.push_back({.key = c.header, .header = c.header, .type = c.type});
  return out;
}

std::string cell_text(const json& row, const std::string& pointer) {
  const json::json_pointer at(pointer);
  if (!row.contains(at)) return "";
  const json& v = row.at(at);
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "是" : "否";
  if (v.is_number()) return ingest::number_text(v.get<double>());
  return "";
}

Status write_rows(report::XlsxTableWriter& w, const JsonSheet& sheet) {
  for (const json& row : sheet.rows) {
    std::vector<std::string> values;
    for (const JsonColumn& c : sheet.columns) values.push_back(cell_text(row, c.pointer));
    const bool marked = !sheet.highlight.empty() && cell_text(row, sheet.highlight) == "是";
    Status s = w.add_row(values, std::vector<bool>(values.size(), marked));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status write_json_sheets(const std::string& path, const std::vector<JsonSheet>& sheets) {
  auto w = report::XlsxTableWriter::create(path, sheets.at(0).name, specs(sheets[0].columns));
  if (!w.ok()) return w.status();
  for (size_t k = 0; k < sheets.size(); ++k) {
    if (k > 0) {
      Status s = (*w)->start_sheet(sheets[k].name, specs(sheets[k].columns));
      if (!s.ok()) return s;
    }
    Status s = write_rows(**w, sheets[k]);
    if (!s.ok()) return s;
  }
  return (*w)->close();
}

}  // namespace edu
