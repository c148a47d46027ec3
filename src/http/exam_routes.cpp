// /exams…: exam quality monitoring (docs/API.md). Thin: parse, call the
// workflow or the report, render with http/exam_json (scoped to the caller).
#include <map>

#include "core/enums.h"
#include "exam/integrity_review.h"
#include "exam/text.h"
#include "http/exam_json.h"
#include "http/exam_report_cache.h"
#include "http/exam_request.h"
#include "http/json_sheet.h"
#include "http/json_input.h"
#include "http/kept_score_counts.h"
#include "http/list_filters.h"
#include "http/release_memory.h"
#include "http/routes.h"
#include "report/score_template.h"
#include "report/xlsx_table_writer.h"
#include "store/area_store.h"
#include "store/check_store.h"
#include "store/exam_store.h"
#include "store/head_teacher_store.h"
#include "workflow/exam_commands.h"
#include "workflow/exam_report.h"
#include "workflow/exam_score_import.h"

namespace edu {
namespace {

using namespace edu::exam;

Status forbidden() { return Status::Error("forbidden", "您的角色无权执行此操作"); }

Result<ExamViewer> viewer_of(ApiCall& call, const ExamRecord& exam) {
  ExamViewer v{call.who().scope, {}, {}, {}};
  if (v.scope.kind == Scope::Kind::kArea) {
    auto areas = list_areas(call.db, v.scope);
    if (!areas.ok()) return areas.status();
    for (const Area& a : *areas) v.areas.insert(a.id);
    auto schools = schools_within(call.db, v.scope.area_id);
    if (!schools.ok()) return schools.status();
    v.schools.insert(schools->begin(), schools->end());
    return v;
  }
  if (v.scope.kind != Scope::Kind::kHeadTeacher) return v;
  auto classes = teacher_exam_classes(call.db, exam, v.scope.teacher_id);
  if (!classes.ok()) return classes.status();
  v.classes = std::move(*classes);
  return v;
}

// The report of the exam in the path (kept per version of its data:
// http/exam_report_cache.h), and what the caller may see of it.
struct Viewed {
  KeptReport kept;
  const ExamReport& report;
  ExamViewer viewer;
};

Result<Viewed> viewed(ApiCall& call, Entity entity = Entity::kExam) {
  if (!allowed(call.who().user, Action::kRead, entity)) return forbidden();
  auto kept = call.app.exam_reports->get(call.db, call.path_id());
  if (!kept.ok()) return kept.status();
  auto viewer = viewer_of(call, kept->report->tables.exam);
  if (!viewer.ok()) return viewer.status();
  const ExamReport& shown = *kept->report;
  return Viewed{std::move(*kept), shown, std::move(*viewer)};
}

// The JSON `render` makes of the viewed report, rendered once per version of the
// report for this viewer and `key` (naming the piece), then sent as kept.
Result<Reply> kept_reply(const Viewed& v, const std::string& key, const std::function<Result<Json>()>& render) {
  auto body = v.kept.bodies->get(key + "@" + v.viewer.key(), render);
  if (!body.ok()) return body.status();
  return Reply(std::move(*body));
}

// Newest first; archived exams only with ?archived=1. Each with its imported
// scores per subject in the caller's scope ("scored": students with a score, not
// 缺考) and has_scores, so the page opens on the newest exam with data the caller
// may see (a school admin's: their own school's).
Result<Reply> list(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kExam)) return forbidden();
  const bool with_archived = call.query("archived") == "1";
  auto all = list_exams(call.db);
  if (!all.ok()) return all.status();
  std::vector<ExamRecord> exams;
  for (ExamRecord& e : *all)
    if (!e.archived || with_archived) exams.push_back(std::move(e));
  auto schools = school_ids_in(call.db, call.who().scope);
  if (!schools.ok()) return schools.status();
  auto scored = call.app.score_counts->scored(call.db, exams, *schools);
  if (!scored.ok()) return scored.status();
  Json items = Json::array();
  for (size_t i = 0; i < exams.size(); ++i) {
    Json j = exam_json(exams[i]);
    const std::vector<int64_t>& counts = (*scored)[i];
    j["scored"] = counts;
    j["has_scores"] = std::any_of(counts.begin(), counts.end(), [](int64_t n) { return n > 0; });
    items.push_back(std::move(j));
  }
  return Reply(Json{{"items", items}});
}

