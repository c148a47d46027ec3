// /exams through the real server: set up an exam, import a score sheet with
// its reconciliation (缺考, 附读/外校, duplicates, bad cells), results scoped
// to the caller, exemptions and rewards.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "api_server_fixture.h"
#include "cli/demo_exams.h"
#include "cli/demo_users.h"
#include "demo/generator.h"
#include "own_server.h"
#include "store/registers_loader.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }

struct ExamSetup {
  int64_t exam = 0;
  std::vector<std::pair<std::string, std::string>> own;  // 学籍号, 姓名 of the own school's candidates
  std::string own_code;
  ExamSetup() {
    Login admin = server().login("admin");
    const auto& l = server().landmarks();
    auto r = server().call("POST", "/exams", &admin,
                           json{{"name", "期末质量监测"}, {"date", "2026-12-20"}, {"grade", l.own_class_grade},
                                {"absent_policy", "exclude"},
                                {"subjects", json::array({json{{"name", "语文"}, {"full_marks", 120}},
                                                          json{{"name", "数学"}, {"full_marks", 120}}})}});
    EXPECT_EQ(r.status, 201) << r.body.dump();
    exam = r.body["exam"]["id"];
    own_code = server().call("GET", "/schools/" + std::to_string(l.own_school), &admin).body["school"]["code"];
    auto students = server().call("GET", "/students?size=200&school_id=" + std::to_string(l.own_school) +
                                             "&grade=" + std::to_string(l.own_class_grade) + "&status=在读", &admin);
    Login school = server().login("school_admin");
    for (const auto& s : students.body["items"]) {
      auto full = server().call("GET", "/students/" + std::to_string(s["id"].get<int64_t>()) + "/id-number", &school);
      own.push_back({"G" + full.body["id_number"].get<std::string>(), s["name"].get<std::string>()});
    }
  }
};

const ExamSetup& setup() {
  static ExamSetup s;
  return s;
}

std::string sheet(const std::vector<std::string>& lines) {
  std::string out = "学籍号,姓名,语文,数学\n";
  for (const auto& l : lines) out += l + "\n";
  return out;
}

TEST(ExamApi, ScoreImportNamesMissingOutsidersDuplicatesAndBadCells) {
  const ExamSetup& s = setup();
  ASSERT_GE(s.own.size(), 3u);
  Login school = server().login("school_admin");
  const std::string path = "/exams/" + std::to_string(s.exam) + "/scores/";
  std::vector<std::string> lines;
  for (size_t i = 1; i < s.own.size(); ++i)  // the first candidate is left out
    lines.push_back(s.own[i].first + "," + s.own[i].second + ",96.5,缺考");
  lines.push_back(s.own[1].first + "," + s.own[1].second + ",90,90");  // scored twice
  lines.push_back("G430521000000000000,陌生人,80,80");                  // not in the register
  auto preview = server().upload(path + "preview", &school, "scores.csv", sheet(lines));
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  EXPECT_EQ(preview.body["missing"].size(), 1u);
  EXPECT_EQ(preview.body["missing"][0]["name"], s.own[0].second);
  ASSERT_EQ(preview.body["outsiders"].size(), 1u);
  EXPECT_EQ(preview.body["outsiders"][0]["kind"], "外校/不在册");
  ASSERT_EQ(preview.body["duplicates"].size(), 1u);
  EXPECT_EQ(preview.body["duplicates"][0]["name"], s.own[1].second);

  lines.push_back(s.own[2].first + "," + s.own[2].second + ",60.3,130");
  auto bad = server().upload(path + "commit", &school, "scores.csv", sheet(lines));
  EXPECT_EQ(bad.status, 409) << bad.body.dump();
  EXPECT_NE(bad.body["message"].get<std::string>().find("须为 0.5 的整数倍"), std::string::npos) << bad.body.dump();
  lines.pop_back();
  auto ok = server().upload(path + "commit", &school, "scores.csv", sheet(lines));
  ASSERT_EQ(ok.status, 201) << ok.body.dump();

  auto results = server().call("GET", "/exams/" + std::to_string(s.exam) + "/results?level=school", &school);
  ASSERT_EQ(results.status, 200);
  ASSERT_EQ(results.body["groups"].size(), 1u);  // a school admin sees their own school only
  const json& chinese = results.body["groups"][0]["columns"][0];
  EXPECT_EQ(chinese["expected"], static_cast<int64_t>(s.own.size()));
  EXPECT_EQ(chinese["sat"], static_cast<int64_t>(s.own.size() - 1));
  EXPECT_EQ(results.body["groups"][0]["columns"][1]["sat"], 0);  // 数学: the counted row of a duplicate is the first
}

