// 核定岗位's 已聘, 空缺 and 高职低聘 per school year (workflow/title_posts.h),
// on a real SQLite file: the present year (2026, the newest classes) from the
// register and the present appointments; the past year 2025 from the staff
// history of 2025 and the appointments in force on 2026-08-31.
//
// 镇区小学 (school 1), by hand:
//   T1 一级 both years, 聘任一级 since 2020-09-01.
//   T2 二级 in 2025, 一级 now: 聘任二级 2019-09-01, then 聘任一级 2026-10-01
//      (after 2025's last day: in 2025 they held 二级).
//   T3 二级 in 2025, title 一级 now: 高职低聘 (post 二级) since 2025-12-01, in
//      force by the end of 2025 already.
//   T4 二级 both years, no appointment: the history's title is the post.
//   T5 一级 at school 1 in 2025, at 乡村小学 (school 2) now: 聘任一级 2018-09-01,
//      解聘 2026-09-15 (in force only now).
// 2025: 一级 held T1 T5 (核定3: 空缺1); 二级 held T2 T3 T4 (核定2: 超岗);
//       高职低聘 at 一级 T3, of 3 holding 一级 (T1 T3 T5): 33.3%.
// 2026: 一级 held T1 T2 (核定2: 空缺0); 二级 held T3 T4 (核定2: 空缺0);
//       高职低聘 T3 of 3 (T1 T2 T3). School 2: T5 holds the title, no post.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/id_number.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "store/title_store.h"
#include "workflow/title_posts.h"
#include "migrated_database.h"

namespace edu {
namespace {

namespace fs = std::filesystem;
using analytics::titles::LevelPosts;

Registers two_schools() {
  Registers r;
  r.areas = {{1, std::nullopt, "430521", "青山县", "县"}, {2, 1, "430521101", "桃洪镇", "乡镇"}};
  School a;
  a.id = 1, a.code = "2143052101", a.name = "桃洪镇中心小学", a.kind = "小学", a.ownership = "公办",
  a.location = "镇区", a.area_id = 2;
  School b = a;
  b.id = 2, b.code = "2143052102", b.name = "桃洪镇乡村小学", b.location = "乡村";
  r.schools = {a, b};
  r.classes = {{1, 1, 2026, "小学", 1, 1, "一年级(1)班", std::nullopt}};
  // id, title in 2025, title now, school in 2025, school now
  const std::vector<std::tuple<int64_t, std::string, std::string, int64_t, int64_t>> staff = {
      {1, "一级", "一级", 1, 1}, {2, "二级", "一级", 1, 1}, {3, "二级", "一级", 1, 1},
      {4, "二级", "二级", 1, 1}, {5, "一级", "一级", 1, 2}};
  for (const auto& [id, before, now, school_before, school_now] : staff) {
    Teacher t;
    t.id = id;
    const std::string body = "4305211980010100" + std::to_string(id);  // 17 digits
    t.id_number = body + id_check_char(body);
    t.name = "教师" + std::to_string(id);
    t.gender = "女";
    t.birth_date = {1980, 1, 1};
    t.school_id = school_now;
    t.post = "专任教师", t.education = "本科", t.title = now, t.subject = "数学", t.backbone = "无";
    t.hired_on = {2002, 9, 1};
    r.teachers.push_back(t);
    r.teacher_years.push_back({id, 2025, school_before, "小学", "专任教师", "本科", before, "数学", "无", true});
    r.teacher_years.push_back({id, 2026, school_now, "小学", "专任教师", "本科", now, "数学", "无", true});
  }
  return r;
}

class TitlePostsYears : public MigratedDatabaseTest {
 protected:
  void SetUp() override {
    MigratedDatabaseTest::SetUp();
    ASSERT_TRUE(load_registers(*db_, two_schools()).ok());
    const std::vector<TitleAppointment> rows = {
        {0, 1, 0, "一级", "一级", "聘任", "", "2020-09-01"},     {0, 2, 0, "二级", "二级", "聘任", "", "2019-09-01"},
        {0, 2, 0, "一级", "一级", "聘任", "", "2026-10-01"},     {0, 3, 0, "一级", "二级", "高职低聘", "岗位已满", "2025-12-01"},
        {0, 5, 0, "一级", "一级", "聘任", "", "2018-09-01"},     {0, 5, 0, "一级", "", "解聘", "调离", "2026-09-15"}};
    for (const TitleAppointment& a : rows) ASSERT_TRUE(insert_appointment(*db_, a).ok());
    for (int year : {2025, 2026})
      for (const auto& [level, approved] : std::vector<std::pair<std::string, int64_t>>{
               {"一级", year == 2025 ? 3 : 2}, {"二级", 2}})
        ASSERT_TRUE(set_post(*db_, {1, year, level, approved}).ok());
  }
  // The level's row of a school in `year`'s table.
  LevelPosts level(int year, int64_t school, const std::string& name) {
    auto posts = read_title_posts(*db_, Scope::All(), year);
    if (!posts.ok()) {
      ADD_FAILURE() << posts.status().message();
      return {};
    }
    for (const auto& s : posts->table.schools)
      if (s.school_id == school)
        for (const LevelPosts& l : s.levels)
          if (l.level == name) return l;
    ADD_FAILURE() << "no " << name << " at school " << school;
    return {};
  }
};

using Ids = std::vector<int64_t>;

TEST_F(TitlePostsYears, APastYearCountsTheAppointmentsInForceThen) {
  const LevelPosts first = level(2025, 1, "一级");
  EXPECT_EQ(first.approved, 3);
  EXPECT_EQ(first.held, (Ids{1, 5}));
  EXPECT_EQ(first.vacancies, 1);
  EXPECT_FALSE(first.over);
  EXPECT_EQ(first.under, (Ids{3}));
  EXPECT_EQ(first.under_rate.numerator, 1);
  EXPECT_EQ(first.under_rate.denominator, 3);
  EXPECT_EQ(first.under_rate.percent, 33.3);
  const LevelPosts second = level(2025, 1, "二级");
  EXPECT_EQ(second.held, (Ids{2, 3, 4}));
  EXPECT_EQ(second.vacancies, 0);
  EXPECT_TRUE(second.over);
  EXPECT_TRUE(level(2025, 2, "一级").held.empty());
  EXPECT_EQ(level(2025, 2, "一级").under_rate.denominator, 0);
}

TEST_F(TitlePostsYears, ThePresentYearCountsThePresentAppointments) {
  const LevelPosts first = level(2026, 1, "一级");
  EXPECT_EQ(first.approved, 2);
  EXPECT_EQ(first.held, (Ids{1, 2}));
  EXPECT_EQ(first.vacancies, 0);
  EXPECT_EQ(first.under, (Ids{3}));
  EXPECT_EQ(first.under_rate.denominator, 3);
  const LevelPosts second = level(2026, 1, "二级");
  EXPECT_EQ(second.held, (Ids{3, 4}));
  EXPECT_EQ(second.vacancies, 0);
  EXPECT_FALSE(second.over);
  // T5, dismissed at school 2: holds the title, not the post.
  EXPECT_TRUE(level(2026, 2, "一级").held.empty());
  EXPECT_EQ(level(2026, 2, "一级").under_rate.denominator, 1);
}

}  // namespace
}  // namespace edu
