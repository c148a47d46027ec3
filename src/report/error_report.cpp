#include "report/error_report.h"

#include <algorithm>
#include <map>

#include "report/xlsx_table_writer.h"

namespace edu::report {
namespace {

struct RowMarks {
  std::string messages;     // joined by ";"
  std::vector<int> columns; // cells to highlight
};

void append(std::string& messages, const std::string& message) {
  messages += (messages.empty() ? "" : ";") + message;
}

}  // namespace

Status write_error_report(const ingest::SheetTable& upload, const std::vector<ingest::RowProblem>& problems,
                          const std::string& path) {
  const ingest::TableRow* header = upload.rows.empty() ? nullptr : &upload.rows.front();
  int header_number = header ? header->number : 1;

  size_t width = 0;
  for (const ingest::TableRow& row : upload.rows) width = std::max(width, row.cells.size());
  std::map<int, RowMarks> marks;
  std::string header_messages;
  for (const ingest::RowProblem& p : problems) {
    if (p.row <= header_number) {
      append(header_messages, p.message);
      continue;
    }
    RowMarks& m = marks[p.row];
    append(m.messages, p.message);
    m.columns.push_back(std::max(p.column, 0));
    width = std::max(width, size_t(std::max(p.column, 0)) + 1);
  }

  std::vector<ColumnSpec> columns(width);
  for (size_t i = 0; header && i < header->cells.size(); ++i) columns[i].header = header->cells[i].text;
  std::string title = header_messages.empty() ? "错误说明" : "错误说明：" + header_messages;
  auto writer = XlsxTableWriter::create(path, upload.name, std::move(columns), {title});
  if (!writer.ok()) return writer.status();
  XlsxTableWriter& w = **writer;

  std::map<int, const ingest::TableRow*> rows;  // by row number; nullptr: a problem's row not in the table
  for (size_t i = 1; i < upload.rows.size(); ++i) rows[upload.rows[i].number] = &upload.rows[i];
  for (const auto& [number, m] : marks) rows.emplace(number, nullptr);
  for (const auto& [number, row] : rows) {
    std::vector<ingest::Cell> cells = row ? row->cells : std::vector<ingest::Cell>{};
    cells.resize(width);
    std::vector<bool> highlight(width + 1, false);
    if (auto it = marks.find(number); it != marks.end()) {
      for (int column : it->second.columns) highlight[size_t(column)] = true;
      cells.push_back(ingest::text_cell(it->second.messages));
    }
    if (Status s = w.skip_to_row(number); !s.ok()) return s;
    if (Status s = w.add_cells(cells, highlight); !s.ok()) return s;
  }
  return w.close();
}

}  // namespace edu::report
