// A table the API returns, written as a sheet of an .xlsx download: the
// exports of 统计指标, 班额, exam results, 诚信报告 and 模拟规划 each pick
// columns from the JSON their page shows, so the file holds exactly what the
// page does. A column names a JSON pointer into each row object ("/name",
// "/columns/0/mean"); a value is written by its JSON type — numbers as
// numbers, true/false as 是/否, strings as text — and a missing or null value
// leaves the cell blank. `highlight` (a pointer to a boolean, optional) marks
// a whole row light red.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/register_spec.h"

namespace edu {

struct JsonColumn {
  std::string header;
  std::string pointer;  // "/name"
  ColumnType type = ColumnType::kText;
};

struct JsonSheet {
  std::string name;
  std::vector<JsonColumn> columns;
  nlohmann::json rows = nlohmann::json::array();
  std::string highlight{};  // "" or a pointer to a boolean of the row
};

// Writes `sheets` (at least one), in order, to a new .xlsx at `path`.
Status write_json_sheets(const std::string& path, const std::vector<JsonSheet>& sheets);

}  // namespace edu
