// 职称评聘 (workflow/title_posts.h, title_rounds.h, title_appointment.h):
//   GET  /titles/posts?school_year=      核定岗位, 已聘, 空缺, 高职低聘 per school and level
//   PUT  /titles/posts                   {school_year, posts: [{school_id, level, approved}]} (the bureau)
//   GET  /titles/rounds                  申报批次, newest first
//   POST /titles/rounds                  {name, year, opens_on, closes_on} (the bureau)
//   POST /titles/rounds/{id}/close       (the bureau)
//   GET  /titles/report?round=           评审通过 vs 聘任 per school and level, and the applications
//   GET  /exports/titles.xlsx?round=     the same as a workbook
//   GET  /titles/teachers/{id}           a teacher's title, post, appointments and applications
//   POST /titles/teachers/{id}/dismiss   {reason, date}: 解聘 (the bureau or the teacher's school)
// The applications themselves are cases of kind "title" (/cases).
#include "http/json_input.h"
#include "http/json_sheet.h"
#include "http/routes.h"
#include "workflow/title_appointment.h"
#include "workflow/title_posts.h"
#include "workflow/title_rounds.h"

namespace edu {
namespace {

Json ids_json(const std::vector<int64_t>& ids) { return {{"n", ids.size()}, {"ids", ids}}; }

Json fraction_json(const analytics::titles::Fraction& f) {
  Json j = {{"numerator", f.numerator}, {"denominator", f.denominator}, {"percent", nullptr}};
  if (f.percent) j["percent"] = *f.percent;
  return j;
}

Json level_json(const analytics::titles::LevelPosts& l) {
  return {{"level", l.level},
          {"approved", l.approved},
          {"held", ids_json(l.held)},
          {"vacancies", l.vacancies},
          {"over", l.over},
          {"under", ids_json(l.under)},
          {"under_rate", fraction_json(l.under_rate)}};
}

Json levels_json(const std::vector<analytics::titles::LevelPosts>& levels) {
  Json out = Json::array();
  for (const auto& l : levels) out.push_back(level_json(l));
  return out;
}

Json posts_json(const TitlePosts& p) {
  Json schools = Json::array();
  for (size_t i = 0; i < p.schools.size(); ++i)
    schools.push_back({{"id", p.schools[i].id},
                       {"name", p.schools[i].name},
                       {"area_name", p.schools[i].area_name},
                       {"location", p.schools[i].location},
                       {"levels", levels_json(p.table.schools[i].levels)}});
  return {{"school_year", p.school_year},
          {"schools", schools},
          {"total", levels_json(p.table.total)},
          {"definitions",
           {{"held", "已聘:现受聘于该等级岗位的教师(聘任或高职低聘、缓聘时所在的岗位;未登记聘任记录的按教职工职称)"},
            {"vacancies", "空缺 = 核定岗位 − 已聘(不小于0)"},
            {"under_rate", "高职低聘比例 = 取得该等级职称而聘任在低一级岗位的教师 ÷ 取得该等级职称的教师"}}}};
}

Result<int> school_year_of(ApiCall& call) {
  auto y = call.query_int("school_year");
  if (!y.ok()) return y.status();
  if (!*y) return call.school_year;
  if (**y < 2000 || **y > 2100) return Status::Error("validation", "学年应为2000–2100之间的年份", "school_year");
  return static_cast<int>(**y);
}

Result<Reply> posts_route(ApiCall& call) {
  auto year = school_year_of(call);
  if (!year.ok()) return year.status();
  auto p = title_posts(call.db, call.who(), *year);
  if (!p.ok()) return p.status();
  return Reply(posts_json(*p));
}

Result<Reply> set_posts_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader r(*body);
  const int64_t year = r.integer("school_year");
  if (!r.status().ok()) return r.status();
  auto rows = body->find("posts");
  if (rows == body->end() || !rows->is_array())
    return Status::Error("bad_request", "“posts”应为数组:[{school_id, level, approved}]", "posts");
  if (rows->size() > 20000) return Status::Error("validation", "一次最多设置20000条核定岗位", "posts");
  std::vector<SchoolPost> posts;
  for (const Json& row : *rows) {
    if (!row.is_object()) return Status::Error("bad_request", "“posts”的每一项应为对象", "posts");
    FieldReader f(row);
    SchoolPost p{f.integer("school_id"), 0, f.text("level"), f.integer("approved")};
    if (!f.status().ok()) return f.status();
    posts.push_back(std::move(p));
  }
  if (year < 2000 || year > 2100) return Status::Error("validation", "学年应为2000–2100之间的年份", "school_year");
  Status s = set_title_posts(call.db, call.who(), static_cast<int>(year), posts);
  if (!s.ok()) return s;
  auto p = title_posts(call.db, call.who(), static_cast<int>(year));
  if (!p.ok()) return p.status();
  return Reply(posts_json(*p));
}

Json round_json(const TitleRound& r) {
  return {{"id", r.id},           {"year", r.year},           {"name", r.name},
          {"open", r.open},       {"opens_on", r.opens_on},   {"closes_on", r.closes_on}};
}

Result<Reply> rounds_route(ApiCall& call) {
  auto rounds = title_rounds(call.db, call.who());
  if (!rounds.ok()) return rounds.status();
  Json items = Json::array();
  for (const TitleRound& r : *rounds) items.push_back(round_json(r));
  return Reply(Json{{"items", items}});
}

Result<Reply> open_round_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader r(*body);
  TitleRound round;
  round.name = r.text("name");
  round.year = static_cast<int>(std::clamp<int64_t>(r.integer("year"), 0, 100000));
  round.opens_on = r.text("opens_on");
  round.closes_on = r.text("closes_on");
  if (!r.status().ok()) return r.status();
  auto id = open_title_round(call.db, call.who(), round);
  if (!id.ok()) return id.status();
  auto made = get_round(call.db, *id);
  if (!made.ok()) return made.status();
  return Reply(201, {{"round", round_json(**made)}});
}