// POST /exams/{id}/archive {archived}: the bureau archives or restores an exam.
Result<Reply> archive(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader f(*body);
  const bool archived = f.boolean("archived", true);
  if (!f.status().ok()) return f.status();
  Status s = archive_exam_command(call.db, call.who(), call.path_id(), archived);
  if (!s.ok()) return s;
  auto exam = existing_exam(call.db, call.path_id());
  if (!exam.ok()) return exam.status();
  return Reply(Json{{"exam", exam_json(*exam)}});
}

// GET /my/classes (我的班级): a head teacher's own classes, newest year first, each
// with the exams whose roster covers it (ExamRecord::covers) — the exams in which
// the teacher sees the class's results. Other roles have no classes of their own.
Result<Reply> my_classes(ApiCall& call) {
  const Scope& scope = call.who().scope;
  if (!allowed(call.who().user, Action::kRead, Entity::kExam) || scope.kind != Scope::Kind::kHeadTeacher)
    return Status::Error("forbidden", "“我的班级”仅供班主任(教师账号)查看");
  auto classes = head_teacher_classes(call.db, scope.teacher_id);
  if (!classes.ok()) return classes.status();
  auto exams = list_exams(call.db);
  if (!exams.ok()) return exams.status();
  Json items = Json::array();
  for (const HeadTeacherClass& c : *classes) {
    Json covering = Json::array();
    for (const ExamRecord& e : *exams)
      if (!e.archived && e.covers(c.school_year, c.grade))
        covering.push_back({{"id", e.id}, {"name", e.name}, {"date", e.date.iso()}});
    items.push_back({{"id", c.id},
                     {"name", c.name},
                     {"school_year", c.school_year},
                     {"section", c.section},
                     {"grade", c.grade},
                     {"grade_label", grade_label(c.section, c.grade)},
                     {"school_id", c.school_id},
                     {"school_name", c.school_name},
                     {"students", c.students},
                     {"exams", covering}});
  }
  return Reply(Json{{"classes", items}});
}

Result<Reply> create(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  auto exam = exam_from_json(*body);
  if (!exam.ok()) return exam.status();
  auto id = create_exam_command(call.db, call.who(), std::move(*exam));
  if (!id.ok()) return id.status();
  auto saved = find_exam(call.db, *id);
  if (!saved.ok()) return saved.status();
  return Reply(201, Json{{"exam", exam_json(**saved)}});
}

Result<Reply> show(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kExam)) return forbidden();
  auto exam = find_exam(call.db, call.path_id());
  if (!exam.ok()) return exam.status();
  if (!*exam) return Status::Error("not_found", "考试不存在");
  return Reply(Json{{"exam", exam_json(**exam)}});
}

// GET /exams/{id}/results?level as the caller sees it; `piece` selects part of
// it (http/exam_json.h), read from the query when `paged`.
struct ResultsQuery {
  Level level = Level::kSchool;
  ResultsPiece piece;
  // The query's key among the report's rendered pieces.
  std::string key() const {
    return std::string("results/") + level_key(level) + "/" +
           (piece.column ? std::to_string(*piece.column) : "all") + "/" + std::to_string(piece.township_id) + "/" +
           std::to_string(piece.school_id) + "/" + std::to_string(piece.page) + "/" + std::to_string(piece.size);
  }
};

Result<ResultsQuery> results_query(ApiCall& call, bool paged) {
  ResultsQuery q;
  const std::string key = call.query("level");
  if (!key.empty() && !parse_level(key, q.level))
    return Status::Error("validation", "level 须为 county、township、school、class 或 teacher", "level");
  if (!paged) return q;
  ResultsPiece& piece = q.piece;
  auto column = call.query_int("column");
  auto township = call.query_int("township_id");
  auto school = call.query_int("school_id");
  for (const auto* r : {&column, &township, &school})
    if (!r->ok()) return r->status();
  piece.township_id = township->value_or(0);
  piece.school_id = school->value_or(0);
  // A class or teacher level is always paged: a city's whole class level is 16 MB.
  if (q.level == Level::kClass || q.level == Level::kTeacher || !call.query("page").empty()) {
    auto page = call.page();
    if (!page.ok()) return page.status();
    piece.page = page->page;
    piece.size = page->size;
  }
  if (*column) {
    if (**column < 0) return Status::Error("bad_request", "column 应为科目序号(从0开始)", "column");
    piece.column = static_cast<size_t>(**column);
  }
  return q;
}

