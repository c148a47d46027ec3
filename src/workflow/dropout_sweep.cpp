#include "workflow/dropout_sweep.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/area_store.h"
#include "store/dropout_store.h"
#include "store/school_year_store.h"
#include "workflow/case_engine.h"
#include "workflow/transition_lists.h"

namespace edu {
namespace {

Result<int> age_setting(Database& db, const std::string& key, const std::string& fallback) {
  auto v = get_setting(db, key, fallback);
  if (!v.ok()) return v.status();
  try {
    return std::stoi(*v);
  } catch (const std::exception&) {
    return Status::Error("validation", "设置“" + key + "”应为整数(周岁),现为“" + *v + "”", key);
  }
}

}  // namespace

Result<SweepResult> sweep_dropouts(Database& db, const Date& today) {
  auto year = current_school_year(db);
  if (!year.ok()) return year.status();
  auto min_age = age_setting(db, "dropout_min_age", "6");
  if (!min_age.ok()) return min_age.status();
  auto max_age = age_setting(db, "dropout_max_age", "15");
  if (!max_age.ok()) return max_age.status();

  // Who is followed already: an open case, or one opened this school year.
  const std::string year_start = Date{*year, 9, 1}.iso();
  auto cases = load_dropout_cases(db, "dropout", Scope::All());
  if (!cases.ok()) return cases.status();
  const WorkflowSpec* w = find_workflow("dropout");
  std::set<int64_t> followed;
  for (const DropoutCaseRow& c : *cases) {
    auto fields = nlohmann::json::parse(c.view.record.fields, nullptr, false);
    std::string opened = fields.is_object() ? fields.value("date", std::string()) : "";
    if (!w->state(c.view.record.state)->terminal || opened >= year_start) followed.insert(c.view.record.student_id);
  }

  // The 小升初 list's graduates enrolled nowhere.
  std::map<int64_t, std::string> reason;
  std::vector<int64_t> graduates;
  auto lists = transition_lists(db, nullptr, *year);
  if (!lists.ok()) return lists.status();
  for (const auto& t : lists->townships)
    for (const auto& m : t.nowhere) graduates.push_back(m.student_id);
  auto children = load_sweep_children(db, *year, graduates);
  if (!children.ok()) return children.status();

  SweepResult out;
  std::set<int64_t> seen;
  for (const SweepChild& c : *children) {
    if (!c.birth_date || !seen.insert(c.student_id).second) continue;
    const int age = age_on(*c.birth_date, today);
    if (age < *min_age || age > *max_age) continue;
    if (followed.count(c.student_id)) {
      ++out.followed;
      continue;
    }
    ActionInput input;
    input.fields["student_id"] = std::to_string(c.student_id);
    input.fields["date"] = today.iso();
    input.fields["reason"] = c.status == "辍学"  ? "学籍状态为辍学(系统排查)"
                             : c.status == "休学" ? "休学超过一年未复学(上学年末及现在均为休学,系统排查)"
                                                  : "小学毕业后未在本县任何初中注册(小升初名单,系统排查)";
    auto id = open_case_by_system(db, "dropout", input, today);
    if (!id.ok()) return id.status();
    ++out.opened;
  }
  return out;
}

}  // namespace edu
