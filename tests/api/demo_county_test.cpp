// `edubureau demo` writes its county through init, the register imports and
// the rollover (cli/demo_county.h); the generator describes the same county
// (demo/generator.h). Loaded directly (load_registers) or written through the
// real paths, the registers agree row for row — ids aside, which each database
// gives its own way: the real paths add nothing, lose nothing, move nobody
// elsewhere — but for the second records planted for 数据核查
// (demo/check_findings.h), which are the only rows more. The demo's casework
// (demo/casework.h) then changes a few students through the case engine: theirs
// are compared apart, by the cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "cli/demo_county.h"
#include "cli/demo_users.h"
#include "demo/check_findings.h"
#include "demo/register_years.h"
#include "store/migrations.h"
#include "store/registers_loader.h"

namespace edu {
namespace {

std::unique_ptr<Database> empty_database() {
  auto db = open_database(":memory:");
  EXPECT_TRUE(db.ok());
  EXPECT_TRUE(migrate(**db).ok());
  return std::move(*db);
}

// Every row, its ids replaced by natural keys (codes, ID numbers, class names).
std::vector<std::string> keyed_rows(const Registers& r) {
  std::map<int64_t, std::string> school, klass, teacher, student;
  for (const School& s : r.schools) school[s.id] = s.code;
  for (const SchoolClass& c : r.classes)
    klass[c.id] = school[c.school_id] + "/" + std::to_string(c.school_year) + "/" + c.name;
  for (const Teacher& t : r.teachers) teacher[t.id] = t.id_number;
  for (const Student& s : r.students) student[s.id] = s.id_number;
  auto of = [](std::map<int64_t, std::string>& names, std::optional<int64_t> id) {
    return id ? names[*id] : std::string("-");
  };
  std::vector<std::string> rows;
  for (const School& s : r.schools)
    rows.push_back("school " + s.code + " " + s.name + " " + s.kind + " " + std::to_string(s.area_id) +
                   " " + of(school, s.parent_school_id) + (s.weak ? " 薄弱学校" : ""));
  for (const SchoolClass& c : r.classes)
    rows.push_back("class " + klass[c.id] + " " + c.section + " " + std::to_string(c.grade) + " " +
                   std::to_string(c.class_no) + " " + of(teacher, c.head_teacher_id));
  for (const Student& s : r.students)
    rows.push_back("student " + s.id_number + " " + s.name + " " + s.birth_date.iso() + " " +
                   school[s.school_id] + " " + of(klass, s.class_id) + " " + s.status + " " +
                   s.enrolled_on.iso() + " " + s.household + (s.disabled ? " 随班就读" : ""));
  for (const Enrolment& e : r.enrolments)
    rows.push_back("enrolment " + student[e.student_id] + " " + std::to_string(e.school_year) + " " +
                   school[e.school_id] + " " + klass[e.class_id] + " " + std::to_string(e.grade) +
                   " " + e.status);
  for (const Teacher& t : r.teachers)
    rows.push_back("teacher " + t.id_number + " " + t.name + " " + school[t.school_id] + " " + t.post +
                   " " + t.title + " " + t.section + " " + t.hired_on.iso());
  for (const TeacherYear& y : r.teacher_years)
    rows.push_back("teacher_year " + teacher[y.teacher_id] + " " + std::to_string(y.school_year) + " " +
                   school[y.school_id] + " " + y.post + " " + y.title + " " + y.section);
  for (const Conditions& c : r.conditions)
    rows.push_back("conditions " + school[c.school_id] + " " + std::to_string(c.school_year) + " " +
                   std::to_string(c.teaching_area) + " " + std::to_string(c.books));
  std::sort(rows.begin(), rows.end());
  return rows;
}

TEST(DemoCounty, TheRealPathsWriteTheCountyTheGeneratorDescribes) {
  demo::DemoSettings settings;
  settings.scale = 0.05;
  const demo::DemoCounty county = demo::generate_county(settings);
  auto loaded = empty_database(), written = empty_database();
  ASSERT_TRUE(load_registers(*loaded, county).ok());
  Status s = write_demo_county(*written, county, settings, demo_admin());
  if (s.ok()) s = write_demo_extras(*written, county, settings, demo_admin(), true);
  ASSERT_TRUE(s.ok()) << s.message();

  auto expected = read_registers(*loaded), actual = read_registers(*written);
  ASSERT_TRUE(expected.ok() && actual.ok());
  // The students the casework's final steps changed: moved (1), 休学 (1), 辍学 (1).
  auto changed = written->query(
      "SELECT st.id_number FROM cases c JOIN students st ON st.id = c.student_id "
      "WHERE c.state IN ('已转学', '休学中', '已登记辍学') ORDER BY c.id");
  ASSERT_TRUE(changed.ok());
  ASSERT_EQ(changed->size(), 3u);
  EXPECT_EQ(written->query("SELECT COUNT(*) FROM cases WHERE kind NOT IN ('exchange', 'title')")->front().integer(0),
            8);
  // And the teachers the demo's 交流轮岗 approvals moved (demo/exchange.h): at their host school now.
  auto exchanged = written->query(
      "SELECT t.id_number FROM teacher_exchanges e JOIN teachers t ON t.id = e.teacher_id ORDER BY e.id");
  ASSERT_TRUE(exchanged.ok());
  EXPECT_FALSE(exchanged->empty());
  // 职称评聘's round (demo/title_round.h): the teacher appointed 一级 changed title.
  auto appointed = written->query(
      "SELECT t.id_number FROM cases c JOIN teachers t ON t.id = c.teacher_id WHERE c.kind = 'title' AND "
      "c.state = '已聘任'");
  ASSERT_TRUE(appointed.ok());
  ASSERT_EQ(appointed->size(), 1u);
  // Every appointment row, the demo's records and the round's alike, has the
  // audit entry the real path writes (workflow/title_appointment.h): its
  // teacher, status and date; and there is no appointment entry more.
  const int64_t appointments = written->query("SELECT COUNT(*) FROM title_appointments")->front().integer(0);
  EXPECT_GT(appointments, 100);
  EXPECT_EQ(written->query("SELECT COUNT(*) FROM title_appointments a WHERE NOT EXISTS (SELECT 1 FROM audit_log l "
                           "JOIN audit_changes s ON s.audit_id = l.id AND s.field = 'status' AND s.new_value = a.status "
                           "JOIN audit_changes d ON d.audit_id = l.id AND d.field = 'since' AND d.new_value = a.since "
                           "WHERE l.entity = 'title' AND l.action = 'create' AND l.entity_id = a.teacher_id)")
                ->front()
                .integer(0),
            0);
  EXPECT_EQ(written->query("SELECT COUNT(*) FROM audit_log l WHERE l.entity = 'title' AND l.action = 'create' AND "
                           "EXISTS (SELECT 1 FROM audit_changes c WHERE c.audit_id = l.id AND c.field = 'since')")
                ->front()
                .integer(0),
            appointments);
  EXPECT_GT(written->query("SELECT COUNT(*) FROM schools WHERE weak = 1")->front().integer(0), 0);
  auto casework = [&](const std::string& row) {
    for (const Rows* rows : {&*changed, &*exchanged, &*appointed})
      for (const Row& r : *rows)
        if (row.find(" " + r.text(0) + " ") != std::string::npos) return true;
    return false;
  };
  std::vector<std::string> want = keyed_rows(*expected), got = keyed_rows(*actual);
  std::erase_if(want, casework);
  std::erase_if(got, casework);
  std::vector<std::string> missing, extra;
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::back_inserter(missing));
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(extra));
  EXPECT_GT(want.size(), 10'000u);
  EXPECT_TRUE(missing.empty()) << missing.size() << " rows missing, e.g. " << missing.front();
  std::vector<std::string> planted;
  for (const Student& p : demo::duplicate_records(county, demo::register_years(county, settings).back().school_year))
    for (const char* table : {"student ", "enrolment "}) planted.push_back(table + p.id_number + " ");
  EXPECT_EQ(planted.size(), 6u);
  const size_t rows_more = extra.size();
  std::erase_if(extra, [&](const std::string& row) {
    return std::any_of(planted.begin(), planted.end(), [&](const std::string& p) { return row.starts_with(p); });
  });
  EXPECT_EQ(rows_more, planted.size());
  EXPECT_TRUE(extra.empty()) << extra.size() << " rows more, e.g. " << extra.front();
}

}  // namespace
}  // namespace edu