// An exam over more schools than this gives its school level of every column in
// pages: each school is 2–5 KB of JSON (a city's 400 are 1.8 MB, a province's
// 2,000 were 4.6 MB). One column stays whole.
constexpr size_t kUnpagedSchools = 400;

// Each piece rendered once per report version and viewer (a city's school level is
// 1.8 MB of JSON: rendering it per request made the tail of the exam pages).
Result<Reply> results(ApiCall& call) {
  auto q = results_query(call, true);
  if (!q.ok()) return q.status();
  auto v = viewed(call);
  if (!v.ok()) return v.status();
  if (q->level == Level::kSchool && !q->piece.column && q->piece.page == 0 &&
      v->report.tables.schools.size() > kUnpagedSchools) {
    q->piece.page = 1;
    q->piece.size = PageRequest::kMaxPageSize;
  }
  if (q->piece.column && *q->piece.column > v->report.tables.exam.subjects.size())
    return Status::Error("bad_request", "column 超出本次考试的科目数", "column");
  return kept_reply(*v, q->key(), [&]() -> Result<Json> {
    return results_json(v->report, q->level, v->viewer, q->piece);
  });
}

// The results as a sheet: a row per group shown, per subject (and 总分) its
// 应考/实考/参考率 and 三率一分, 综合得分 and 名次.
Result<Reply> results_xlsx(ApiCall& call) {
  auto q = results_query(call, false);
  if (!q.ok()) return q.status();
  auto v = viewed(call);
  if (!v.ok()) return v.status();
  const Json j = results_json(v->report, q->level, v->viewer);
  static const std::map<std::string, std::string> kLevelNames = {
      {"county", "全县"}, {"township", "乡镇"}, {"school", "学校"}, {"class", "班级"}, {"teacher", "教师"}};
  const std::string level = kLevelNames.at(j["level"]);
  JsonSheet sheet{level, {{level, "/name"}}, j["groups"]};
  if (j["level"] == "school") sheet.columns.push_back({"乡镇", "/township"});
  if (j["level"] == "class") sheet.columns.push_back({"学校", "/school"});
  const std::pair<const char*, const char*> stats[] = {
      {"应考", "expected"}, {"实考", "sat"},           {"参考率", "participation"},
      {"平均分", "mean"},   {"优秀率", "excellent_rate"}, {"及格率", "pass_rate"},
      {"低分率", "low_rate"}, {"综合得分", "composite"}, {"名次", "rank"}};
  for (size_t k = 0; k < j["columns"].size(); ++k)
    for (const auto& [header, key] : stats)
      sheet.columns.push_back({j["columns"][k]["subject"].get<std::string>() + header,
                               "/columns/" + std::to_string(k) + "/" + key, ColumnType::kNumber});
  auto name = scoped_file_name(call, j["exam"]["name"].get<std::string>() + "-成绩(" + level + ")");
  if (!name.ok()) return name.status();
  return file_reply(*name, [&](const std::string& path) { return write_json_sheets(path, {sheet}); });
}

Result<Reply> student(ApiCall& call) {
  auto v = viewed(call);
  if (!v.ok()) return v.status();
  Json j = student_json(v->report, call.path_id(2));
  const bool visible = !j.is_null() &&
                       (v->viewer.scope.kind == Scope::Kind::kHeadTeacher
                            ? v->viewer.classes.count(j["class_id"].get<int64_t>()) > 0
                            : v->viewer.sees_school_id(v->report.tables, j["school_id"].get<int64_t>()));
  if (!visible) return Status::Error("not_found", "该学生不在本次考试中或不在您的管辖范围内");
  return Reply(j);
}

