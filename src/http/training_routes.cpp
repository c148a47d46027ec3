// 继续教育 (workflow/training_commands.h, workflow/training_report.h):
//   GET  /training/courses?year=&level=&school_id=&name=   the courses the caller sees, with roster counts
//   POST /training/courses, PUT /training/courses/{id}     create / edit
//   GET  /training/courses/{id}/roster                     the rows of the caller's teachers
//   PUT  /training/courses/{id}/roster {items: [...]}      save rows (insert or replace)
//   POST /training/courses/{id}/roster/import              multipart file: all rows or, on any
//        problem, 422 {code: has_problems, problems: [{row, column, header, value, message}]}
//   POST /training/courses/{id}/roster/errors.xlsx         the same file with its problems marked
//   GET  /training/courses/{id}/roster.xlsx                the roster as the import reads it
//   GET  /training/courses/{id}                            one course
//   GET  /templates/training-roster.xlsx                   the import's blank template
//   GET  /training/rates?year=                             参训率/合格率 by course, school, township, 学段
//   GET  /training/rates/rows?year=&by=&id=&name=          the roster rows behind one line
//   GET  /training/hours, /exports/training/behind.xlsx    the cycle's hours; 学时不足 by school and listed
// /teachers/{id}/history (教师档案) is here too: it is read from the same figures.
#include "core/id_number.h"
#include "http/json_input.h"
#include "http/json_sheet.h"
#include "http/json_views.h"
#include "http/release_memory.h"
#include "http/routes.h"
#include "report/register_template.h"
#include "workflow/training_commands.h"
#include "workflow/training_report.h"

namespace edu {
namespace {

namespace tr = analytics::training;

bool may_edit_course(const User& u, const TrainingCourse& c) {
  return u.role == role::kBureauAdmin || (u.role == role::kSchoolAdmin && c.level == kSchoolBasedLevel);
}

Json course_json(const CourseView& v, const User& u) {
  const TrainingCourse& c = v.course;
  return {{"id", c.id},
          {"name", c.name},
          {"level", c.level},
          {"organiser", c.organiser},
          {"start_date", c.start_date.iso()},
          {"end_date", c.end_date.iso()},
          {"school_year", school_year_of(c.start_date)},
          {"hours", c.hours},
          {"section", c.section},
          {"subject", c.subject},
          {"school_id", c.school_id ? Json(*c.school_id) : Json(nullptr)},
          {"school_name", v.school_name},
          {"roster", v.roster},
          {"required", v.required},
          {"attended", v.attended},
          {"passed", v.passed},
          {"participation", tr::percent_one_decimal(v.attended, v.required).value_or(-1)},
          {"can_edit", may_edit_course(u, c)},
          {"can_record", allowed(u, Action::kUpdate, Entity::kTrainingRoster)}};
}

Result<TrainingCourse> course_from_json(const Json& body) {
  FieldReader in(body);
  TrainingCourse c;
  c.name = in.text("name");
  c.level = in.text("level");
  c.organiser = in.text("organiser");
  c.start_date = in.date("start_date");
  c.end_date = in.date("end_date");
  c.hours = in.integer("hours");
  c.section = in.text("section", false);
  c.subject = in.text("subject", false);
  c.school_id = in.optional_integer("school_id");
  if (!in.status().ok()) return in.status();
  return c;
}

Result<Reply> list_courses_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kTrainingCourse))
    return Status::Error("forbidden", "您的角色无权查看培训项目");
  auto year = call.query_int("year");
  if (!year.ok()) return year.status();
  auto school = call.query_int("school_id");
  if (!school.ok()) return school.status();
  CourseFilter f;
  if (*year) f.school_year = static_cast<int>(**year);
  f.level = call.query("level");
  f.school_id = *school;
  f.name_contains = call.query("name");
  auto courses = list_courses(call.db, call.who().scope, f);
  if (!courses.ok()) return courses.status();
  Json items = Json::array();
  for (const CourseView& v : *courses) items.push_back(course_json(v, call.who().user));
  const User& u = call.who().user;
  return Reply(Json{{"items", items},
                    {"levels", training_levels().values},
                    {"school_year", call.school_year},
                    {"can_create", allowed(u, Action::kCreate, Entity::kTrainingCourse)},
                    {"can_create_county", u.role == role::kBureauAdmin}});
}

