// `edubureau analyze balance|indicators`: the balanced-development table and
// the statistics indicators of a school year, as a readable table or, with
// --json, the same JSON the API returns (the whole county; in a city, balance
// is one 区/县's: --county-code, default the first).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "store/database.h"

namespace edu {

struct AnalyzeOptions {
  int year = 0;             // 0 = the current school year
  std::string section;      // 小学 / 初中; "" = both (balance)
  std::string standard;     // 2017 (default) / 2012
  std::string primary_above;  // 专科 (default) / 本科
  std::string county_code;  // a city's 区/县 (balance); "" = the first
  bool json = false;
  CLI::App* balance = nullptr;
  CLI::App* indicators = nullptr;
};

// Adds the subcommand to `app`; returns it (to test whether it was given).
CLI::App* add_analyze_command(CLI::App& app, AnalyzeOptions& options);
int run_analyze(Database& db, const AnalyzeOptions& options);

}  // namespace edu