// GET /exams/{id}/candidates?q=: 学生报告's search among the caller's candidates,
// by name prefix or (roles that may see full ID numbers) ID-number prefix.
Result<Reply> candidates(ApiCall& call) {
  std::string name, id_number;
  if (Status s = read_person_query(call, Entity::kStudent, name, id_number); !s.ok()) return s;
  if (name.empty() && id_number.empty())
    return Status::Error("validation", "请输入学生姓名或身份证号", "q");
  if (name.size() > 64 || id_number.size() > 19)
    return Status::Error("validation", "查询内容过长:姓名或身份证号(前几位)即可", "q");
  auto v = viewed(call);
  if (!v.ok()) return v.status();
  return Reply(candidates_json(v->report, v->viewer, name, id_number, 20));
}

// GET /exams/{id}/template.xlsx: 成绩模板 with the rows of the caller's candidates
// (a school administrator: their school's; the bureau: every school's).
Result<Reply> score_template(ApiCall& call) {
  if (!allowed(call.who().user, Action::kCreate, Entity::kExamScores)) return forbidden();
  auto exam = existing_exam(call.db, call.path_id());
  if (!exam.ok()) return exam.status();
  ExamTables tables;
  tables.exam = *exam;
  auto roster = load_roster(call.db, *exam);
  if (!roster.ok()) return roster.status();
  tables.roster = std::move(*roster);
  auto viewer = viewer_of(call, *exam);
  if (!viewer.ok()) return viewer.status();
  auto codes = school_ids_by_code(call.db);
  if (!codes.ok()) return codes.status();
  std::unordered_map<int64_t, std::string> code_of;
  for (const auto& [code, id] : *codes) code_of[id] = code;
  std::vector<report::ScoreTemplateRow> rows;
  for (size_t i = 0; i < tables.roster.size(); ++i) {
    const RosterEntry& e = tables.roster[i];
    if (e.exempt || !viewer->sees_candidate(tables, i)) continue;
    rows.push_back({code_of[e.school_id], e.student_no, e.name});
  }
  return file_reply(exam->name + "-成绩模板.xlsx", [&](const std::string& path) {
    return report::write_score_template(path, *exam, rows);
  });
}

Result<Reply> absentees(ApiCall& call) {
  auto v = viewed(call);
  if (!v.ok()) return v.status();
  return kept_reply(*v, "absentees", [&]() -> Result<Json> {
    return Json{{"exam_id", call.path_id()}, {"schools", absentees_json(v->report, v->viewer)}};
  });
}

Result<Reply> items(ApiCall& call) {
  auto v = viewed(call);
  if (!v.ok()) return v.status();
  return kept_reply(*v, "items", [&]() -> Result<Json> { return items_json(v->report, v->viewer); });
}

Result<Reply> value_added_route(ApiCall& call) {
  auto v = viewed(call);
  if (!v.ok()) return v.status();
  return kept_reply(*v, "value-added", [&]() -> Result<Json> { return value_added_json(v->report, v->viewer); });
}

Result<Reply> integrity(ApiCall& call) {
  auto v = viewed(call, Entity::kExamIntegrity);
  if (!v.ok()) return v.status();
  auto reviews = load_flag_reviews(call.db, call.path_id());
  if (!reviews.ok()) return reviews.status();
  return Reply(integrity_json(v->report, v->viewer, *reviews));
}

// PUT /exams/{id}/integrity/reviews {key, reviewed}: the bureau marks a flag of
// the current report 已核查 (or takes the mark back).
Result<Reply> review_flag(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader f(*body);
  const std::string key = f.text("key");
  const bool reviewed = f.boolean("reviewed", true);
  if (!f.status().ok()) return f.status();
  if (!allowed(call.who().user, Action::kUpdate, Entity::kExamIntegrity)) return forbidden();
  auto v = viewed(call, Entity::kExamIntegrity);
  if (!v.ok()) return v.status();
  const bool known = std::any_of(v->report.flags.begin(), v->report.flags.end(), [&](const IntegrityFlag& x) {
    return flag_key(x, x.school >= 0 ? v->report.input.units.schools[x.school].id : 0) == key;
  });
  if (!known) return Status::Error("not_found", "本次考试的诚信报告中没有该条异常", "key");
  Status s = review_flag_command(call.db, call.who(), call.path_id(), key, reviewed);
  if (!s.ok()) return s;
  return Reply(Json{{"key", key}, {"reviewed", reviewed}});
}