Result<Reply> close_round_route(ApiCall& call) {
  Status s = close_title_round(call.db, call.who(), call.path_id());
  if (!s.ok()) return s;
  auto round = get_round(call.db, call.path_id());
  if (!round.ok()) return round.status();
  return Reply(Json{{"round", round_json(**round)}});
}

Json cell_json(const analytics::titles::RoundCell& c) {
  return {{"level", c.level}, {"applied", ids_json(c.applied)}, {"passed", ids_json(c.passed)},
          {"appointed", ids_json(c.appointed)}};
}

Json cells_json(const std::vector<analytics::titles::RoundCell>& cells) {
  Json out = Json::array();
  for (const auto& c : cells) out.push_back(cell_json(c));
  return out;
}

Result<Json> report_json(ApiCall& call) {
  auto round = call.query_int("round");
  if (!round.ok()) return round.status();
  auto r = title_round_report(call.db, call.who(), round->value_or(0));
  if (!r.ok()) return r.status();
  std::map<int64_t, std::string> names;
  Json applications = Json::array();
  for (const TitleApplicationRow& a : r->applications) {
    names[a.school_id] = a.school_name;
    applications.push_back({{"case_id", a.application.case_id}, {"teacher_id", a.application.teacher_id},
                            {"teacher_name", a.teacher_name}, {"school_id", a.school_id},
                            {"school_name", a.school_name}, {"level", a.application.level}, {"state", a.state}});
  }
  Json schools = Json::array();
  for (const auto& row : r->report.schools)
    schools.push_back({{"id", row.school_id}, {"name", names[row.school_id]}, {"levels", cells_json(row.levels)}});
  return Json{{"round", round_json(r->round)},
              {"schools", schools},
              {"total", cells_json(r->report.total)},
              {"applications", applications}};
}

