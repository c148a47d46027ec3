// An uploaded sheet as every import reads it (register files, exam scores):
// the file's first sheet with data, through ingest::read_spreadsheet_bytes,
// with at most import_max_rows() data rows. The cap is the county setting
// "import_max_rows" (default 200,000: a county's student register), read here
// and nowhere else; the reader stops at the first row beyond it, so a file
// inflating to a million rows is refused without holding them.
//
// Errors are "bad_file" (HTTP 422) with the reader's Chinese message naming
// the file, sheet and row; beyond the cap it also names the cap and the
// setting: "学生.xlsx 工作表“Sheet1”第200002行：数据超过200000行（不含表头），
// 超出单次导入的上限；上限由系统设置“import_max_rows”规定，请拆分成几个文件分批导入".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/table.h"
#include "store/database.h"

namespace edu {

inline constexpr const char* kImportMaxRowsSetting = "import_max_rows";
inline constexpr int64_t kDefaultImportMaxRows = 200'000;

// The setting, or the default when unset; a value that is not a positive
// integer is the error "config".
Result<int64_t> import_max_rows(Database& db);

// An empty file is "bad_file" too ("文件“x.csv”是空的").
Result<ingest::SheetTable> read_upload_sheet(Database& db, const std::string& file_name,
                                             std::string_view content);

}  // namespace edu
