// 继续教育 through the API on a county of its own: courses by level and by
// who may create them, a roster kept by form and by file (a good file saved
// whole, a bad one refused with its row and column and nothing changed),
// another school's teacher refused, the rates as recorded, and the teacher's
// page (教师档案).
#include <gtest/gtest.h>

#include "own_server.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }

json course(const std::string& level, json school = nullptr, int64_t hours = 24) {
  return {{"name", "测试培训"}, {"level", level}, {"organiser", "县教师发展中心"}, {"start_date", "2026-10-12"},
          {"end_date", "2026-10-16"}, {"hours", hours}, {"section", ""}, {"subject", ""}, {"school_id", school}};
}

struct Fixture {
  OwnServer s{"training"};
  int64_t own = s.ids("SELECT school_id FROM users WHERE username = 'school_admin'").at(0);
  std::vector<int64_t> own_teachers =
      s.ids("SELECT id FROM teachers WHERE school_id = " + id(own) + " AND post = '专任教师' ORDER BY id LIMIT 3");
  int64_t other_teacher = s.ids("SELECT id FROM teachers WHERE school_id <> " + id(own) + " ORDER BY id LIMIT 1").at(0);
  std::string id_number(int64_t teacher) { return s.text("SELECT id_number FROM teachers WHERE id = " + id(teacher)); }
  std::string name(int64_t teacher) { return s.text("SELECT name FROM teachers WHERE id = " + id(teacher)); }
};

TEST(Training, CoursesByLevelAndWhoMayCreateThem) {
  Fixture f;
  Login sa = f.s.login("school_admin");
  Login officer = f.s.login("officer");
  // The bureau: a county course.
  json made = f.s.admin_call("POST", "/training/courses", course("县"));
  ASSERT_EQ(made["status"], 201) << made.dump();
  const int64_t county = made["body"]["course"]["id"];
  EXPECT_EQ(made["body"]["course"]["school_id"], nullptr);
  // A school admin: refused a county course; a 校本 one is their own school's.
  Reply refused = f.s.call("POST", "/training/courses", &sa, course("县"));
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body["message"].get<std::string>().find("校本"), std::string::npos);
  Reply own = f.s.call("POST", "/training/courses", &sa, course("校本"));
  ASSERT_EQ(own.status, 201) << own.body.dump();
  EXPECT_EQ(own.body["course"]["school_id"], f.own);
  EXPECT_EQ(f.s.call("POST", "/training/courses", &officer, course("县")).status, 403);
  // Validation: the end before the start, names the field.
  json bad = course("县");
  bad["end_date"] = "2026-10-01";
  Reply invalid = f.s.call("POST", "/training/courses", &f.s.admin(), bad);
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(invalid.body["field"], "end_date");
  EXPECT_EQ(invalid.body["message"], "结束日期不能早于开始日期");
  // A 县 course with a school is refused; a 校本 without one (the bureau's) too.
  EXPECT_EQ(f.s.call("POST", "/training/courses", &f.s.admin(), course("县", f.own)).status, 422);
  EXPECT_EQ(f.s.call("POST", "/training/courses", &f.s.admin(), course("校本")).status, 422);
  // Edit: renamed, audited old → new.
  json renamed = course("县");
  renamed["name"] = "改名后的培训";
  EXPECT_EQ(f.s.admin_call("PUT", "/training/courses/" + id(county), renamed)["status"], 200);
  EXPECT_EQ(f.s.text("SELECT new_value FROM audit_changes WHERE field = 'name' AND audit_id = (SELECT MAX(id) FROM "
                     "audit_log WHERE entity = 'training_course' AND entity_id = " + id(county) + ")"),
            "改名后的培训");
  // The school admin may not edit the county's course.
  EXPECT_EQ(f.s.call("PUT", "/training/courses/" + id(county), &sa, renamed).status, 403);
  // Lists: the school admin sees the county course and their own.
  Reply list = f.s.call("GET", "/training/courses?year=2026", &sa);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["items"].size(), 2u);
}

