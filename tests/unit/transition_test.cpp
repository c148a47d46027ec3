// 小升初 follow-up lists by hand (analytics/transition.h). Two townships:
// 城关镇 with 东小学 and 西小学, both feeding 城关中学; 滩头镇 with 北小学
// (no 划片), a 九年一贯制学校 feeding itself and 滩头中学 (fed by nobody).
#include <gtest/gtest.h>

#include "analytics/transition.h"

namespace edu::transition {
namespace {

Input county() {
  Input in;
  in.year = 2027;
  in.schools = {{1, "东小学", 10, "城关镇"},   {2, "西小学", 10, "城关镇"},
                {3, "北小学", 20, "滩头镇"},   {4, "城关中学", 10, "城关镇"},
                {5, "滩头九年一贯制学校", 20, "滩头镇"}, {6, "滩头中学", 20, "滩头镇"}};
  in.feeds = {{1, 4}, {2, 4}, {5, 5}};
  in.graduates = {{100, "甲", "430***", 1}, {101, "乙", "430***", 1}, {102, "丙", "430***", 2},
                  {103, "丁", "430***", 5}, {104, "戊", "430521201401010011", 3}, {105, "己", "430***", 3},
                  {106, "庚", "430***", 5}};
  // 甲 and 己 enter 城关中学, 乙 滩头中学, 丁 stays at the 九年一贯制学校; 300 is no graduate.
  in.entrants = {{100, 4}, {101, 6}, {103, 5}, {105, 4}, {300, 4}};
  return in;
}

std::vector<std::string> names(const std::vector<Missing>& list) {
  std::vector<std::string> out;
  for (const Missing& m : list) out.push_back(m.name);
  return out;
}

TEST(Transition, EachMiddleSchoolListsTheFeederGraduatesWhoDidNotArrive) {
  Lists lists = follow_up_lists(county());
  ASSERT_EQ(lists.middle_schools.size(), 2u);  // 滩头中学 is named by no 划片
  const MiddleSchoolList& town = lists.middle_schools[0];
  EXPECT_EQ(town.school_name, "城关中学");
  EXPECT_EQ(town.expected, 3);  // 甲 乙 丙; 己 came from 北小学, outside the 划片
  EXPECT_EQ(town.arrived, 1);
  EXPECT_EQ(names(town.missing), (std::vector<std::string>{"乙", "丙"}));
  EXPECT_EQ(town.missing[0].school_name, "东小学");
  EXPECT_EQ(town.missing[0].went_to, 6);
  EXPECT_EQ(town.missing[0].went_to_name, "滩头中学");
  EXPECT_EQ(town.missing[1].school_name, "西小学");
  EXPECT_FALSE(town.missing[1].went_to);
  const MiddleSchoolList& nine = lists.middle_schools[1];
  EXPECT_EQ(nine.school_id, 5);
  EXPECT_EQ(nine.area_id, 20);
  EXPECT_EQ(nine.expected, 2);
  EXPECT_EQ(nine.arrived, 1);
  EXPECT_EQ(names(nine.missing), std::vector<std::string>{"庚"});
}

TEST(Transition, EachTownshipListsItsGraduatesEnrolledNowhere) {
  Lists lists = follow_up_lists(county());
  EXPECT_EQ(lists.year, 2027);
  ASSERT_EQ(lists.townships.size(), 2u);
  EXPECT_EQ(lists.townships[0].area_name, "城关镇");
  EXPECT_EQ(lists.townships[0].graduates, 3);
  EXPECT_EQ(lists.townships[0].unassigned, 0);
  EXPECT_EQ(names(lists.townships[0].nowhere), std::vector<std::string>{"丙"});
  EXPECT_EQ(lists.townships[1].area_name, "滩头镇");
  EXPECT_EQ(lists.townships[1].graduates, 4);
  EXPECT_EQ(lists.townships[1].unassigned, 2);  // 戊 and 己 of 北小学
  EXPECT_EQ(names(lists.townships[1].nowhere), (std::vector<std::string>{"戊", "庚"}));
  EXPECT_EQ(lists.townships[1].nowhere[0].school_name, "北小学");
  EXPECT_EQ(lists.townships[1].nowhere[0].id_number, "430521201401010011");
}

TEST(Transition, NoGraduatesListNoTownshipButEveryMiddleSchoolOfTheCatchment) {
  Input in = county();
  in.graduates.clear();
  Lists lists = follow_up_lists(in);
  EXPECT_TRUE(lists.townships.empty());
  ASSERT_EQ(lists.middle_schools.size(), 2u);
  EXPECT_EQ(lists.middle_schools[0].expected, 0);
  EXPECT_TRUE(lists.middle_schools[0].missing.empty());
}

}  // namespace
}  // namespace edu::transition