Result<Reply> save_course_route(ApiCall& call, int64_t id) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  auto course = course_from_json(*body);
  if (!course.ok()) return course.status();
  course->id = id;
  auto saved = save_course(call.db, call.who(), *course);
  if (!saved.ok()) return saved.status();
  return Reply(id ? 200 : 201, Json{{"course", course_json(*saved, call.who().user)}});
}

Result<Reply> get_course_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kTrainingCourse))
    return Status::Error("forbidden", "您的角色无权查看培训项目");
  auto course = get_course(call.db, call.who().scope, call.path_id());
  if (!course.ok()) return course.status();
  if (!*course) return Status::Error("not_found", "培训项目不存在或不在您的管辖范围内");
  return Reply(Json{{"course", course_json(**course, call.who().user)}});
}

Result<Reply> template_route(ApiCall&) {
  return file_reply("培训名单导入模板.xlsx",
                    [](const std::string& path) { return report::write_template(roster_import_spec(), path); });
}

Json roster_row_json(const RosterRow& r) {
  return {{"teacher_id", r.entry.teacher_id}, {"teacher_name", r.teacher_name},
          {"id_number", mask_id_number(r.id_number)}, {"school_id", r.school_id},
          {"school_name", r.school_name},       {"section", r.section},
          {"subject", r.subject},               {"required", r.entry.required},
          {"attended", r.entry.attended},       {"passed", r.entry.passed},
          {"hours_credited", r.entry.hours_credited}};
}

struct CourseRoster {
  CourseView course;
  std::vector<RosterRow> rows;
};

Result<CourseRoster> course_roster(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kTrainingRoster))
    return Status::Error("forbidden", "您的角色无权查看培训名单");
  auto course = get_course(call.db, call.who().scope, call.path_id());
  if (!course.ok()) return course.status();
  if (!*course) return Status::Error("not_found", "培训项目不存在或不在您的管辖范围内");
  auto rows = list_roster(call.db, call.who().scope, (*course)->course.id);
  if (!rows.ok()) return rows.status();
  return CourseRoster{**course, std::move(*rows)};
}

Result<Reply> roster_reply(ApiCall& call) {
  auto roster = course_roster(call);
  if (!roster.ok()) return roster.status();
  Json items = Json::array();
  for (const RosterRow& r : roster->rows) items.push_back(roster_row_json(r));
  return Reply(Json{{"course", course_json(roster->course, call.who().user)}, {"items", items}});
}

constexpr size_t kMaxRosterRows = 5000;

Result<Reply> save_roster_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  const Json& items = (*body)["items"];
  if (!items.is_array()) return Status::Error("bad_request", "请求应含名单数组“items”", "items");
  if (items.size() > kMaxRosterRows)
    return Status::Error("bad_request", "一次最多保存" + std::to_string(kMaxRosterRows) + "行名单", "items");
  std::vector<RosterEntry> rows;
  for (const Json& item : items) {
    if (!item.is_object()) return Status::Error("bad_request", "名单的每一行应为对象", "items");
    FieldReader in(item);
    RosterEntry e;
    e.teacher_id = in.integer("teacher_id");
    e.required = item.contains("required") ? in.boolean("required") : true;
    e.attended = in.boolean("attended");
    e.passed = in.boolean("passed");
    e.hours_credited = item.contains("hours_credited") ? in.integer("hours_credited") : 0;
    if (!in.status().ok()) return in.status();
    rows.push_back(e);
  }
  if (Status s = save_roster(call.db, call.who(), call.path_id(), rows); !s.ok()) return s;
  return roster_reply(call);
}

