// 学年升级 through the API (workflow/rollover.h) on a server of its own, since a
// commit changes the county the shared test server serves: the preview changes
// nothing, the commit opens the new year's classes, moves and graduates the
// students, is audited once, and the server's current year is the new one
// without a restart; a second commit changes nothing and says so, and two
// commits at once apply one. The closed year keeps its teachers (teacher_years)
// and the opened year starts with them; graduates keep their class in their
// enrolment only; and new entrants imported into the new year's 一年级 classes
// are counted.
#include <gtest/gtest.h>

#include <thread>

#include "own_server.h"

namespace edu::apitest {
namespace {

TEST(Rollover, PreviewThenCommitOnceThenNothing) {
  OwnServer server("rollover");
  const int64_t reading = server.count("students WHERE status = '在读'");
  const int64_t suspended = server.count("students WHERE status = '休学'");
  const int64_t graduated = server.count("students WHERE status = '毕业'");
  const int64_t final_grade = server.count(
      "students s JOIN classes c ON c.id = s.class_id WHERE s.status = '在读' AND "
      "((c.section = '小学' AND c.grade = 6) OR (c.section IN ('初中', '特教') AND c.grade = 9) OR "
      "(c.section IN ('高中', '中职') AND c.grade = 12) OR (c.section = '学前' AND c.grade = 0))");
  ASSERT_GT(final_grade, 0);

  json preview = server.admin_call("POST", "/rollover/preview", {{"to_year", 2027}});
  ASSERT_EQ(preview["status"], 200) << preview.dump();
  json r = preview["body"]["rollover"];
  EXPECT_EQ(r["current_year"], 2026);
  EXPECT_FALSE(r["committed"]);
  EXPECT_EQ(r["total"]["graduates"], final_grade);
  EXPECT_EQ(r["total"]["students_moved"], reading - final_grade);
  EXPECT_EQ(r["total"]["kept"], suspended);
  EXPECT_EQ(r["total"]["problems"], 0);
  EXPECT_GT(r["schools"].size(), 0u);
  EXPECT_EQ(server.count("classes WHERE school_year = 2027"), 0);

  // The closing year's staff are written by the commit (removed here first).
  server.exec("DELETE FROM teacher_years WHERE school_year = 2026");
  json commit = server.admin_call("POST", "/rollover/commit", {{"to_year", 2027}});
  ASSERT_EQ(commit["status"], 200) << commit.dump();
  EXPECT_TRUE(commit["body"]["rollover"]["committed"]);
  EXPECT_EQ(server.count("teacher_years y JOIN teachers t ON t.id = y.teacher_id WHERE "
                         "y.school_year = 2026 AND y.school_id = t.school_id AND y.post = t.post "
                         "AND y.education = t.education AND y.backbone = t.backbone"),
            server.count("teachers"));
  EXPECT_EQ(server.count("teacher_years WHERE school_year = 2027"), server.count("teachers"));
  EXPECT_EQ(server.count("students s JOIN classes c ON c.id = s.class_id WHERE c.school_year = 2026"), 0)
      << "graduates and leavers keep their 2026 class in their enrolment only";
  EXPECT_EQ(server.count("enrolments e JOIN students s ON s.id = e.student_id WHERE e.school_year = 2026 "
                         "AND e.status = '毕业' AND s.class_id IS NULL"),
            server.count("enrolments WHERE school_year = 2026 AND status = '毕业'"));
  EXPECT_EQ(commit["body"]["rollover"]["total"], r["total"]);
  EXPECT_EQ(server.count("classes WHERE school_year = 2027"), r["total"]["classes_opened"]);
  EXPECT_EQ(server.count("students WHERE status = '毕业'"), graduated + final_grade);
  EXPECT_EQ(server.count("students s JOIN classes c ON c.id = s.class_id WHERE s.status IN "
                         "('在读', '休学') AND c.school_year = 2027"),
            reading - final_grade + suspended);
  EXPECT_EQ(server.count("enrolments WHERE school_year = 2027"), reading - final_grade + suspended);
  EXPECT_EQ(server.count("audit_log WHERE action = 'rollover' AND entity_id = 2027"), 1);
  EXPECT_EQ(server.admin_call("GET", "/dashboard")["body"]["school_year"], 2027);  // no restart
  json audit = server.admin_call("GET", "/audit?entity=school_year")["body"]["items"];
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0]["action"], "rollover");
  json counted = audit[0]["changes"][1];
  EXPECT_EQ(counted["label"], "开设班级");
  EXPECT_EQ(counted["new"], std::to_string(r["total"]["classes_opened"].get<int>()));

  json again = server.admin_call("POST", "/rollover/commit", {{"to_year", 2027}});
  ASSERT_EQ(again["status"], 200);
  EXPECT_TRUE(again["body"]["rollover"]["already_opened"]);
  EXPECT_FALSE(again["body"]["rollover"]["committed"]);
  EXPECT_NE(again["body"]["rollover"]["message"].get<std::string>().find("未改动任何数据"),
            std::string::npos);
  EXPECT_EQ(server.count("classes WHERE school_year = 2027"), r["total"]["classes_opened"]);
  EXPECT_EQ(server.count("audit_log WHERE action = 'rollover'"), 1);