// 诚信报告 as a sheet: each flag the caller may see, with its evidence.
Result<Reply> integrity_xlsx(ApiCall& call) {
  auto v = viewed(call, Entity::kExamIntegrity);
  if (!v.ok()) return v.status();
  auto reviews = load_flag_reviews(call.db, call.path_id());
  if (!reviews.ok()) return reviews.status();
  Json flags = integrity_json(v->report, v->viewer, *reviews)["flags"];
  for (Json& f : flags) {
    std::string evidence;
    for (const auto& [name, value] : f["evidence"].items())
      evidence += (evidence.empty() ? "" : ";") + name + "=" + ingest::number_text(value.get<double>());
    f["evidence_text"] = evidence;
  }
  JsonSheet sheet{"诚信报告",
                  {{"类型", "/kind_label"}, {"学校", "/school"}, {"科目", "/subject"},
                   {"严重程度", "/severity_label"}, {"说明", "/message"}, {"依据", "/evidence_text"}},
                  flags};
  auto name = scoped_file_name(call, v->report.tables.exam.name + "-诚信报告");
  if (!name.ok()) return name.status();
  return file_reply(*name, [&](const std::string& path) { return write_json_sheets(path, {sheet}); });
}

struct Rewarded {
  Viewed viewed;
  std::vector<RewardRule> rules;
  std::vector<Award> awards;
};

// The awards `rules` give on the viewed report.
Result<Rewarded> rewarded(Viewed v, std::vector<RewardRule> rules) {
  auto awards = compute_awards(rules, v.report.analysis);
  if (!awards.ok()) return awards.status();
  return Rewarded{std::move(v), std::move(rules), std::move(*awards)};
}

// The stored rules of the exam in the path, and their awards.
Result<Rewarded> rewarded(ApiCall& call) {
  auto v = viewed(call);
  if (!v.ok()) return v.status();
  auto rules = load_reward_rules(call.db, call.path_id());
  if (!rules.ok()) return rules.status();
  return rewarded(std::move(*v), std::move(*rules));
}

Reply rewards_reply(const Rewarded& r) {
  Json list = Json::array();
  for (const RewardRule& rule : r.rules) list.push_back(rule_json(rule));
  return Reply(Json{{"rules", list}, {"awards", awards_json(r.viewed.report, r.awards, r.viewed.viewer)}});
}

Result<Reply> rewards(ApiCall& call) {
  auto r = rewarded(call);
  if (!r.ok()) return r.status();
  return rewards_reply(*r);
}

// The awards as a sheet: who, points, and the working of every rule.
Result<Reply> rewards_xlsx(ApiCall& call) {
  auto r = rewarded(call);
  if (!r.ok()) return r.status();
  const Json awards = awards_json(r->viewed.report, r->awards, r->viewed.viewer);
  const std::string name = r->viewed.report.tables.exam.name + "-奖励.xlsx";
  return file_reply(name, [&](const std::string& path) -> Status {
    auto w = report::XlsxTableWriter::create(path, "奖励",
                                             {{.key = "level", .header = "对象"},
                                              {.key = "name", .header = "名称"},
                                              {.key = "points", .header = "得分", .type = ColumnType::kNumber},
                                              {.key = "working", .header = "计算过程"}});
    if (!w.ok()) return w.status();
    for (const Json& a : awards) {
      std::string working;
      for (const Json& l : a["lines"])
        working += (working.empty() ? "" : ";") + l["rule"].get<std::string>() + ":" + l["working"].get<std::string>();
      Status s = (*w)->add_row({a["level"] == "teacher" ? "教师" : "学校", a["name"],
                                ingest::number_text(a["points"].get<double>()), working});
      if (!s.ok()) return s;
    }
    return (*w)->close();
  });
}