Result<Reply> import_route(ApiCall& call) {
  if (!call.request.has_file("file"))
    return Status::Error("bad_request", "请以 multipart/form-data 上传名单文件(字段名 file)", "file");
  const auto file = call.request.get_file_value("file");
  auto done = import_roster(call.db, call.who(), call.path_id(), file.filename, file.content);
  if (!done.ok()) return done.status();
  if (done->problems.empty()) return Reply(Json{{"rows", done->rows}, {"saved", done->saved}});
  Json problems = Json::array();
  for (const RosterImportProblem& p : done->problems)
    problems.push_back({{"file", done->file_name}, {"row", p.row}, {"column", p.header}, {"value", p.value},
                        {"message", p.message}});
  return Reply(422, Json{{"code", "has_problems"},
                         {"message", "文件“" + done->file_name + "”有" + std::to_string(problems.size()) +
                                         "处问题,名单未作任何修改;请按错误说明改正后重新导入"},
                         {"rows", done->rows},
                         {"problems", problems}});
}

Result<Reply> errors_route(ApiCall& call) {
  if (!call.request.has_file("file"))
    return Status::Error("bad_request", "请以 multipart/form-data 上传名单文件(字段名 file)", "file");
  const auto file = call.request.get_file_value("file");
  const std::string stem = file.filename.substr(0, file.filename.rfind('.'));
  return file_reply(stem + "-错误说明.xlsx", [&](const std::string& path) {
    return write_roster_error_report(call.db, call.who(), call.path_id(), file.filename, file.content, path);
  });
}

Result<Reply> roster_xlsx_route(ApiCall& call) {
  auto roster = course_roster(call);
  if (!roster.ok()) return roster.status();
  const bool full_ids = allowed(call.who().user, Action::kRevealIdNumber, Entity::kTeacher);
  JsonSheet sheet{"培训名单",
                  {{"学校", "/school_name"}, {"姓名", "/teacher_name"}, {"身份证号", "/id_number"},
                   {"是否必训", "/required"}, {"是否参训", "/attended"}, {"是否合格", "/passed"},
                   {"认定学时", "/hours_credited", ColumnType::kInteger}}};
  for (const RosterRow& r : roster->rows) {
    Json row = roster_row_json(r);
    if (full_ids) row["id_number"] = r.id_number;
    sheet.rows.push_back(std::move(row));
  }
  auto name = scoped_file_name(call, "培训名单-" + roster->course.course.name);
  if (!name.ok()) return name.status();
  return file_reply(*name, [&](const std::string& path) { return write_json_sheets(path, {sheet}); });
}

// ---- figures ----

Json rate_json(const tr::Rate& r) {
  return {{"numerator", r.numerator}, {"denominator", r.denominator},
          {"percent", r.percent ? Json(*r.percent) : Json(nullptr)}};
}

Json rate_row_json(const tr::RateRow& r) {
  return {{"id", r.id}, {"name", r.name}, {"township", r.parent},
          {"participation", rate_json(r.participation)}, {"pass", rate_json(r.pass)}};
}

Result<int> year_asked(ApiCall& call) {
  auto year = call.query_int("year");
  if (!year.ok()) return year.status();
  if (*year && (**year < 2000 || **year > 2100)) return Status::Error("bad_request", "学年应为2000至2100", "year");
  return *year ? static_cast<int>(**year) : call.school_year;
}

Result<Reply> rates_route(ApiCall& call) {
  auto year = year_asked(call);
  if (!year.ok()) return year.status();
  auto report = training_report(call.db, call.who(), *year, call.school_year);
  if (!report.ok()) return report.status();
  const tr::Rates& r = report->rates;
  auto rows = [](const std::vector<tr::RateRow>& list) {
    Json out = Json::array();
    for (const tr::RateRow& row : list) out.push_back(rate_row_json(row));
    return out;
  };
  return Reply(Json{{"school_year", r.school_year}, {"total", rate_row_json(r.total)},
                    {"by_course", rows(r.by_course)}, {"by_school", rows(r.by_school)},
                    {"by_township", rows(r.by_township)}, {"by_section", rows(r.by_section)},
                    {"definitions", {{"participation", "参训率 = 必训人次中参训的人次 ÷ 必训人次"},
                                     {"pass", "合格率 = 参训人次中合格的人次 ÷ 参训人次"}}}});
}

