// 职称评聘's figures (analytics/title_posts.h), pinned by hand-computed cases.
#include <gtest/gtest.h>

#include "analytics/title_posts.h"

namespace edu::analytics::titles {
namespace {

using Ids = std::vector<int64_t>;

// The seeds' “中级低聘40人…占8.2%”: 40 of 488 holders of the title is 8.196…%.
TEST(TitlePosts, UnderRateRoundsToOneDecimalAsTheSeedsDo) {
  Fraction f = fraction(40, 488);
  EXPECT_EQ(f.numerator, 40);
  EXPECT_EQ(f.denominator, 488);
  ASSERT_TRUE(f.percent);
  EXPECT_DOUBLE_EQ(*f.percent, 8.2);
  EXPECT_FALSE(fraction(0, 0).percent);
}

TEST(TitlePosts, VacanciesNeverBelowZero) {
  EXPECT_EQ(vacancies(3, 2), 1);
  EXPECT_EQ(vacancies(2, 2), 0);
  EXPECT_EQ(vacancies(1, 2), 0);
}

TEST(TitlePosts, HoldingFromTheAppointmentElseTheRegister) {
  Holder none = holder_of(1, 9, "一级", false, "", "", "");
  EXPECT_EQ(none.title, "一级");
  EXPECT_EQ(none.post, "一级");
  EXPECT_FALSE(none.under);
  Holder lower = holder_of(2, 9, "一级", true, "高级", "一级", "高职低聘");
  EXPECT_EQ(lower.title, "高级");
  EXPECT_EQ(lower.post, "一级");
  EXPECT_TRUE(lower.under);
  Holder dismissed = holder_of(3, 9, "一级", true, "一级", "", "解聘");
  EXPECT_EQ(dismissed.post, "");
  EXPECT_FALSE(dismissed.under);
  EXPECT_FALSE(holder_of(4, 9, "二级", true, "二级", "三级", "缓聘").under);
}

// School 1: 核定 高级 2, 一级 3, 三级 1. t1 高级 (register), t2 高级 (聘任),
// t3 高级 title in an 一级 post (高职低聘), t4 一级 (register), t5 一级
// dismissed (解聘), t6 未定级, t7 二级 title deferred in a 三级 post (缓聘).
// School 2: 核定 高级 1, held by t8 and t9 (超岗). School 3: nothing.
TEST(TitlePosts, TableByHand) {
  const std::vector<Post> posts = {{1, "高级", 2}, {1, "一级", 3}, {1, "三级", 1}, {2, "高级", 1}};
  const std::vector<Holder> holders = {
      holder_of(1, 1, "高级", false, "", "", ""),           holder_of(2, 1, "一级", true, "高级", "高级", "聘任"),
      holder_of(3, 1, "一级", true, "高级", "一级", "高职低聘"), holder_of(4, 1, "一级", false, "", "", ""),
      holder_of(5, 1, "一级", true, "一级", "", "解聘"),       holder_of(6, 1, "未定级", false, "", "", ""),
      holder_of(7, 1, "三级", true, "二级", "三级", "缓聘"),   holder_of(8, 2, "高级", false, "", "", ""),
      holder_of(9, 2, "高级", false, "", "", "")};
  PostsTable t = posts_table({1, 2, 3}, posts, holders);
  ASSERT_EQ(t.schools.size(), 3u);
  const auto& s1 = t.schools[0].levels;
  ASSERT_EQ(s1.size(), 4u);
  EXPECT_EQ(s1[0].level, "高级");
  EXPECT_EQ(s1[0].approved, 2);
  EXPECT_EQ(s1[0].held, (Ids{1, 2}));
  EXPECT_EQ(s1[0].vacancies, 0);
  EXPECT_FALSE(s1[0].over);
  EXPECT_EQ(s1[0].under, (Ids{3}));
  EXPECT_EQ(s1[0].under_rate.numerator, 1);
  EXPECT_EQ(s1[0].under_rate.denominator, 3);  // t1, t2, t3 hold 高级
  EXPECT_DOUBLE_EQ(*s1[0].under_rate.percent, 33.3);
  EXPECT_EQ(s1[1].held, (Ids{3, 4}));
  EXPECT_EQ(s1[1].vacancies, 1);
  EXPECT_EQ(s1[1].under_rate.denominator, 2);  // t4, t5 hold 一级
  EXPECT_DOUBLE_EQ(*s1[1].under_rate.percent, 0.0);
  EXPECT_EQ(s1[2].approved, 0);
  EXPECT_TRUE(s1[2].held.empty());
  EXPECT_EQ(s1[2].under_rate.denominator, 1);  // t7 holds 二级, deferred: not 低聘
  EXPECT_EQ(s1[3].held, (Ids{7}));
  EXPECT_EQ(s1[3].vacancies, 0);
  EXPECT_FALSE(s1[3].under_rate.percent);  // no one holds 三级
  const auto& s2 = t.schools[1].levels;
  EXPECT_EQ(s2[0].held, (Ids{8, 9}));
  EXPECT_EQ(s2[0].vacancies, 0);
  EXPECT_TRUE(s2[0].over);
  for (const LevelPosts& l : t.schools[2].levels) {
    EXPECT_EQ(l.approved, 0);
    EXPECT_TRUE(l.held.empty());
  }
  EXPECT_EQ(t.total[0].approved, 3);
  EXPECT_EQ(t.total[0].held, (Ids{1, 2, 8, 9}));
  EXPECT_EQ(t.total[0].vacancies, 0);
  EXPECT_TRUE(t.total[0].over);
  EXPECT_EQ(t.total[0].under_rate.numerator, 1);
  EXPECT_EQ(t.total[0].under_rate.denominator, 5);
  EXPECT_DOUBLE_EQ(*t.total[0].under_rate.percent, 20.0);
  EXPECT_EQ(t.total[1].approved, 3);
  EXPECT_EQ(t.total[1].vacancies, 1);
}

// 评审 may pass more than are appointed; a level outside the four is left out.
TEST(TitlePosts, RoundReportByHand) {
  RoundReport r = round_report({{1, 1, "高级", true, true},
                                {2, 1, "高级", true, false},
                                {3, 1, "高级", false, false},
                                {4, 2, "一级", true, true},
                                {5, 1, "正高级", true, true}});
  ASSERT_EQ(r.schools.size(), 2u);
  EXPECT_EQ(r.schools[0].school_id, 1);
  EXPECT_EQ(r.schools[0].levels[0].applied, (Ids{1, 2, 3}));
  EXPECT_EQ(r.schools[0].levels[0].passed, (Ids{1, 2}));
  EXPECT_EQ(r.schools[0].levels[0].appointed, (Ids{1}));
  EXPECT_TRUE(r.schools[0].levels[1].applied.empty());
  EXPECT_EQ(r.schools[1].levels[1].appointed, (Ids{4}));
  EXPECT_EQ(r.total[0].passed.size(), 2u);
  EXPECT_EQ(r.total[1].applied, (Ids{4}));
  EXPECT_TRUE(r.total[2].applied.empty());
}

}  // namespace
}  // namespace edu::analytics::titles
