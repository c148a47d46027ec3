#include "ingest/csv_reader.h"

#include "ingest/cell_ref.h"
#include "ingest/file_bytes.h"
#include "ingest/text_encoding.h"

namespace edu::ingest {
namespace {

std::string stem(const std::string& file_name) {
  size_t dot = file_name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? file_name : file_name.substr(0, dot);
}

char detect_separator(std::string_view text) {
  std::string_view first = text.substr(0, text.find_first_of("\r\n"));
  return first.find('\t') != std::string_view::npos && first.find(',') == std::string_view::npos ? '\t'
                                                                                                  : ',';
}

}  // namespace

Result<SheetTable> read_csv_bytes(std::string_view data, const std::string& file_name, size_t max_rows) {
  auto decoded = decode_text(data, file_name);
  if (!decoded.ok()) return decoded.status();
  const std::string& s = decoded->utf8;
  const size_t n = s.size();
  const char sep = detect_separator(s);

  SheetTable table;
  table.name = stem(file_name);
  auto error = [&](int row, int col, const std::string& why) {
    return Status::Error("csv_syntax", describe_location(file_name, "", row, col) + "：" + why);
  };

  int row = 0;   // record number, as Excel shows it
  int line = 1;  // physical line, for messages about quotes
  size_t total_cells = 0;
  size_t i = 0;
  while (i < n) {
    if (++row > kMaxRows) return error(0, -1, "超过" + std::to_string(kMaxRows) + "行，超出Excel的范围，请拆分后再导入");
    std::vector<Cell> cells;
    bool end_of_record = false;
    while (!end_of_record) {
      if (cells.size() >= size_t(kMaxColumns)) {
        return error(row, -1, "超过" + std::to_string(kMaxColumns) + "列，超出Excel的范围");
      }
      std::string field;
      if (i < n && s[i] == '"') {
        int start_line = line;
        ++i;
        for (;;) {
          size_t q = s.find('"', i);
          if (q == std::string::npos) {
            return error(row, int(cells.size()),
                         "引号没有配对结束（这个字段从文件第" + std::to_string(start_line) +
                             "行开始，直到文件末尾也没有结束的引号）");
          }
          for (size_t k = i; k < q; ++k) {
            if (s[k] == '\r') {
              ++line;
              field += '\n';
              if (k + 1 < q && s[k + 1] == '\n') ++k;
            } else {
              if (s[k] == '\n') ++line;
              field += s[k];
            }
          }
          i = q + 1;
          if (i < n && s[i] == '"') {
            field += '"';
            ++i;
          } else {
            break;
          }
        }
      }
      // Unquoted text (or text after a closing quote) up to the separator or line end.
      size_t end = i;
      while (end < n && s[end] != sep && s[end] != '\n' && s[end] != '\r') ++end;
      field.append(s, i, end - i);
      i = end;
      cells.push_back(text_cell(std::move(field)));
      if (i < n && s[i] == sep) {
        ++i;  // at the end of the input, the next pass adds the empty last field
      } else {
        end_of_record = true;
        if (i < n && s[i] == '\r') {
          ++i;
          if (i < n && s[i] == '\n') ++i;
        } else if (i < n && s[i] == '\n') {
          ++i;
        }
        ++line;
      }
    }
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    if (cells.empty()) continue;
    total_cells += cells.size();
    if (total_cells > kMaxCsvCells) {
      return error(row, -1, "表格过大（超过" + std::to_string(kMaxCsvCells) + "个单元格），请拆分成几个文件再导入");
    }
    if (table.rows.size() > max_rows) {
      return Status::Error(kTooManyRows,
                           describe_location(file_name, "", row) + "：" + too_many_rows_reason(max_rows));
    }
    table.rows.push_back(TableRow{row, std::move(cells)});
  }
  return table;
}

Result<SheetTable> read_csv(const std::string& path) {
  auto bytes = read_file_bytes(path, kMaxCsvBytes);
  if (!bytes.ok()) return bytes.status();
  return read_csv_bytes(*bytes, base_name(path));
}

}  // namespace edu::ingest
