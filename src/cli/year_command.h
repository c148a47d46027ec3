// `edubureau year rollover --to YEAR [--commit]`: the 学年升级 of the whole
// county (workflow/rollover.h) run by the server's operator. Without --commit
// it prints the preview (per school: classes opened, students moved,
// graduates, kept, problems; then every problem) and changes nothing.
#pragma once

#include <CLI/CLI.hpp>

#include "store/database.h"

namespace edu {

struct YearOptions {
  int to_year = 0;
  bool commit = false;
};

// Adds the subcommand to `app`; returns it (to test whether it was given).
CLI::App* add_year_command(CLI::App& app, YearOptions& options);
int run_year(Database& db, const YearOptions& options);

}  // namespace edu
