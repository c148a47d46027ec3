// `edubureau transition [--year Y] [--json]`: the 小升初 follow-up lists of the
// whole county (workflow/transition_lists.h) — per 初中 the feeder graduates who
// did not arrive, per township the graduates enrolled nowhere — as readable
// lines or, with --json, the JSON GET /transition returns. ID numbers masked.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>

#include "store/database.h"

namespace edu {

struct TransitionOptions {
  std::optional<int64_t> year;  // none: the current school year
  bool json = false;
};

// Adds the subcommand to `app`; returns it (to test whether it was given).
CLI::App* add_transition_command(CLI::App& app, TransitionOptions& options);
int run_transition(Database& db, const TransitionOptions& options);

}  // namespace edu
