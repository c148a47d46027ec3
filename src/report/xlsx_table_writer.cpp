#include "report/xlsx_table_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>

#include "ingest/excel_date.h"

namespace edu::report {
namespace {

using ingest::Cell;

constexpr int kMaxRows = 1'048'576;
constexpr int kMinWidth = 8, kMaxWidth = 60;
constexpr uint32_t kHeaderFill = 0xDDEBF7;     // light blue
constexpr uint32_t kHighlightFill = 0xFFC7CE;  // Excel's light red "bad" fill
constexpr uint32_t kHighlightFont = 0x9C0006;

// Display width in Excel's units (one digit): a character of three or more
// UTF-8 bytes (CJK, full-width punctuation) counts two.
int display_width(const std::string& text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    width += length >= 3 ? 2 : 1;
    i += length;
  }
  return width;
}

// A number Excel holds exactly: the whole text parses, finite, below 1e15.
std::optional<double> exact_number(const std::string& text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      std::fabs(value) >= 1e15)
    return std::nullopt;
  return value;
}

Cell typed_cell(ColumnType type, const std::string& value) {
  switch (type) {
    case ColumnType::kDate:
      if (value.size() == 10) {
        auto serial = ingest::iso_to_serial(value, false);
        if (serial && *serial >= 1) {
          Cell cell = ingest::number_cell(*serial);
          cell.text = value;
          cell.is_date = true;
          return cell;
        }
      }
      break;
    case ColumnType::kInteger:
    case ColumnType::kNumber:
    case ColumnType::kSchoolYear:
      if (auto number = exact_number(value)) return ingest::number_cell(*number);
      break;
    case ColumnType::kText:
    case ColumnType::kIdNumber:
    case ColumnType::kYesNo:
      break;
  }
  return ingest::text_cell(value);
}

// Excel's rules for a tab name: none of []:*?/\, at most 31 characters.
std::string valid_sheet_name(const std::string& name) {
  std::string out;
  int characters = 0;
  for (size_t i = 0; i < name.size() && characters < 31; ++characters) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string piece = name.substr(i, length);
    out += piece.find_first_of("[]:*?/\\") == std::string::npos ? piece : "_";
    i += length;
  }
  return out.empty() ? "Sheet1" : out;
}

lxw_format* new_format(lxw_workbook* workbook, const char* number_format, uint32_t fill) {
  lxw_format* format = workbook_add_format(workbook);
  if (number_format) format_set_num_format(format, number_format);
  if (fill) {
    format_set_pattern(format, LXW_PATTERN_SOLID);
    format_set_bg_color(format, fill);
  }
  if (fill == kHighlightFill) format_set_font_color(format, kHighlightFont);
  return format;
}

}  // namespace

Result<std::unique_ptr<XlsxTableWriter>> XlsxTableWriter::create(const std::string& path,
                                                                 const std::string& sheet_name,
                                                                 std::vector<ColumnSpec> columns,
                                                                 std::vector<std::string> extra_headers) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  std::unique_ptr<XlsxTableWriter> writer(new XlsxTableWriter());
  writer->file_name_ = std::filesystem::path(path).filename().string();
  writer->workbook_ = workbook_new_opt(path.c_str(), &options);
  if (!writer->workbook_) return writer->failure(LXW_ERROR_MEMORY_MALLOC_FAILED);
  lxw_workbook* wb = writer->workbook_;
  Formats& f = writer->formats_;
  f.header = new_format(wb, "@", kHeaderFill);
  format_set_bold(f.header);
  format_set_border(f.header, LXW_BORDER_THIN);
  f.text = new_format(wb, "@", 0);
  f.date = new_format(wb, "yyyy-mm-dd", 0);
  f.text_highlight = new_format(wb, "@", kHighlightFill);
  f.number_highlight = new_format(wb, nullptr, kHighlightFill);
  f.date_highlight = new_format(wb, "yyyy-mm-dd", kHighlightFill);
  Status s = writer->start_sheet(sheet_name, std::move(columns), std::move(extra_headers));
  if (!s.ok()) return s;
  return writer;
}

XlsxTableWriter::~XlsxTableWriter() {
  if (workbook_) lxw_workbook_free(workbook_);
}

Status XlsxTableWriter::start_sheet(const std::string& sheet_name, std::vector<ColumnSpec> columns,
                                    std::vector<std::string> extra_headers) {
  if (!workbook_) return failure(LXW_ERROR_PARAMETER_VALIDATION);
  finish_sheet();
  std::string name = valid_sheet_name(sheet_name);
  if (lxw_error e = workbook_validate_sheet_name(workbook_, name.c_str()); e != LXW_NO_ERROR)
    return Status::Error("xlsx_write_failed", file_name_ + "：工作表名“" + name + "”不可用（" +
                                                  lxw_strerror(e) + "）");
  sheet_ = workbook_add_worksheet(workbook_, name.c_str());
  if (!sheet_) return failure(LXW_ERROR_MEMORY_MALLOC_FAILED);
  columns_ = std::move(columns);
  widths_.clear();
  next_row_ = 0;
  std::vector<std::string> headers;
  for (const ColumnSpec& column : columns_) headers.push_back(column.header);
  headers.insert(headers.end(), extra_headers.begin(), extra_headers.end());
  for (size_t i = 0; i < headers.size(); ++i) {
    if (lxw_error e = worksheet_write_string(sheet_, 0, lxw_col_t(i), headers[i].c_str(), formats_.header))
      return failure(e, 0);
    widths_.push_back(display_width(headers[i]));
  }
  worksheet_freeze_panes(sheet_, 1, 0);
  next_row_ = 1;
  return Status::Ok();
}

