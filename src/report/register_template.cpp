#include "report/register_template.h"

#include <vector>

#include "report/xlsx_table_writer.h"

namespace edu::report {
namespace {

std::vector<std::string> choices_of(const ColumnSpec& column) {
  if (column.choices) return column.choices->values;
  if (column.type == ColumnType::kYesNo) return {"是", "否"};
  return {};
}

std::string format_of(ColumnType type) {
  switch (type) {
    case ColumnType::kText: return "文本";
    case ColumnType::kIdNumber: return "文本(18位身份证号)";
    case ColumnType::kDate: return "日期(YYYY-MM-DD)";
    case ColumnType::kInteger: return "整数";
    case ColumnType::kNumber: return "数字";
    case ColumnType::kYesNo: return "是/否";
    case ColumnType::kSchoolYear: return "四位年份";
  }
  return "";
}

std::string joined(const std::vector<std::string>& values, const std::string& separator) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : separator) + v;
  return out;
}

ColumnSpec text_column(std::string header) {
  ColumnSpec column;
  column.header = std::move(header);
  return column;
}

}  // namespace

Status write_template(const RegisterSpec& spec, const std::string& path) {
  std::vector<ColumnSpec> columns = spec.columns;
  for (ColumnSpec& column : columns)
    if (column.required) column.header += "*";
  auto writer = XlsxTableWriter::create(path, spec.title, columns);
  if (!writer.ok()) return writer.status();
  XlsxTableWriter& w = **writer;

  std::vector<std::string> sample;
  for (const ColumnSpec& column : spec.columns) sample.push_back(column.sample);
  if (Status s = w.add_row(sample); !s.ok()) return s;
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    std::vector<std::string> choices = choices_of(spec.columns[i]);
    if (choices.empty()) continue;
    if (Status s = w.add_choice_list(int(i), choices, kTemplateRows); !s.ok()) return s;
  }

  Status s = w.start_sheet("填写说明", {text_column("列名"), text_column("是否必填"), text_column("格式"),
                                      text_column("可选值"), text_column("说明")});
  if (!s.ok()) return s;
  for (const ColumnSpec& column : spec.columns) {
    s = w.add_row({column.header, column.required ? "是" : "否", format_of(column.type),
                   joined(choices_of(column), "、"), column.note});
    if (!s.ok()) return s;
  }
  return w.close();
}

}  // namespace edu::report
