#include "cli/transition_command.h"

#include <iostream>

#include "cli/command_support.h"
#include "http/transition_json.h"
#include "workflow/transition_lists.h"

namespace edu {
namespace {

using nlohmann::json;

void print_student(const json& m) {
  std::cout << "  " << m["name"].get<std::string>() << "\t" << m["id_number"].get<std::string>()
            << "\t" << m["school_name"].get<std::string>() << "\t"
            << (m["went_to_id"].is_null() ? "未入学" : "去向:" + m["went_to_name"].get<std::string>())
            << "\n";
}

}  // namespace

CLI::App* add_transition_command(CLI::App& app, TransitionOptions& o) {
  auto* cmd = app.add_subcommand("transition", "小升初名单(按划片)/ primary-to-middle follow-up lists");
  cmd->add_option("--year", o.year, "新生入学的学年,默认当前学年 / the entrants' school year");
  cmd->add_flag("--json", o.json, "输出 JSON(与 API 相同)");
  return cmd;
}

int run_transition(Database& db, const TransitionOptions& o) {
  auto lists = transition_lists(db, nullptr, o.year);
  if (!lists.ok()) return fail(lists.status());
  json t = transition_json(*lists);
  if (o.json) {
    std::cout << t.dump(2) << "\n";
    return 0;
  }
  std::cout << "== " << t["year"] << "学年 小升初:划片初中未到校的毕业生\n";
  for (const json& m : t["middle_schools"]) {
    std::cout << m["school_name"].get<std::string>() << ":应到 " << m["expected"] << ",已到 "
              << m["arrived"] << ",未到 " << m["missing_count"] << "\n";
    for (const json& s : m["missing"]) print_student(s);
  }
  std::cout << "== 全县均未入学的毕业生(按乡镇,须跟进)\n";
  for (const json& a : t["townships"]) {
    std::cout << a["area_name"].get<std::string>() << ":毕业生 " << a["graduates"] << ",未入学 "
              << a["nowhere_count"] << "(所在小学未划片 " << a["unassigned"] << ")\n";
    for (const json& s : a["nowhere"]) print_student(s);
  }
  return 0;
}

}  // namespace edu
