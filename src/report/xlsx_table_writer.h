// Writes sheets of typed columns to an .xlsx file with libxlsxwriter, row by
// row in constant-memory mode: a row goes to a temporary file as soon as the
// next one starts, so a 100,000-row export holds one row at a time.
//
// A sheet begins with its header row (bold, light fill, frozen): the columns'
// headers, then any extra trailing text columns (e.g. 错误说明). Rows follow,
// top to bottom; a row can only be written below the previous one.
//
// add_row() takes canonical text (what ingest/row_mapping.h produces and the
// registers hold) and writes it by the column's type, so that it reads back
// the same through ingest/xlsx_reader.h:
//   kText, kIdNumber, kYesNo        text cells (18-digit ID numbers and
//                                   学校标识码 stay exact text; 是/否 as is)
//   kDate "YYYY-MM-DD"              a date: a serial number shown yyyy-mm-dd
//   kInteger, kNumber, kSchoolYear  number cells
//   extra columns                   text cells
// "" leaves the cell blank. A value its type cannot hold — not a valid date,
// not a number, or an integer of 16+ digits that Excel would round — is
// written as text, so nothing is lost.
// add_cells() writes cells as a reader returned them, each by its own kind.
//
// Columns of text keep the text format "@" and date columns the date format,
// so what a user types there later keeps its type. Widths fit the widest
// value written (a CJK character counts two), from 8 to 60. Highlighted cells
// get a light red fill.
//
// The file appears only at close(); a writer destroyed unclosed leaves none.
// Errors are Chinese and name the file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/register_spec.h"
#include "ingest/table.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace edu::report {

class XlsxTableWriter {
 public:
  // Starts the workbook at `path` with its first sheet. A sheet name is made
  // valid for Excel: []:*?/\ become "_", at most 31 characters.
  static Result<std::unique_ptr<XlsxTableWriter>> create(const std::string& path,
                                                         const std::string& sheet_name,
                                                         std::vector<ColumnSpec> columns,
                                                         std::vector<std::string> extra_headers = {});
  ~XlsxTableWriter();
  XlsxTableWriter(const XlsxTableWriter&) = delete;
  XlsxTableWriter& operator=(const XlsxTableWriter&) = delete;

  // The next row: values[i] in column i (the extra columns after the typed
  // ones; fewer values leave the rest blank). highlight[i] marks cell i.
  Status add_row(const std::vector<std::string>& values, const std::vector<bool>& highlight = {});
  // The next row from cells as read: text as text, numbers as numbers, dates
  // (is_date) as dates, booleans as booleans, errors as their text.
  Status add_cells(const std::vector<ingest::Cell>& cells, const std::vector<bool>& highlight = {});
  // The next row is written as row `row_number` (1-based, as Excel shows it),
  // leaving the rows between empty. It may not go back up.
  Status skip_to_row(int row_number);

  // A drop-down list of `choices` on column `column` (0-based), rows 2 to
  // `last_row`; other values are refused by the spreadsheet program.
  Status add_choice_list(int column, const std::vector<std::string>& choices, int last_row);

  // Finishes the current sheet and starts another, which receives the rows
  // that follow.
  Status start_sheet(const std::string& sheet_name, std::vector<ColumnSpec> columns,
                     std::vector<std::string> extra_headers = {});

  // Writes the file. Nothing may be added afterwards.
  Status close();

 private:
  struct Formats {
    lxw_format* header = nullptr;
    lxw_format* text = nullptr;
    lxw_format* date = nullptr;
    lxw_format* text_highlight = nullptr;
    lxw_format* number_highlight = nullptr;
    lxw_format* date_highlight = nullptr;
  };

  XlsxTableWriter() = default;
  Status write_cell(int column, const ingest::Cell& cell, bool highlight);
  void finish_sheet();
  Status failure(int error, int row = -1) const;

  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  std::string file_name_;
  Formats formats_;
  std::vector<ColumnSpec> columns_;
  std::vector<int> widths_;  // by column, the typed ones then the extra ones
  int next_row_ = 0;         // 0-based row the next add_* writes
};

}  // namespace edu::report
