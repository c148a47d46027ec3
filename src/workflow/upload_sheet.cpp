#include "workflow/upload_sheet.h"

#include <charconv>

#include "ingest/spreadsheet.h"
#include "store/area_store.h"

namespace edu {

Result<int64_t> import_max_rows(Database& db) {
  auto text = get_setting(db, kImportMaxRowsSetting, std::to_string(kDefaultImportMaxRows));
  if (!text.ok()) return text.status();
  int64_t rows = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), rows);
  if (error != std::errc() || end != text->data() + text->size() || rows < 1)
    return Status::Error("config", std::string("系统设置“") + kImportMaxRowsSetting + "”的值“" + *text +
                                       "”不是正整数");
  return rows;
}

Result<ingest::SheetTable> read_upload_sheet(Database& db, const std::string& file_name,
                                             std::string_view content) {
  if (content.empty()) return Status::Error("bad_file", "文件“" + file_name + "”是空的");
  auto max_rows = import_max_rows(db);
  if (!max_rows.ok()) return max_rows.status();
  auto sheet = ingest::read_spreadsheet_bytes(content, file_name, static_cast<size_t>(*max_rows));
  if (sheet.ok()) return sheet;
  std::string message = sheet.status().message();
  if (sheet.status().code() == ingest::kTooManyRows)
    message += std::string("；上限由系统设置“") + kImportMaxRowsSetting + "”规定，请拆分成几个文件分批导入";
  return Status::Error("bad_file", message);
}

}  // namespace edu