TEST(Training, RosterByFormKeepsToTheSchoolsOwnTeachers) {
  Fixture f;
  Login sa = f.s.login("school_admin");
  const int64_t county = f.s.admin_call("POST", "/training/courses", course("县"))["body"]["course"]["id"];
  const std::string roster = "/training/courses/" + id(county) + "/roster";
  const int64_t t0 = f.own_teachers.at(0), t1 = f.own_teachers.at(1);
  Reply saved = f.s.call("PUT", roster, &sa,
                         {{"items", {{{"teacher_id", t0}, {"attended", true}, {"passed", true}, {"hours_credited", 24}},
                                     {{"teacher_id", t1}, {"attended", false}}}}});
  ASSERT_EQ(saved.status, 200) << saved.body.dump();
  EXPECT_EQ(saved.body["items"].size(), 2u);
  EXPECT_EQ(f.s.count("training_roster WHERE course_id = " + id(county) + " AND attended = 1 AND passed = 1 AND "
                      "hours_credited = 24 AND teacher_id = " + id(t0)), 1);
  // Another school's teacher: refused as absent, and nothing of the request is written.
  Reply other = f.s.call("PUT", roster, &sa,
                         {{"items", {{{"teacher_id", t1}, {"attended", true}, {"passed", true}},
                                     {{"teacher_id", f.other_teacher}, {"attended", true}}}}});
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(f.s.count("training_roster WHERE teacher_id = " + id(f.other_teacher)), 0);
  EXPECT_EQ(f.s.count("training_roster WHERE course_id = " + id(county) + " AND teacher_id = " + id(t1) +
                      " AND attended = 0"), 1);
  // Passed without attending; hours beyond the course's.
  Reply passed = f.s.call("PUT", roster, &sa, {{"items", {{{"teacher_id", t1}, {"attended", false}, {"passed", true}}}}});
  EXPECT_EQ(passed.status, 422);
  EXPECT_EQ(passed.body["field"], "passed");
  Reply hours = f.s.call("PUT", roster, &sa,
                         {{"items", {{{"teacher_id", t1}, {"attended", true}, {"hours_credited", 25}}}}});
  EXPECT_EQ(hours.status, 422);
  EXPECT_EQ(hours.body["field"], "hours_credited");
  // A 校本 course of the own school holds its teachers only, even for the bureau.
  const int64_t own = f.s.admin_call("POST", "/training/courses", course("校本", f.own))["body"]["course"]["id"];
  json foreign = f.s.admin_call("PUT", "/training/courses/" + id(own) + "/roster",
                                {{"items", {{{"teacher_id", f.other_teacher}, {"attended", true}}}}});
  EXPECT_EQ(foreign["status"], 422);
  // Every row change is audited, naming the teacher.
  EXPECT_EQ(f.s.count("audit_log WHERE entity = 'training_roster' AND entity_id = " + id(county)), 2);
}

TEST(Training, RosterImportSavesAGoodFileWholeAndABadOneNotAtAll) {
  Fixture f;
  Login sa = f.s.login("school_admin");
  const int64_t county = f.s.admin_call("POST", "/training/courses", course("县", nullptr, 40))["body"]["course"]["id"];
  const std::string path = "/training/courses/" + id(county) + "/roster/import";
  const int64_t t0 = f.own_teachers.at(0), t1 = f.own_teachers.at(1), t2 = f.own_teachers.at(2);
  const std::string good = "身份证号,姓名,是否参训,是否合格,认定学时\n" + f.id_number(t0) + "," + f.name(t0) +
                           ",是,是,\n" + f.id_number(t1) + ",,否,,\n" + f.id_number(t2) + ",,是,否,12\n";
  Reply ok = f.s.upload(path, &sa, "名单.csv", good);
  ASSERT_EQ(ok.status, 200) << ok.body.dump();
  EXPECT_EQ(ok.body["saved"], 3);
  // Blank 认定学时 of an attendee: the course's 40; of the absent: 0.
  EXPECT_EQ(f.s.count("training_roster WHERE course_id = " + id(county) + " AND teacher_id = " + id(t0) +
                      " AND attended = 1 AND passed = 1 AND hours_credited = 40"), 1);
  EXPECT_EQ(f.s.count("training_roster WHERE course_id = " + id(county) + " AND teacher_id = " + id(t1) +
                      " AND attended = 0 AND hours_credited = 0"), 1);
  EXPECT_EQ(f.s.count("training_roster WHERE course_id = " + id(county) + " AND teacher_id = " + id(t2) +
                      " AND passed = 0 AND hours_credited = 12"), 1);
  // A bad file: row 2 fine (would change t1), row 3 says 也许, row 4 another school's teacher.
  const std::string bad = "身份证号,是否参训,是否合格\n" + f.id_number(t1) + ",是,是\n" + f.id_number(t2) +
                          ",也许,否\n" + f.id_number(f.other_teacher) + ",是,是\n";
  Reply refused = f.s.upload(path, &sa, "名单2.csv", bad);
  ASSERT_EQ(refused.status, 422) << refused.body.dump();
  EXPECT_EQ(refused.body["code"], "has_problems");
  ASSERT_EQ(refused.body["problems"].size(), 2u) << refused.body.dump();
  const json& p = refused.body["problems"][0];
  EXPECT_EQ(p["file"], "名单2.csv");
  EXPECT_EQ(p["row"], 3);
  EXPECT_EQ(p["column"], "是否参训");
  EXPECT_EQ(p["value"], "也许");
  EXPECT_EQ(p["message"], "文件“名单2.csv”第3行“是否参训”列:“是否参训”应填“是”或“否”,收到“也许”");
  EXPECT_EQ(refused.body["problems"][1]["row"], 4);
  EXPECT_EQ(refused.body["problems"][1]["column"], "身份证号");
  // Nothing changed: t1 still absent, no row of the other school's teacher.
  EXPECT_EQ(f.s.count("training_roster WHERE course_id = " + id(county) + " AND teacher_id = " + id(t1) +
                      " AND attended = 0"), 1);
  EXPECT_EQ(f.s.count("training_roster WHERE teacher_id = " + id(f.other_teacher)), 0);
  // The same file's error report: an xlsx (a zip).
  Reply report = f.s.upload("/training/courses/" + id(county) + "/roster/errors.xlsx", &sa, "名单2.csv", bad);
  ASSERT_EQ(report.status, 200);
  EXPECT_EQ(report.raw_body.substr(0, 2), "PK");
  // The rates of the course as recorded: 3 required, 2 attended (66.7%); 1 of the 2 passed (50.0%).
  json rates = f.s.admin_call("GET", "/training/rates?year=2026");
  ASSERT_EQ(rates["status"], 200);
  bool found = false;
  for (const json& c : rates["body"]["by_course"])
    if (c["id"] == county) {
      found = true;
      EXPECT_EQ(c["participation"]["numerator"], 2);
      EXPECT_EQ(c["participation"]["denominator"], 3);
      EXPECT_EQ(c["participation"]["percent"], 66.7);
      EXPECT_EQ(c["pass"]["numerator"], 1);
      EXPECT_EQ(c["pass"]["percent"], 50.0);
    }
  EXPECT_TRUE(found);
  json rows = f.s.admin_call("GET", "/training/rates/rows?year=2026&by=course&id=" + id(county));
  EXPECT_EQ(rows["body"]["items"].size(), 3u);
}