Status XlsxTableWriter::add_row(const std::vector<std::string>& values, const std::vector<bool>& highlight) {
  std::vector<Cell> cells;
  cells.reserve(values.size());
  for (size_t i = 0; i < values.size(); ++i)
    cells.push_back(i < columns_.size() ? typed_cell(columns_[i].type, values[i]) : ingest::text_cell(values[i]));
  return add_cells(cells, highlight);
}

Status XlsxTableWriter::add_cells(const std::vector<Cell>& cells, const std::vector<bool>& highlight) {
  if (!sheet_) return failure(LXW_ERROR_PARAMETER_VALIDATION);
  if (cells.size() > widths_.size() || highlight.size() > widths_.size())
    return Status::Error("xlsx_write_failed", file_name_ + "：第" + std::to_string(next_row_ + 1) +
                                                  "行的值多于列数（" + std::to_string(widths_.size()) + "列）");
  if (next_row_ >= kMaxRows)
    return Status::Error("xlsx_write_failed", file_name_ + "：超过Excel的最大行数" + std::to_string(kMaxRows));
  static const Cell kEmpty;
  size_t count = std::max(cells.size(), highlight.size());
  for (size_t i = 0; i < count; ++i) {
    Status s = write_cell(int(i), i < cells.size() ? cells[i] : kEmpty, i < highlight.size() && highlight[i]);
    if (!s.ok()) return s;
  }
  ++next_row_;
  return Status::Ok();
}

Status XlsxTableWriter::write_cell(int column, const Cell& cell, bool highlight) {
  lxw_row_t row = lxw_row_t(next_row_);
  lxw_col_t col = lxw_col_t(column);
  const Formats& f = formats_;
  lxw_error e = LXW_NO_ERROR;
  switch (cell.kind) {
    case Cell::Kind::kEmpty:
      if (highlight) e = worksheet_write_blank(sheet_, row, col, f.text_highlight);
      break;
    case Cell::Kind::kText:
    case Cell::Kind::kError:
      e = worksheet_write_string(sheet_, row, col, cell.text.c_str(), highlight ? f.text_highlight : f.text);
      break;
    case Cell::Kind::kNumber:
      if (cell.is_date)
        e = worksheet_write_number(sheet_, row, col, cell.number, highlight ? f.date_highlight : f.date);
      else
        e = worksheet_write_number(sheet_, row, col, cell.number, highlight ? f.number_highlight : nullptr);
      break;
    case Cell::Kind::kBool:
      e = worksheet_write_boolean(sheet_, row, col, cell.number != 0, highlight ? f.number_highlight : nullptr);
      break;
  }
  if (e != LXW_NO_ERROR) return failure(e, next_row_);
  widths_[size_t(column)] = std::max(widths_[size_t(column)], display_width(cell.text));
  return Status::Ok();
}

Status XlsxTableWriter::skip_to_row(int row_number) {
  if (row_number - 1 < next_row_)
    return Status::Error("xlsx_write_failed", file_name_ + "：第" + std::to_string(row_number) +
                                                  "行已在已写入的行之上，无法回写");
  next_row_ = row_number - 1;
  return Status::Ok();
}

Status XlsxTableWriter::add_choice_list(int column, const std::vector<std::string>& choices, int last_row) {
  if (!sheet_ || column < 0 || size_t(column) >= widths_.size() || last_row < 2 || last_row > kMaxRows)
    return failure(LXW_ERROR_PARAMETER_VALIDATION);
  std::vector<char*> list;
  for (const std::string& choice : choices) list.push_back(const_cast<char*>(choice.c_str()));
  list.push_back(nullptr);
  std::string title = "请从下拉列表中选择";
  std::string message = "只能填写下拉列表中的值";
  lxw_data_validation validation = {};
  validation.validate = LXW_VALIDATION_TYPE_LIST;
  validation.value_list = list.data();
  validation.error_title = title.data();
  validation.error_message = message.data();
  lxw_error e = worksheet_data_validation_range(sheet_, 1, lxw_col_t(column), lxw_row_t(last_row - 1),
                                                lxw_col_t(column), &validation);
  return e == LXW_NO_ERROR ? Status::Ok() : failure(e);
}

void XlsxTableWriter::finish_sheet() {
  if (!sheet_) return;
  for (size_t i = 0; i < widths_.size(); ++i) {
    ColumnType type = i < columns_.size() ? columns_[i].type : ColumnType::kText;
    lxw_format* format = nullptr;
    if (type == ColumnType::kText || type == ColumnType::kIdNumber || type == ColumnType::kYesNo)
      format = formats_.text;
    else if (type == ColumnType::kDate)
      format = formats_.date;
    double width = std::clamp(widths_[i] + 2, kMinWidth, kMaxWidth);
    worksheet_set_column(sheet_, lxw_col_t(i), lxw_col_t(i), width, format);
  }
  sheet_ = nullptr;
}

Status XlsxTableWriter::close() {
  if (!workbook_) return failure(LXW_ERROR_PARAMETER_VALIDATION);
  finish_sheet();
  lxw_error e = workbook_close(workbook_);  // frees the workbook, written or not
  workbook_ = nullptr;
  return e == LXW_NO_ERROR ? Status::Ok() : failure(e);
}

Status XlsxTableWriter::failure(int error, int row) const {
  std::string where = row >= 0 ? " 第" + std::to_string(row + 1) + "行" : "";
  return Status::Error("xlsx_write_failed", file_name_ + where + "：写入失败（" +
                                                lxw_strerror(static_cast<lxw_error>(error)) + "）");
}

}  // namespace edu::report