TEST(ExamApi, ScoresPerItemWithChosenOptions) {
  const ExamSetup& s = setup();
  Login admin = server().login("admin"), school = server().login("school_admin");
  auto created = server().call(
      "POST", "/exams", &admin,
      json{{"name", "英语小题"}, {"date", "2026-12-21"}, {"grade", server().landmarks().own_class_grade},
           {"subjects", json::array({json{{"name", "英语"}, {"full_marks", 4},
                                          {"items", json::array({json{{"label", "1"}, {"full_marks", 2}, {"key", "A"}},
                                                                 json{{"label", "2"}, {"full_marks", 2}}})}}})}});
  ASSERT_EQ(created.status, 201) << created.body.dump();
  const std::string base = "/exams/" + std::to_string(created.body["exam"]["id"].get<int64_t>());
  auto none = server().call("GET", base + "/items", &admin);  // nothing imported: no item figures (not zeros)
  EXPECT_TRUE(none.body["subjects"].empty()) << none.body.dump();
  std::string csv = "学籍号,姓名,英语,英语-1,英语_2\n";
  csv += s.own[0].first + "," + s.own[0].second + ",,A,1.5\n";  // 2 + 1.5
  csv += s.own[1].first + "," + s.own[1].second + ",2,B,2\n";    // 0 + 2, total given and equal
  auto mismatch = server().upload(base + "/scores/preview", &school, "items.csv",
                                  csv + s.own[2].first + "," + s.own[2].second + ",4,B,2\n");
  ASSERT_EQ(mismatch.status, 200);
  ASSERT_EQ(mismatch.body["problems"].size(), 1u);
  EXPECT_NE(mismatch.body["problems"][0]["message"].get<std::string>().find("与各小题之和 2 不一致"), std::string::npos);
  auto ok = server().upload(base + "/scores/commit", &school, "items.csv", csv);
  ASSERT_EQ(ok.status, 201) << ok.body.dump();
  auto items = server().call("GET", base + "/items", &admin);
  ASSERT_EQ(items.status, 200);
  ASSERT_EQ(items.body["subjects"].size(), 1u);
  const json& english = items.body["subjects"][0];
  EXPECT_EQ(english["rows"], 2);
  EXPECT_DOUBLE_EQ(english["items"][0]["difficulty"].get<double>(), 0.5);    // one of two chose the key
  EXPECT_DOUBLE_EQ(english["items"][1]["difficulty"].get<double>(), 0.875);  // (1.5 + 2) / 2 / 2
  auto results = server().call("GET", base + "/results?level=county", &admin);
  EXPECT_DOUBLE_EQ(results.body["groups"][0]["columns"][0]["max"].get<double>(), 3.5);
}

// An exam's analysis is kept (http/exam_report_cache.h); a change to the
// registers it names — here a school's name — is seen by the next request.
TEST(ExamApi, KeptReportsFollowTheRegisters) {
  const ExamSetup& s = setup();
  Login admin = server().login("admin");
  const std::string results = "/exams/" + std::to_string(s.exam) + "/results?level=school";
  const std::string school_path = "/schools/" + std::to_string(server().landmarks().own_school);
  auto name_in_results = [&]() {
    json body = server().call("GET", results, &admin).body;
    std::vector<std::string> names;
    for (const json& g : body["groups"]) names.push_back(g["name"]);
    return names;
  };
  json school = server().call("GET", school_path, &admin).body["school"];
  const std::string before = school["name"];
  const auto first = name_in_results();
  ASSERT_NE(std::find(first.begin(), first.end(), before), first.end());
  EXPECT_EQ(name_in_results(), first);  // kept: the same answer
  json renamed = school;
  renamed["name"] = before + "(新址)";
  ASSERT_EQ(server().call("PUT", school_path, &admin, renamed).status, 200);
  const auto second = name_in_results();
  EXPECT_NE(std::find(second.begin(), second.end(), before + "(新址)"), second.end());
  ASSERT_EQ(server().call("PUT", school_path, &admin, school).status, 200);
  const auto third = name_in_results();
  EXPECT_NE(std::find(third.begin(), third.end(), before), third.end());
}