Result<Reply> put_rewards(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  auto rules = rules_from_json(*body);
  if (!rules.ok()) return rules.status();
  auto v = viewed(call);
  if (!v.ok()) return v.status();
  for (const RewardRule& r : *rules)
    if (Status s = check_rule(r, v->report.analysis); !s.ok()) return s;
  Status s = set_reward_rules(call.db, call.who(), call.path_id(), *rules);
  if (!s.ok()) return s;
  auto r = rewarded(std::move(*v), std::move(*rules));
  if (!r.ok()) return r.status();
  return rewards_reply(*r);
}

// The exam's 免考 (asked and decided as 免考申请 cases, /cases). Needs the
// exam's units (to scope), not its analysis.
Result<Reply> exemptions(ApiCall& call) {
  auto v = viewed(call);  // the kept report's tables: no reload of the exam's scores
  if (!v.ok()) return v.status();
  auto list = list_exemptions(call.db, call.path_id());
  if (!list.ok()) return list.status();
  Json items = Json::array();
  for (const ExemptionView& x : *list) {
    if (!v->viewer.sees_school_id(v->report.tables, x.school_id)) continue;
    items.push_back({{"id", x.record.id}, {"student_id", x.record.student_id}, {"student", x.student_name},
                     {"school_id", x.school_id}, {"school", x.school_name}, {"subject", x.record.subject},
                     {"reason", x.record.reason}, {"status", x.record.status}});
  }
  return Reply(Json{{"items", items}});
}

Json import_json(const ScoreImport& s) {
  Json problems = Json::array();
  for (const ScoreCellProblem& p : s.problems)
    problems.push_back({{"row", p.row}, {"column", p.column}, {"value", p.value}, {"message", p.message}});
  Json j{{"file_name", s.file_name}, {"rows", s.rows.size()}, {"counted", s.reconciliation.counted()},
         {"import_id", s.import_id ? Json(s.import_id) : Json(nullptr)}, {"problems", problems}};
  j.update(reconciliation_json(s));
  return j;
}

Result<Reply> scores(ApiCall& call, bool commit) {
  if (!call.request.has_file("file"))
    return Status::Error("bad_request", "请以 multipart/form-data 上传成绩表(字段名 file)", "file");
  const auto file = call.request.get_file_value("file");
  auto sheet = commit ? commit_score_import(call.db, call.who(), call.path_id(), file.filename, file.content)
                      : preview_score_import(call.db, call.who(), call.path_id(), file.filename, file.content);
  if (!sheet.ok()) return sheet.status();
  return Reply(commit ? 201 : 200, import_json(*sheet));
}

}  // namespace

void add_exam_routes(Router& router) {
  router.get("/exams", list);
  router.get("/my/classes", my_classes);
  router.post("/exams", create);
  router.post(R"(/exams/(\d+)/archive)", archive);
  router.get(R"(/exams/(\d+)/candidates)", candidates);
  router.get(R"(/exams/(\d+)/template\.xlsx)", score_template);
  router.put(R"(/exams/(\d+)/integrity/reviews)", review_flag);
  router.get(R"(/exams/(\d+))", show);
  router.get(R"(/exams/(\d+)/results)", results);
  router.get(R"(/exams/(\d+)/results\.xlsx)", results_xlsx);
  router.get(R"(/exams/(\d+)/students/(\d+))", student);
  router.get(R"(/exams/(\d+)/absentees)", absentees);
  router.get(R"(/exams/(\d+)/items)", items);
  router.get(R"(/exams/(\d+)/value-added)", value_added_route);
  router.get(R"(/exams/(\d+)/integrity)", integrity);
  router.get(R"(/exams/(\d+)/integrity\.xlsx)", integrity_xlsx);
  router.get(R"(/exams/(\d+)/rewards)", rewards);
  router.put(R"(/exams/(\d+)/rewards)", put_rewards);
  router.get(R"(/exams/(\d+)/rewards\.xlsx)", rewards_xlsx);
  router.get(R"(/exams/(\d+)/exemptions)", exemptions);
  router.post(R"(/exams/(\d+)/scores/preview)", releasing_memory([](ApiCall& c) { return scores(c, false); }));
  router.post(R"(/exams/(\d+)/scores/commit)", releasing_memory([](ApiCall& c) { return scores(c, true); }));
}

}  // namespace edu