Result<Reply> report_route(ApiCall& call) {
  auto j = report_json(call);
  if (!j.ok()) return j.status();
  return Reply(*j);
}

// One row per school and level that has an application, then the applications.
Result<Reply> xlsx_route(ApiCall& call) {
  auto j = report_json(call);
  if (!j.ok()) return j.status();
  JsonSheet table{"评审与聘任",
                  {{"学校", "/school"},
                   {"等级", "/level"},
                   {"申报", "/applied/n", ColumnType::kInteger},
                   {"评审通过", "/passed/n", ColumnType::kInteger},
                   {"聘任", "/appointed/n", ColumnType::kInteger}}};
  auto add = [&](const std::string& school, const Json& cells) {
    for (const Json& c : cells)
      if (c["applied"]["n"] > 0)
        table.rows.push_back({{"school", school}, {"level", c["level"]}, {"applied", c["applied"]},
                              {"passed", c["passed"]}, {"appointed", c["appointed"]}});
  };
  for (const Json& s : (*j)["schools"]) add(s["name"], s["levels"]);
  add("(合计)", (*j)["total"]);
  JsonSheet applications{"申报名单",
                         {{"编号", "/case_id", ColumnType::kInteger},
                          {"教师", "/teacher_name"},
                          {"学校", "/school_name"},
                          {"申报等级", "/level"},
                          {"状态", "/state"}},
                         (*j)["applications"]};
  auto name = scoped_file_name(call, "职称评聘-" + (*j)["round"]["name"].get<std::string>());
  if (!name.ok()) return name.status();
  return file_reply(*name, [&](const std::string& path) { return write_json_sheets(path, {table, applications}); });
}

Json appointment_json(const TitleAppointment& a) {
  return {{"id", a.id},         {"case_id", a.case_id},       {"title_level", a.title_level},
          {"post_level", a.post_level}, {"status", a.status}, {"reason", a.reason},
          {"since", a.since}};
}

Result<Reply> teacher_route(ApiCall& call) {
  auto t = teacher_titles(call.db, call.who(), call.path_id());
  if (!t.ok()) return t.status();
  Json appointments = Json::array(), applications = Json::array();
  for (const TitleAppointment& a : t->appointments) appointments.push_back(appointment_json(a));
  for (const TitleApplicationRow& a : t->applications)
    applications.push_back({{"case_id", a.application.case_id}, {"round_id", a.application.round_id},
                            {"round_name", a.round_name}, {"level", a.application.level},
                            {"school_name", a.school_name}, {"state", a.state}});
  return Reply(Json{{"teacher", {{"id", t->teacher.teacher.id}, {"name", t->teacher.teacher.name},
                             {"school_name", t->teacher.school_name}, {"title", t->teacher.teacher.title}}},
                {"present", {{"title", t->present.title}, {"post", t->present.post}, {"under", t->present.under}}},
                {"appointments", appointments},
                {"applications", applications}});
}

Result<Reply> dismiss_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader r(*body);
  const std::string reason = r.text("reason", false), date = r.text("date", false);
  if (!r.status().ok()) return r.status();
  Status s = dismiss_title(call.db, call.who(), call.path_id(), reason, date);
  if (!s.ok()) return s;
  return teacher_route(call);
}

}  // namespace

void add_title_routes(Router& router) {
  router.get("/titles/posts", posts_route);
  router.put("/titles/posts", set_posts_route);
  router.get("/titles/rounds", rounds_route);
  router.post("/titles/rounds", open_round_route);
  router.post("/titles/rounds/(\\d+)/close", close_round_route);
  router.get("/titles/report", report_route);
  router.get("/exports/titles\\.xlsx", xlsx_route);
  router.get("/titles/teachers/(\\d+)", teacher_route);
  router.post("/titles/teachers/(\\d+)/dismiss", dismiss_route);
}

}  // namespace edu
