#include "cli/year_command.h"

#include <iostream>

#include "cli/command_support.h"
#include "workflow/rollover.h"

namespace edu {

CLI::App* add_year_command(CLI::App& app, YearOptions& o) {
  auto* year = app.add_subcommand("year", "学年管理 / the school year");
  year->require_subcommand(1);
  year->fallthrough();
  auto* rollover = year->add_subcommand("rollover", "学年升级(默认只预览)/ roll the register over to the next year");
  rollover->add_option("--to", o.to_year, "升级到的学年,如 2027 / the new school year")->required();
  rollover->add_flag("--commit", o.commit, "确认升级(否则只预览)");
  return year;
}

int run_year(Database& db, const YearOptions& o) {
  auto out = rollover_year(db, nullptr, o.to_year, o.commit);
  if (!out.ok()) return fail(out.status());
  if (!out->already_opened) {
    std::cout << "学校\t开设班级\t升级学生\t毕业\t休学留级\t问题\n";
    for (const auto& s : out->plan.schools)
      std::cout << s.school_name << "\t" << s.classes_opened << "\t" << s.students_moved << "\t"
                << s.graduates << "\t" << s.kept << "\t" << s.problems << "\n";
    for (const auto& p : out->plan.problems) std::cout << "问题:" << p.message << "\n";
  }
  std::cout << out->message << "\n";
  if (!out->committed && !out->already_opened) std::cout << "(预览,未改动数据;确认请加 --commit)\n";
  return 0;
}

}  // namespace edu
