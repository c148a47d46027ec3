#include "demo/title_round.h"

#include <algorithm>
#include <map>

#include "core/title_eligibility.h"
#include "demo/casework.h"
#include "store/school_store.h"
#include "store/school_year_store.h"
#include "store/title_store.h"
#include "workflow/case_engine.h"
#include "workflow/title_appointment.h"
#include "workflow/title_posts.h"
#include "workflow/title_rounds.h"

namespace edu::demo {
namespace {

bool is_post_level(const std::string& title) {
  return std::find(post_levels().begin(), post_levels().end(), title) != post_levels().end();
}

}  // namespace

Status write_demo_titles(Database& db, const Date& today) {
  auto year = current_school_year(db);
  if (!year.ok()) return year.status();
  auto schools = list_post_schools(db, Scope::All());
  if (!schools.ok()) return schools.status();
  auto holders = list_title_holders(db, Scope::All());
  if (!holders.ok()) return holders.status();
  SchoolFilter filter;
  filter.kind = "小学";
  auto first = list_schools(db, Scope::All(), filter, {1, 1}, *year);
  if (!first.ok()) return first.status();
  if (first->items.empty()) return Status::Ok();  // a county too small for a round
  const School& school = first->items.front().school;

  std::map<std::pair<int64_t, std::string>, int64_t> held;
  for (const TitleHolder& h : *holders)
    if (is_post_level(h.register_title)) ++held[{h.school_id, h.register_title}];
  std::vector<SchoolPost> posts;
  for (size_t i = 0; i < schools->size(); ++i) {
    const int64_t id = (*schools)[i].id;
    for (const std::string& level : post_levels()) {
      const bool spare = level == "一级" && (i % 3 == 0 || id == school.id);
      posts.push_back({id, *year, level, held[{id, level}] + (spare ? 1 : 0)});
    }
  }
  const Actor bureau = demo_actor(role::kBureauAdmin, std::nullopt, "教育局");
  Status s = set_title_posts(db, bureau, *year, posts);
  if (!s.ok()) return s;
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  for (const TitleHolder& h : *holders) {
    if (!is_post_level(h.register_title)) continue;
    const int back = 3 + static_cast<int>(h.teacher_id % 6);
    TitleAppointment a{0, h.teacher_id, 0, h.register_title, h.register_title, "聘任", "", Date{today.year - back, 9, 1}.iso()};
    s = write_appointment(db, bureau, a);
    if (!s.ok()) return s;
  }
  s = tx.commit();
  if (!s.ok()) return s;
  auto round = open_title_round(db, bureau,
                                {0, today.year, std::to_string(today.year) + "年度中小学教师职称评审", true,
                                 add_days(today, -40).iso(), add_days(today, 20).iso()});
  if (!round.ok()) return round.status();

  // The school's 二级 teachers who may apply for 一级, each taken to a state.
  const Actor own = demo_actor(role::kSchoolAdmin, school.id, school.name);
  using Steps = std::vector<std::pair<std::string, std::map<std::string, std::string>>>;
  const std::map<std::string, std::string> why = {{"reason", "本年度岗位已满"}};
  const std::vector<Steps> paths = {
      {{"recommend", {}}, {"pass", {}}, {"appoint", {{"date", today.iso()}}}},
      {{"recommend", {}}, {"pass", {}}},
      {{"recommend", {}}, {"pass", {}}, {"appoint_lower", why}},
      {{"recommend", {}}},
      {},
      {{"not_recommend", {{"reason", "近三年年度考核未达优秀或良好"}}}},
      {{"recommend", {}}, {"fail", {{"reason", "业绩材料不足,论文未达要求"}}}},
      {{"recommend", {}}, {"pass", {}}, {"defer", {{"reason", "待下一学年岗位空出后聘任"}}}},
      {{"recommend", {}}, {"pass", {}}}};
  size_t next = 0;
  for (const TitleHolder& h : *holders) {
    if (next == paths.size()) break;
    if (h.school_id != school.id || h.register_title != "二级") continue;
    auto opened = open_case(db, own, "title", "apply",
                            {{{"teacher_id", std::to_string(h.teacher_id)}, {"level", "一级"},
                              {"evidence", "县级优质课一等奖;主持校级课题一项;近五年年度考核均为合格以上"}},
                             ""},
                            add_days(today, -30));
    if (!opened.ok()) continue;  // not eligible: the next teacher
    for (const auto& [action, fields] : paths[next]) {
      const Actor& who = action == "pass" || action == "fail" ? bureau : own;
      s = take_action(db, who, *opened, action, {fields, ""}, today);
      if (!s.ok()) return s;
    }
    ++next;
  }
  return Status::Ok();
}

}  // namespace edu::demo