TEST(ExamApi, ClassesAndTeachersAreScopedToTheCaller) {
  const ExamSetup& s = setup();
  const std::string results = "/exams/" + std::to_string(s.exam) + "/results?level=";
  Login teacher = server().login("teacher");
  auto classes = server().call("GET", results + "class", &teacher);
  ASSERT_EQ(classes.status, 200);
  ASSERT_GE(classes.body["groups"].size(), 1u);
  for (const json& g : classes.body["groups"])  // the teacher heads own_class; other classes stay hidden
    EXPECT_EQ(g["id"], server().landmarks().own_class) << g.dump().substr(0, 200);
  auto teachers = server().call("GET", results + "teacher", &teacher);
  for (const json& g : teachers.body["groups"]) EXPECT_EQ(g["id"], server().landmarks().own_teacher);
  auto county = server().call("GET", results + "county", &teacher);
  EXPECT_EQ(county.body["groups"].size(), 1u);  // the county row, the benchmark for everyone

  Login officer = server().login("officer"), admin = server().login("admin");
  const size_t all = server().call("GET", results + "school", &admin).body["groups"].size();
  const size_t area = server().call("GET", results + "school", &officer).body["groups"].size();
  EXPECT_GE(all, area);
  EXPECT_GE(area, 1u);
}

// A piece is rendered once per report version and viewer (http/rendered_bodies.h):
// after the bureau's request, a school admin and a teacher asking for the very same
// piece still see only their own school and class, and the bureau its own again.
TEST(ExamApi, KeptPiecesAreTheCallers) {
  const ExamSetup& s = setup();
  const Landmarks& l = server().landmarks();
  Login admin = server().login("admin"), school = server().login("school_admin"),
        teacher = server().login("teacher");
  const std::string own_name =
      server().call("GET", "/schools/" + std::to_string(l.own_school), &admin).body["school"]["name"];
  for (const std::string level : {"school", "class"}) {
    const std::string path = "/exams/" + std::to_string(s.exam) + "/results?level=" + level;
    auto all = server().call("GET", path, &admin);
    ASSERT_EQ(all.status, 200) << all.body.dump();
    ASSERT_GT(all.body["groups"].size(), 1u) << level;
    auto own = server().call("GET", path, &school);
    ASSERT_EQ(own.status, 200);
    ASSERT_GE(own.body["groups"].size(), 1u) << level;
    for (const json& g : own.body["groups"])  // a school's row, or its classes (named with the school)
      EXPECT_EQ(level == "school" ? g["name"] : g["school"], own_name) << level;
    auto mine = server().call("GET", path, &teacher);
    ASSERT_EQ(mine.status, 200);
    ASSERT_GE(mine.body["groups"].size(), 1u) << level;
    for (const json& g : mine.body["groups"]) EXPECT_EQ(g["id"], level == "school" ? l.own_school : l.own_class);
    EXPECT_EQ(server().call("GET", path, &admin).body, all.body);
  }
}

// 我的班级: the teacher's own classes with their 在校生 (counted by hand from the
// enrolments), each listing exactly the exams whose roster covers it: an exam of
// the class's grade and year is listed (and its class results show that class),
// one of another grade is not (its class results do not hold the class).
TEST(ExamApi, MyClassesListsTheExamsCoveringEachClass) {
  const Landmarks& l = server().landmarks();
  Login admin = server().login("admin"), teacher = server().login("teacher");
  auto make = [&](const std::string& name, int grade) {
    json exam = {{"name", name}, {"date", "2026-12-20"}, {"grade", grade},
                 {"subjects", json::array({json{{"name", "语文"}}})}};
    return server().call("POST", "/exams", &admin, exam).body["exam"]["id"].get<int64_t>();
  };
  const int64_t covering = make("我的班级-本年级", l.own_class_grade);
  const int64_t other = make("我的班级-他年级", l.own_class_grade == 9 ? 8 : l.own_class_grade + 1);
  auto mine = server().call("GET", "/my/classes", &teacher);
  ASSERT_EQ(mine.status, 200) << mine.body.dump();
  EXPECT_EQ(mine.body["classes"].size(),
            static_cast<size_t>(server().count("classes WHERE head_teacher_id = " + std::to_string(l.own_teacher))));
  json own;
  for (const json& c : mine.body["classes"])
    if (c["id"] == l.own_class) own = c;
  ASSERT_TRUE(own.is_object());
  EXPECT_EQ(own["grade"], l.own_class_grade);
  EXPECT_EQ(own["students"], server().count("enrolments WHERE class_id = " + std::to_string(l.own_class) +
                                            " AND status IN ('在读', '毕业')"));
  std::set<int64_t> listed;
  for (const json& e : own["exams"]) listed.insert(e["id"].get<int64_t>());
  EXPECT_TRUE(listed.count(covering));
  EXPECT_FALSE(listed.count(other));
  auto class_ids = [&](int64_t exam) {
    std::set<int64_t> ids;
    auto r = server().call("GET", "/exams/" + std::to_string(exam) + "/results?level=class", &teacher);
    for (const json& g : r.body["groups"]) ids.insert(g["id"].get<int64_t>());
    return ids;
  };
  EXPECT_TRUE(class_ids(covering).count(l.own_class));
  EXPECT_FALSE(class_ids(other).count(l.own_class));  // (classes the teacher teaches in it may show)
  // (the access matrix covers the inspector, whom the Auth tests lock out of this server)
  for (const char* role : {"admin", "officer", "school_admin"}) {
    Login who = server().login(role);
    EXPECT_EQ(server().call("GET", "/my/classes", &who).status, 403) << role;
  }
}

