// `edubureau exam list|results|integrity|import`: exam quality monitoring from
// the command line. results/integrity print a readable table or, with --json,
// the same JSON the API returns for the bureau (the whole county).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "store/database.h"

namespace edu {

struct ExamOptions {
  int64_t exam_id = 0;
  std::string level = "school";
  bool json = false;
  std::string file, user;
  bool commit = false;
  CLI::App* list = nullptr;
  CLI::App* results = nullptr;
  CLI::App* integrity = nullptr;
  CLI::App* import = nullptr;
};

CLI::App* add_exam_command(CLI::App& app, ExamOptions& options);
int run_exam(Database& db, const ExamOptions& options);

}  // namespace edu
