// `edubureau dropout sweep [--date YYYY-MM-DD]`: the 控辍保学 sweep
// (workflow/dropout_sweep.h) on the given day (default today); prints how many
// cases it opened and how many children were already followed.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "store/database.h"

namespace edu {

struct DropoutOptions {
  std::string date;  // "" = today
};

// Adds the subcommand to `app`; returns it (to test whether it was given).
CLI::App* add_dropout_command(CLI::App& app, DropoutOptions& options);
int run_dropout(Database& db, const DropoutOptions& options);

}  // namespace edu