  json skip = server.admin_call("POST", "/rollover/preview", {{"to_year", 2029}});
  EXPECT_EQ(skip["status"], 422);
  EXPECT_NE(skip["body"]["message"].get<std::string>().find("2028"), std::string::npos);
}

// The 差异系数 of the closed year keep all seven indicators: its teachers are
// the rows the commit wrote.
TEST(Rollover, TheClosedYearKeepsItsTeacherIndicators) {
  OwnServer server("rollover");
  ASSERT_EQ(server.admin_call("POST", "/rollover/commit", {{"to_year", 2027}})["status"], 200);
  json h = server.admin_call("GET", "/analytics/balance/history?section=小学");
  ASSERT_EQ(h["status"], 200) << h.dump();
  for (const json& y : h["body"]["years"])
    if (y["year"] == 2026)
      for (const json& c : y["cvs"]) EXPECT_EQ(c["available"], true) << c.dump();
}

// 招生 after a rollover: the school opens 一年级 classes of the new year and
// imports its new entrants into them; the new year's statistics count them.
TEST(Rollover, EntrantsImportedIntoTheNewYearsClassesAreCounted) {
  OwnServer server("rollover");
  ASSERT_EQ(server.admin_call("POST", "/rollover/commit", {{"to_year", 2027}})["status"], 200);
  auto primary = [&] {
    json s = server.admin_call("GET", "/analytics/indicators?year=2027");
    for (const json& g : s["body"]["groups"])
      if (g["level"] == "全域" && g["section"] == "小学") return g["values"];
    return json();
  };
  json before = primary();
  ASSERT_TRUE(before.is_object());
  const int64_t school = server.ids("SELECT id FROM schools WHERE kind = '小学' ORDER BY id LIMIT 1").at(0);
  const std::string code = server.admin_call("GET", "/schools/" + std::to_string(school))["body"]["school"]["code"];
  json opened = server.admin_call("POST", "/schools/" + std::to_string(school) + "/classes",
                                  {{"section", "小学"}, {"grade", 1}, {"count", 1}});
  ASSERT_EQ(opened["status"], 201) << opened.dump();
  const std::string klass = opened["body"]["items"][0]["name"];
  // 入学日期 2027-09-01 is the new year's first day: allowed before it comes (core/validate.h).
  std::string file = "姓名,性别,身份证号,出生日期,民族,学校标识码,班级,学籍状态,入学日期,户口性质\n";
  for (const char* name : {"新生甲", "新生乙"})
    file += std::string(name) + ",女," + new_id_number(2021, false) + ",2021-03-15,汉族," + code + "," + klass +
            ",在读,2027-09-01,农村\n";
  Reply preview = server.upload("/imports/student", &server.admin(), "新生.csv", file);
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  ASSERT_EQ(preview.body["import"]["valid_rows"], 2) << preview.body.dump();
  json commit = server.admin_call(
      "POST", "/imports/" + std::to_string(preview.body["import"]["id"].get<int64_t>()) + "/commit");
  ASSERT_EQ(commit["status"], 200) << commit.dump();
  json after = primary();
  EXPECT_EQ(after["entrants"]["now"]["value"].get<double>(),
            before["entrants"]["now"]["value"].get<double>() + 2);
  EXPECT_EQ(after["students"]["now"]["value"].get<double>(),
            before["students"]["now"]["value"].get<double>() + 2);
}

TEST(Rollover, TwoCommitsAtOnceApplyOne) {
  OwnServer server("rollover");
  json first, second;
  std::thread a([&] { first = server.admin_call("POST", "/rollover/commit", {{"to_year", 2027}}); });
  std::thread b([&] { second = server.admin_call("POST", "/rollover/commit", {{"to_year", 2027}}); });
  a.join();
  b.join();
  ASSERT_EQ(first["status"], 200) << first.dump();
  ASSERT_EQ(second["status"], 200) << second.dump();
  EXPECT_NE(first["body"]["rollover"]["committed"], second["body"]["rollover"]["committed"]);
  EXPECT_NE(first["body"]["rollover"]["already_opened"], second["body"]["rollover"]["already_opened"]);
  EXPECT_EQ(server.count("audit_log WHERE action = 'rollover'"), 1);
}

// After a 学年升级 the 教职工 list (as the web UI asks it: no year, or the
// new current year) still shows every teacher, to the bureau and to a school
// admin their school's.
TEST(Rollover, TheTeacherListStillShowsTheTeachers) {
  OwnServer server("rollover_teachers");
  const int64_t all = server.count("teachers");
  const int64_t own = server.count("teachers WHERE school_id = (SELECT school_id FROM users WHERE username = "
                                   "'school_admin')");
  ASSERT_GT(own, 0);
  ASSERT_EQ(server.admin_call("POST", "/rollover/commit", {{"to_year", 2027}})["status"], 200);
  Login school = server.login("school_admin");
  for (const std::string& query : {"", "?school_year=2027", "?school_year=2026"}) {
    EXPECT_EQ(server.admin_call("GET", "/teachers" + query)["body"]["total"], all) << query;
    EXPECT_EQ(server.call("GET", "/teachers" + query, &school).body["total"], own) << query;
  }
}

}  // namespace
}  // namespace edu::apitest