// Subject names and item labels meet the text rule of every field (core/text_field.h),
// and a wrongly typed item key is a 400, not a failure of the server.
TEST(ExamApi, SubjectAndItemTextsAreCheckedLikeEveryField) {
  Login admin = server().login("admin");
  auto exam_with = [&](const json& subject) {
    return server().call("POST", "/exams", &admin,
                         json{{"name", "文本检查"}, {"date", "2026-12-22"}, {"grade", server().landmarks().own_class_grade},
                              {"subjects", json::array({subject})}});
  };
  const int64_t exams = server().count("exams");
  auto r = exam_with(json{{"name", std::string("数\0学", 4)}, {"full_marks", 100}});
  EXPECT_EQ(r.status, 422) << r.body.dump();
  EXPECT_EQ(r.body.value("field", ""), "name");
  r = exam_with(json{{"name", "英语"}, {"items", json::array({json{{"label", std::string(101, 'x')}}})}});
  EXPECT_EQ(r.status, 422) << r.body.dump();
  EXPECT_EQ(r.body.value("field", ""), "label");
  r = exam_with(json{{"name", "英语"}, {"items", json::array({json{{"label", "1"}, {"key", 7}}})}});
  EXPECT_EQ(r.status, 400) << r.body.dump();
  EXPECT_EQ(r.body.value("field", ""), "key");
  r = exam_with(json{{"name", "  英语  "}, {"full_marks", 100}});
  ASSERT_EQ(r.status, 201) << r.body.dump();
  EXPECT_EQ(r.body["exam"]["subjects"][0]["name"], "英语");
  EXPECT_EQ(server().count("exams"), exams + 1);
}

}  // namespace
}  // namespace edu::apitest