// The roster rows behind one line of the rates: by=total|course|school|township|section, id (or name for a 学段).
Result<Reply> rate_rows_route(ApiCall& call) {
  auto year = year_asked(call);
  if (!year.ok()) return year.status();
  auto id = call.query_int("id");
  if (!id.ok()) return id.status();
  const std::string by = call.query("by"), name = call.query("name");
  auto report = training_report(call.db, call.who(), *year, call.school_year);
  if (!report.ok()) return report.status();
  const tr::Rates& r = report->rates;
  const std::vector<tr::RateRow>* list = by == "course"     ? &r.by_course
                                         : by == "school"   ? &r.by_school
                                         : by == "township" ? &r.by_township
                                         : by == "section"  ? &r.by_section
                                                            : nullptr;
  if (!list && by != "total")
    return Status::Error("bad_request", "by 应为 total、course、school、township 或 section", "by");
  const tr::RateRow* line = list ? nullptr : &r.total;
  for (size_t i = 0; list && i < list->size(); ++i)
    if (by == "section" ? (*list)[i].name == name : (*list)[i].id == id->value_or(0)) line = &(*list)[i];
  if (!line) return Status::Error("not_found", "没有该统计行(或不在您的管辖范围内)");
  const TrainingTables& t = report->tables;
  std::unordered_map<int64_t, const TrainingCourseRow*> courses;
  for (const TrainingCourseRow& c : t.courses) courses[c.id] = &c;
  std::unordered_map<int64_t, const TrainingTeacherRow*> teachers;
  for (const TrainingTeacherRow& x : t.teachers) teachers[x.id] = &x;
  Json items = Json::array();
  for (size_t i : line->rows) {
    const RosterEntry& e = t.entries[i];
    items.push_back({{"course_id", e.course_id}, {"course_name", courses.at(e.course_id)->name},
                     {"teacher_id", e.teacher_id}, {"teacher_name", teachers.at(e.teacher_id)->name},
                     {"school_name", teachers.at(e.teacher_id)->school_name}, {"required", e.required},
                     {"attended", e.attended}, {"passed", e.passed}, {"hours_credited", e.hours_credited}});
  }
  Json out = rate_row_json(*line);
  out["items"] = items;
  return Reply(out);
}

Json behind_json(const TrainingReport& report) {
  const tr::CycleHours& h = report.hours;
  Json behind = Json::array();
  for (size_t i : h.behind) {
    const tr::TeacherHours& th = h.teachers[i];
    const TrainingTeacherRow& x = report.tables.teachers[th.teacher];
    behind.push_back({{"teacher_id", x.id}, {"teacher_name", x.name}, {"school_id", x.school_id},
                      {"school_name", x.school_name}, {"subject", x.subject}, {"hours", th.total},
                      {"shortfall", th.shortfall}});
  }
  Json schools = Json::array();
  for (const tr::SchoolBehind& s : h.by_school)
    schools.push_back({{"school_id", s.school_id}, {"school_name", s.school_name}, {"teachers", s.teachers},
                       {"behind", s.behind}});
  return {{"cycle_start", h.cycle_start}, {"cycle_end", h.cycle_end}, {"required_hours", h.required_hours},
          {"by_school", schools}, {"behind", behind}};
}

Result<Reply> hours_route(ApiCall& call) {
  auto report = training_report(call.db, call.who(), call.school_year, call.school_year);
  if (!report.ok()) return report.status();
  return Reply(behind_json(*report));
}

Result<Reply> behind_xlsx_route(ApiCall& call) {
  auto report = training_report(call.db, call.who(), call.school_year, call.school_year);
  if (!report.ok()) return report.status();
  Json j = behind_json(*report);
  JsonSheet schools{"按学校", {{"学校", "/school_name"}, {"专任教师", "/teachers", ColumnType::kInteger},
                              {"学时不足", "/behind", ColumnType::kInteger}}, j["by_school"]};
  JsonSheet behind{"学时不足名单", {{"学校", "/school_name"}, {"姓名", "/teacher_name"}, {"任教学科", "/subject"},
                                  {"周期内学时", "/hours", ColumnType::kInteger},
                                  {"尚缺学时", "/shortfall", ColumnType::kInteger}}, j["behind"]};
  const std::string cycle = std::to_string(report->hours.cycle_start) + "-" + std::to_string(report->hours.cycle_end);
  auto name = scoped_file_name(call, "继续教育学时不足-" + cycle + "周期");
  if (!name.ok()) return name.status();
  return file_reply(*name, [&](const std::string& path) { return write_json_sheets(path, {schools, behind}); });
}

