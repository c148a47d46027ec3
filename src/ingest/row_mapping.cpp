#include "ingest/row_mapping.h"

#include <cmath>
#include <cstdlib>

#include "core/date.h"
#include "core/text_field.h"

namespace edu::ingest {
namespace {

// "2014-09-01", "2014/9/1", "2014.9.1", "2014年9月1日", "20140901".
std::optional<Date> parse_any_date(const std::string& text) {
  if (auto d = parse_compact_date(text)) return d;
  int parts[3] = {0, 0, 0}, n = 0;
  bool digit = false;
  for (size_t i = 0; i < text.size() && n < 3; ++i) {
    unsigned char c = text[i];
    if (c >= '0' && c <= '9') {
      parts[n] = parts[n] * 10 + (c - '0');
      digit = true;
    } else if (digit) {
      ++n;
      digit = false;
    }
  }
  if (digit) ++n;
  if (n != 3 || !is_valid_date(parts[0], parts[1], parts[2])) return std::nullopt;
  return Date{parts[0], parts[1], parts[2]};
}

bool parse_number(const std::string& text, double* out) {
  if (text.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return end && *end == '\0' && std::isfinite(*out);
}

// Converts one cell to its column's canonical text (core/text_field first); "" + message on failure.
std::string convert(const ColumnSpec& col, const Cell& cell, std::string* problem) {
  auto clean = clean_text(cell.text, col.key, col.header);
  if (!clean.ok()) {
    *problem = clean.status().message();
    return "";
  }
  std::string text = std::move(*clean);
  if (text.empty()) return "";
  auto what = [&] { return "“" + col.header + "”"; };
  switch (col.type) {
    case ColumnType::kText:
      break;
    case ColumnType::kIdNumber:
      if (cell.kind == Cell::Kind::kNumber) {
        *problem = what() + "被存成了数字(" + text + "),末位已丢失;请把该列设为文本格式后重新填写";
        return "";
      }
      if (!text.empty() && text.back() == 'x') text.back() = 'X';
      break;
    case ColumnType::kDate: {
      if (cell.is_date) return text;  // the reader gives ISO text
      auto d = parse_any_date(text);
      if (!d) {
        *problem = what() + "“" + text + "”不是有效日期(应如 2014-09-01)";
        return "";
      }
      return d->iso();
    }
    case ColumnType::kInteger:
    case ColumnType::kNumber: {
      double v;
      if (!parse_number(text, &v) || v < 0) {
        *problem = what() + "“" + text + "”应为非负数字";
        return "";
      }
      if (col.type == ColumnType::kInteger && v != std::floor(v)) {
        *problem = what() + "“" + text + "”应为整数";
        return "";
      }
      return number_text(v);
    }
    case ColumnType::kYesNo:
      if (text == "是" || text == "Y" || text == "y" || text == "1" || text == "TRUE") return "是";
      if (text == "否" || text == "N" || text == "n" || text == "0" || text == "FALSE") return "否";
      *problem = what() + "应填“是”或“否”,收到“" + text + "”";
      return "";
    case ColumnType::kSchoolYear: {
      int year = std::atoi(text.c_str());  // "2026", "2026-2027", "2026-2027学年"
      if (year < 2000 || year > 2100) {
        *problem = what() + "“" + text + "”应为学年起始年份,如 2026";
        return "";
      }
      return std::to_string(year);
    }
  }
  if (col.choices && !col.choices->contains(text)) {
    std::string allowed;
    for (const auto& v : col.choices->values) allowed += (allowed.empty() ? "" : "、") + v;
    *problem = col.header + "“" + text + "”不在可选范围内(可选:" + allowed + ")";
    return "";
  }
  return text;
}

}  // namespace

const FieldCell& field(const MappedRow& row, const RegisterSpec& spec, std::string_view key) {
  static const FieldCell kAbsent;
  for (size_t k = 0; k < spec.columns.size() && k < row.fields.size(); ++k)
    if (spec.columns[k].key == key) return row.fields[k];
  return kAbsent;
}

int column_of(const MappedSheet& sheet, const RegisterSpec& spec, const std::string& key) {
  for (size_t i = 0; i < sheet.headers.size(); ++i) {
    const ColumnSpec* col = match_header(spec, sheet.headers[i]);
    if (col && col->key == key) return static_cast<int>(i);
  }
  return -1;
}

Result<MappedSheet> map_rows(const RegisterSpec& spec, const SheetTable& sheet) {
  MappedSheet out;
  // The header row: the first of the first 10 rows naming at least two known columns.
  size_t header_index = sheet.rows.size();
  for (size_t r = 0; r < sheet.rows.size() && r < 10; ++r) {
    int known = 0;
    for (const Cell& c : sheet.rows[r].cells) known += match_header(spec, trim_text(c.text)) != nullptr;
    if (known >= 2) {
      header_index = r;
      break;
    }
  }
  if (header_index == sheet.rows.size())
    return Status::Error("bad_file", "未找到表头:前10行中没有“" + spec.title +
                                         "”登记表的列名(如“" + spec.columns[0].header + "”“" +
                                         spec.columns[1].header + "”),请使用导入模板");
  const TableRow& header = sheet.rows[header_index];
  out.header_row = header.number;
  std::vector<const ColumnSpec*> columns(header.cells.size(), nullptr);
  for (size_t i = 0; i < header.cells.size(); ++i) {
    std::string name = trim_text(header.cells[i].text);
    out.headers.push_back(name);
    if (name.empty()) continue;
    const ColumnSpec* col = match_header(spec, name);
    bool repeated = false;
    for (size_t j = 0; col && j < i; ++j) repeated |= columns[j] == col;
    if (col && !repeated) columns[i] = col;
    else out.unknown_columns.push_back(repeated ? name + "(重复列)" : name);
  }
  for (const ColumnSpec& col : spec.columns) {
    bool present = false;
    for (const ColumnSpec* c : columns) present |= c == &col;
    if (!present && col.required) out.missing_columns.push_back(col.header);
  }
  out.rows.reserve(sheet.rows.size() - header_index - 1);
  for (size_t r = header_index + 1; r < sheet.rows.size(); ++r) {
    const TableRow& row = sheet.rows[r];
    MappedRow& mapped = out.rows.emplace_back();
    mapped.number = row.number;
    mapped.fields.resize(spec.columns.size());
    for (size_t i = 0; i < columns.size(); ++i) {
      if (!columns[i]) continue;
      const ColumnSpec& col = *columns[i];
      static const Cell kEmpty;
      const Cell& cell = i < row.cells.size() ? row.cells[i] : kEmpty;
      std::string problem;
      std::string value = convert(col, cell, &problem);
      if (problem.empty() && value.empty() && col.required)
        problem = "必填项“" + col.header + "”为空";
      if (!problem.empty()) out.problems.push_back({row.number, static_cast<int>(i), std::move(problem)});
      mapped.fields[static_cast<size_t>(columns[i] - spec.columns.data())] = {std::move(value), static_cast<int>(i)};
    }
  }
  return out;
}

}  // namespace edu::ingest