TEST(Training, TeachersPageShowsYearsChangesAndHours) {
  Fixture f;
  Login sa = f.s.login("school_admin");
  const int64_t t0 = f.own_teachers.at(0);
  const int64_t county = f.s.admin_call("POST", "/training/courses", course("县", nullptr, 40))["body"]["course"]["id"];
  f.s.call("PUT", "/training/courses/" + id(county) + "/roster", &sa,
           {{"items", {{{"teacher_id", t0}, {"attended", true}, {"passed", true}, {"hours_credited", 40}}}}});
  // A title change recorded between two years.
  f.s.exec("INSERT INTO teacher_years (teacher_id, school_year, school_id, section, post, education, title, subject, "
           "backbone, on_staff) SELECT id, 2025, school_id, section, post, education, '二级', subject, backbone, "
           "on_staff FROM teachers WHERE id = " + id(t0) +
           " ON CONFLICT (teacher_id, school_year) DO UPDATE SET title = '二级'");
  f.s.exec("UPDATE teacher_years SET title = '一级' WHERE school_year = 2026 AND teacher_id = " + id(t0));
  Reply h = f.s.call("GET", "/teachers/" + id(t0) + "/history", &sa);
  ASSERT_EQ(h.status, 200) << h.body.dump();
  EXPECT_EQ(h.body["teacher"]["id"], t0);
  ASSERT_GE(h.body["years"].size(), 2u);
  bool changed = false;
  for (const json& c : h.body["changes"])
    changed |= c["school_year"] == 2026 && c["field"] == "title" && c["from"] == "二级" && c["to"] == "一级";
  EXPECT_TRUE(changed) << h.body["changes"].dump();
  EXPECT_EQ(h.body["hours"]["cycle_start"], 2022);
  EXPECT_EQ(h.body["hours"]["required_hours"], 360);
  EXPECT_EQ(h.body["hours"]["total"], 40);
  EXPECT_EQ(h.body["hours"]["shortfall"], 320);
  ASSERT_EQ(h.body["courses"].size(), 1u);
  EXPECT_EQ(h.body["courses"][0]["hours_credited"], 40);
  // The settings move the cycle and the requirement.
  f.s.exec("INSERT INTO settings (key, value) VALUES ('training_required_hours', '30')");
  EXPECT_EQ(f.s.call("GET", "/teachers/" + id(t0) + "/history", &sa).body["hours"]["shortfall"], 0);
  f.s.exec("INSERT INTO settings (key, value) VALUES ('training_cycle_start_year', '2027')");
  EXPECT_EQ(f.s.call("GET", "/teachers/" + id(t0) + "/history", &sa).body["hours"]["total"], 0);
  f.s.exec("UPDATE settings SET value = 'abc' WHERE key = 'training_cycle_start_year'");
  EXPECT_EQ(f.s.call("GET", "/teachers/" + id(t0) + "/history", &sa).status, 500);
  // Another school's teacher reads as absent.
  EXPECT_EQ(f.s.call("GET", "/teachers/" + id(f.other_teacher) + "/history", &sa).status, 404);
}

}  // namespace
}  // namespace edu::apitest