// GET /teachers/{id}/history (教师档案): schools and posts by year, title and
// 骨干 changes, the teacher's courses, hours by year and the cycle's total.
Result<Reply> teacher_history_route(ApiCall& call) {
  auto h = teacher_history(call.db, call.who(), call.path_id(), call.school_year);
  if (!h.ok()) return h.status();
  Json years = Json::array(), changes = Json::array(), courses = Json::array(), by_year = Json::array();
  for (const TeacherYearView& y : h->years)
    years.push_back({{"school_year", y.year.school_year}, {"school_id", y.year.school_id},
                     {"school_name", y.school_name}, {"section", y.year.section}, {"post", y.year.post},
                     {"title", y.year.title}, {"subject", y.year.subject}, {"backbone", y.year.backbone},
                     {"education", y.year.education}, {"on_staff", y.year.on_staff}});
  for (const CareerChange& c : h->changes)
    changes.push_back({{"school_year", c.school_year}, {"field", c.field},
                       {"label", c.field == "title" ? "职称" : "骨干级别"}, {"from", c.from}, {"to", c.to}});
  std::unordered_map<int64_t, const TrainingCourseRow*> by_id;
  for (const TrainingCourseRow& c : h->training.courses) by_id[c.id] = &c;
  for (const RosterEntry& e : h->training.entries) {
    const TrainingCourseRow& c = *by_id.at(e.course_id);
    courses.push_back({{"course_id", c.id}, {"name", c.name}, {"level", c.level}, {"start_date", c.start_date.iso()},
                       {"school_year", school_year_of(c.start_date)}, {"hours", c.hours},
                       {"required", e.required}, {"attended", e.attended}, {"passed", e.passed},
                       {"hours_credited", e.hours_credited}});
  }
  std::sort(courses.begin(), courses.end(),
            [](const Json& a, const Json& b) { return a["start_date"] > b["start_date"]; });
  Json hours = {{"cycle_start", h->hours.cycle_start}, {"cycle_end", h->hours.cycle_end},
                {"required_hours", h->hours.required_hours}, {"total", 0}, {"shortfall", h->hours.required_hours}};
  if (!h->hours.teachers.empty()) {
    const tr::TeacherHours& t = h->hours.teachers.front();
    for (const auto& [year, n] : t.by_year) by_year.push_back({{"school_year", year}, {"hours", n}});
    hours["total"] = t.total;
    hours["shortfall"] = t.shortfall;
  }
  hours["by_year"] = by_year;
  return Reply(Json{{"teacher", to_json(h->teacher)}, {"years", years}, {"changes", changes},
                    {"courses", courses}, {"hours", hours}});
}

}  // namespace

void add_training_routes(Router& router) {
  const std::string course = R"(/training/courses/(\d+))";
  router.get("/training/courses", list_courses_route);
  router.post("/training/courses", [](ApiCall& c) { return save_course_route(c, 0); });
  router.get(course, get_course_route);
  router.put(course, [](ApiCall& c) { return save_course_route(c, c.path_id()); });
  router.get(R"(/templates/training-roster\.xlsx)", template_route);
  router.get(course + "/roster", roster_reply);
  router.put(course + "/roster", save_roster_route);
  router.post(course + "/roster/import", releasing_memory(import_route));
  router.post(course + R"(/roster/errors\.xlsx)", releasing_memory(errors_route));
  router.get(course + R"(/roster\.xlsx)", roster_xlsx_route);
  router.get("/training/rates", rates_route);
  router.get("/training/rates/rows", rate_rows_route);
  router.get("/training/hours", hours_route);
  router.get(R"(/exports/training/behind\.xlsx)", behind_xlsx_route);
  router.get(R"(/teachers/(\d+)/history)", teacher_history_route);
}

}  // namespace edu
