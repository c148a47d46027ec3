#include "cli/dropout_command.h"

#include <iostream>

#include "cli/command_support.h"
#include "workflow/dropout_sweep.h"

namespace edu {

CLI::App* add_dropout_command(CLI::App& app, DropoutOptions& o) {
  auto* cmd = app.add_subcommand("dropout", "控辍保学 / dropout casework");
  cmd->require_subcommand(1);
  auto* sweep = cmd->add_subcommand("sweep", "排查失学辍学儿童并登记台账 / open cases for children out of school");
  sweep->add_option("--date", o.date, "排查日期 YYYY-MM-DD,默认今天 / the day");
  return cmd;
}

int run_dropout(Database& db, const DropoutOptions& o) {
  Date day = local_today();
  if (!o.date.empty()) {
    auto given = parse_iso_date(o.date);
    if (!given) return fail(Status::Error("validation", "--date 应为有效日期(YYYY-MM-DD),现为“" + o.date + "”"));
    day = *given;
  }
  auto done = sweep_dropouts(db, day);
  if (!done.ok()) return fail(done.status());
  std::cout << day.iso() << " 控辍保学排查:新登记 " << done->opened << " 名,已在跟进 " << done->followed << " 名\n";
  return 0;
}

}  // namespace edu
