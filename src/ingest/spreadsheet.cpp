#include "ingest/spreadsheet.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/csv_reader.h"
#include "ingest/xlsx_reader.h"

namespace edu::ingest {

Result<SheetTable> read_spreadsheet_bytes(std::string_view data, const std::string& file_name,
                                          size_t max_rows) {
  if (data.size() >= 4 && data.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    XlsxLimits limits;
    limits.max_rows = max_rows;
    limits.stop_after_sheet_with_data = true;
    auto sheets = read_xlsx_bytes(data, file_name, limits);
    if (!sheets.ok()) return sheets.status();
    for (auto& sheet : *sheets)
      if (!sheet.rows.empty()) return std::move(sheet);
    return Status::Error("bad_file", file_name + ":工作簿中没有任何数据");
  }
  return read_csv_bytes(data, file_name, max_rows);
}

Result<SheetTable> read_spreadsheet(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("bad_file", "无法打开文件 " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return read_spreadsheet_bytes(bytes.str(), std::filesystem::path(path).filename().string());
}

}  // namespace edu::ingest