namespace edu::apitest {
namespace {

// Every write to an exam is in the audit log: its creation, each committed
// score sheet, an exemption requested and its decision — named in Chinese.
TEST(ExamApi, ExamWritesAreAudited) {
  const ExamSetup& s = setup();
  Login admin = server().login("admin"), school = server().login("school_admin");
  const std::string exam = std::to_string(s.exam);
  EXPECT_EQ(server().count("audit_log WHERE action = 'create' AND entity = 'exam' AND entity_id = " + exam), 1);
  const int64_t imports = server().count("audit_log WHERE action = 'import' AND entity = 'exam_scores' AND entity_id = " + exam);
  auto ok = server().upload("/exams/" + exam + "/scores/commit", &school, "scores.csv",
                            sheet({s.own[3].first + "," + s.own[3].second + ",88,90"}));
  ASSERT_EQ(ok.status, 201) << ok.body.dump();
  EXPECT_EQ(server().count("audit_log WHERE action = 'import' AND entity = 'exam_scores' AND entity_id = " + exam),
            imports + 1);

  // The school asks (a 免考申请 case with its evidence), the bureau approves: the exemption's entry.
  auto students = server().call("GET", "/students?size=1&school_id=" + std::to_string(server().landmarks().own_school) +
                                           "&grade=" + std::to_string(server().landmarks().own_class_grade) +
                                           "&status=在读", &admin);
  const int64_t student = students.body["items"][0]["id"];
  const int64_t evidence = server().upload("/cases/attachments", &school, "诊断证明.pdf", "%PDF-1.4\n%%EOF\n").body["id"];
  auto asked = server().call("POST", "/cases", &school,
                             {{"kind", "exemption"}, {"student_id", student}, {"exam_id", s.exam}, {"subject", "数学"},
                              {"reason", "骨折住院"}, {"evidence", evidence}});
  ASSERT_EQ(asked.status, 201) << asked.body.dump();
  const std::string case_id = std::to_string(asked.body["case"]["id"].get<int64_t>());
  ASSERT_EQ(server().call("POST", "/cases/" + case_id + "/actions/approve", &admin, json::object()).status, 200);
  const int64_t id = std::stoll(server().texts("SELECT MAX(id) FROM exam_exemptions WHERE exam_id = " + exam +
                                               " AND student_id = " + std::to_string(student)).at(0));
  Reply log = server().call("GET", "/audit?entity=exam_exemption&size=50", &admin);
  int found = 0;
  for (const json& row : log.body["items"]) {
    if (row["entity_id"] != id) continue;
    ++found;
    EXPECT_EQ(row["entity_label"], "免考");
    for (const json& c : row["changes"])
      if (c["field"] == "decision") EXPECT_EQ(c["new"], "已批准");
  }
  EXPECT_EQ(found, 1);
}

// /exams counts the scores the caller may see: an exam scored only at another
// school is 未导入成绩 for a school admin (质量监测 then opens on one of theirs).
TEST(ExamApi, ScoresAreCountedInTheCallersScope) {
  Login admin = server().login("admin"), school = server().login("school_admin");
  const auto& l = server().landmarks();
  const json student = server().call("GET", "/students/" + std::to_string(l.rural_student), &admin).body["student"];
  auto r = server().call("POST", "/exams", &admin,
                         json{{"name", "乡村学校单独考试"}, {"date", "2026-12-21"}, {"grade", student["grade"]},
                              {"subjects", json::array({json{{"name", "数学"}, {"full_marks", 100}}})}});
  ASSERT_EQ(r.status, 201) << r.body.dump();
  const int64_t exam = r.body["exam"]["id"];
  const std::string code =
      server().call("GET", "/schools/" + std::to_string(l.rural_school), &admin).body["school"]["code"];
  const std::string id_number =
      server().call("GET", "/students/" + std::to_string(l.rural_student) + "/id-number", &admin).body["id_number"];
  const std::string sheet = "学校标识码,身份证号,姓名,数学\n" + code + "," + id_number + "," +
                            student["name"].get<std::string>() + ",88\n";
  auto committed = server().upload("/exams/" + std::to_string(exam) + "/scores/commit", &admin, "rural.csv", sheet);
  ASSERT_EQ(committed.status, 201) << committed.body.dump();
  auto listed = [&](const Login& who) {
    const json items = server().call("GET", "/exams", &who).body["items"];
    for (const json& e : items)
      if (e["id"] == exam) return e;
    return json();
  };
  const json bureau_view = listed(admin), school_view = listed(school);
  EXPECT_EQ(bureau_view["has_scores"], true);
  EXPECT_EQ(bureau_view["scored"][0], 1);
  ASSERT_TRUE(school_view.is_object());
  EXPECT_EQ(school_view["has_scores"], false);
  EXPECT_EQ(school_view["scored"][0], 0);
}

// A big level comes in pieces (issue 11): class and teacher levels are paged in
// rank order of the chosen column, `column` keeps one subject per group, and
// school_id / township_id keep one school's or township's groups.
TEST(ExamApi, BigLevelsComeInPiecesInRankOrder) {
  OwnServer server("exam_pieces", [](Database& db) {
    demo::DemoSettings settings;
    settings.scale = 0.05;  // the smallest county the demo exams are generated for
    const demo::DemoCounty county = demo::generate_county(settings);
    std::ostringstream planted;
    if (!load_registers(db, county).ok() || !create_user(db, nullptr, demo_admin()).ok() ||
        !create_demo_users(db, 2026).ok() || !create_demo_exams(db, county, settings, planted).ok())
      throw std::runtime_error("demo county with exams");
  });
  const Login& admin = server.admin();
  int64_t exam = 0;
  const json exams = server.call("GET", "/exams", &admin).body["items"];
  for (const json& e : exams) {
    auto r = server.call("GET", "/exams/" + std::to_string(e["id"].get<int64_t>()) + "/results?level=class&size=1", &admin);
    if (r.status == 200 && r.body["total"].get<int64_t>() > 3) exam = e["id"];
  }
  ASSERT_GT(exam, 0) << "the demo county has an exam with more than 3 classes";
  const std::string base = "/exams/" + std::to_string(exam) + "/results?";
  auto first = server.call("GET", base + "level=class&size=2", &admin);
  ASSERT_EQ(first.status, 200) << first.body.dump();
  const int64_t total = first.body["total"];
  EXPECT_EQ(first.body["groups"].size(), 2u);
  EXPECT_EQ(first.body["page"], 1);
  // Every page together: each group once, ranked by 总分 (the last column), unranked last.
  std::vector<json> all;
  for (int page = 1; static_cast<int64_t>(all.size()) < total && page < 100; ++page) {
    auto r = server.call("GET", base + "level=class&size=3&page=" + std::to_string(page), &admin);
    ASSERT_EQ(r.status, 200);
    for (const json& g : r.body["groups"]) all.push_back(g);
  }
  ASSERT_EQ(static_cast<int64_t>(all.size()), total);
  std::set<int64_t> ids;
  int64_t last_rank = 0;
  bool unranked_seen = false;
  for (const json& g : all) {
    ids.insert(g["id"].get<int64_t>());
    const json& rank = g["columns"].back()["rank"];
    if (rank.is_null()) {
      unranked_seen = true;
      continue;
    }
    EXPECT_FALSE(unranked_seen) << "a ranked class after an unranked one";
    EXPECT_GE(rank.get<int64_t>(), last_rank);
    last_rank = rank;
  }
  EXPECT_EQ(static_cast<int64_t>(ids.size()), total);
  // One column: the same figures as in the whole group, ranked by that subject.
  auto one = server.call("GET", base + "level=class&size=200&column=0", &admin);
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body["column"], 0);
  std::map<int64_t, json> whole;
  for (const json& g : all) whole[g["id"]] = g;
  for (const json& g : one.body["groups"]) {
    ASSERT_EQ(g["columns"].size(), 1u);
    EXPECT_EQ(g["columns"][0], whole[g["id"]]["columns"][0]);
  }
  // One school's classes: exactly those of the whole list with its name.
  const std::string school = all.front()["school"];
  int64_t school_id = 0;
  const json found = server.call("GET", "/schools?size=200&q=" + school, &admin).body["items"];
  for (const json& s : found)
    if (s["name"] == school) school_id = s["id"];
  ASSERT_GT(school_id, 0);
  auto mine = server.call("GET", base + "level=class&size=200&school_id=" + std::to_string(school_id), &admin);
  ASSERT_EQ(mine.status, 200);
  int64_t named = 0;
  for (const json& g : all) named += g["school"] == school;
  EXPECT_EQ(mine.body["total"], named);
  for (const json& g : mine.body["groups"]) EXPECT_EQ(g["school"], school);
  // The school level is whole unless a page is asked for; a township keeps its schools.
  auto schools = server.call("GET", base + "level=school", &admin);
  ASSERT_EQ(schools.status, 200);
  EXPECT_FALSE(schools.body.contains("page"));
  EXPECT_EQ(schools.body["groups"].size(), schools.body["total"].get<size_t>());
  const std::string township = schools.body["groups"][0]["township"];
  int64_t township_id = 0;
  const json county = server.call("GET", "/areas", &admin).body;  // a tree: the county, its townships
  for (const json& a : county[0]["children"])
    if (a["name"] == township) township_id = a["id"];
  ASSERT_GT(township_id, 0);
  auto in_township = server.call("GET", base + "level=school&township_id=" + std::to_string(township_id), &admin);
  ASSERT_EQ(in_township.status, 200);
  EXPECT_GT(in_township.body["groups"].size(), 0u);
  for (const json& g : in_township.body["groups"]) EXPECT_EQ(g["township"], township);
  // Bad pieces are a 400 naming the parameter.
  for (const char* bad : {"level=class&column=99", "level=class&column=-1", "level=class&page=0",
                          "level=class&size=201", "level=class&school_id=x"})
    EXPECT_EQ(server.call("GET", base + bad, &admin).status, 400) << bad;
}


}  // namespace
}  // namespace edu::apitest
