// core/area_tree.h and core/area_code.h on a hand-built city: every area finds
// its township and its 区/县, a 学区 counts in its township, a school placed
// directly in a county is its own township, and the codes name their level
// and parent.
#include <gtest/gtest.h>

#include "core/area_code.h"
#include "core/area_tree.h"

namespace edu {
namespace {

// 邵阳市(1) → 隆回县(2) → 桃洪镇(4) → 桃洪一学区(6)
//          → 洞口县(3) → 城关镇(5)
std::vector<Area> city() {
  return {{1, std::nullopt, "430500", "邵阳市", "市"},       {2, 1, "430524", "隆回县", "县"},
          {3, 1, "430525", "洞口县", "县"},                 {4, 2, "430524100", "桃洪镇", "乡镇"},
          {5, 3, "430525100", "城关镇", "乡镇"},            {6, 4, "43052410001", "桃洪一学区", "学区"}};
}

TEST(AreaTree, EveryAreaFindsItsTownshipAndCounty) {
  const AreaTree tree(city());
  EXPECT_TRUE(tree.is_city());
  EXPECT_EQ(tree.township_of(6)->id, 4);  // a 学区 counts in its township
  EXPECT_EQ(tree.township_of(4)->id, 4);
  EXPECT_EQ(tree.township_of(5)->id, 5);
  EXPECT_EQ(tree.township_of(2)->id, 2);  // a county-level school is its own township
  EXPECT_EQ(tree.township_of(99), nullptr);
  EXPECT_EQ(tree.county_of(6)->id, 2);
  EXPECT_EQ(tree.county_of(4)->id, 2);
  EXPECT_EQ(tree.county_of(5)->id, 3);
  EXPECT_EQ(tree.county_of(3)->id, 3);
  EXPECT_EQ(tree.county_of(1), nullptr);  // the city is in no county
  EXPECT_TRUE(tree.within(6, 1));  // an area scope's subtree
  EXPECT_TRUE(tree.within(6, 2));
  EXPECT_TRUE(tree.within(4, 4));
  EXPECT_FALSE(tree.within(5, 2));
  EXPECT_FALSE(tree.within(2, 6));
  ASSERT_EQ(tree.counties().size(), 2u);
  EXPECT_EQ(tree.counties()[0]->name, "隆回县");
}

TEST(AreaTree, ACountyDeploymentIsOneCounty) {
  const AreaTree tree({{1, std::nullopt, "430521", "青山县", "县"}, {2, 1, "430521101", "城关镇", "乡镇"},
                       {3, 2, "43052110101", "城关一学区", "学区"}});
  EXPECT_FALSE(tree.is_city());
  EXPECT_EQ(tree.county_of(3)->id, 1);
  EXPECT_EQ(tree.township_of(3)->id, 2);
  EXPECT_EQ(tree.counties().size(), 1u);
}

TEST(AreaTree, ACycleInBadDataEndsTheWalk) {
  const AreaTree tree({{1, 2, "430521101", "甲镇", "学区"}, {2, 1, "430521102", "乙镇", "学区"}});
  EXPECT_EQ(tree.county_of(1), nullptr);
  EXPECT_EQ(tree.township_of(1)->id, 1);
}

TEST(AreaCode, TheShapeOfACodeGivesItsLevelAndParent) {
  EXPECT_EQ(level_of_code("430524"), "县");
  EXPECT_EQ(level_of_code("430524100"), "乡镇");
  EXPECT_EQ(level_of_code("430524100200"), "乡镇");
  EXPECT_EQ(level_of_code("43052410001"), "学区");
  EXPECT_EQ(level_of_code("43052410020001"), "学区");
  EXPECT_EQ(level_of_code("4305241"), "");
  EXPECT_EQ(level_of_code("43052a100"), "");
  EXPECT_EQ(parent_code("430524100"), "430524");
  EXPECT_EQ(parent_code("430524100200"), "430524");
  EXPECT_EQ(parent_code("43052410001"), "430524100");
  EXPECT_EQ(parent_code("430524"), "");
}

}  // namespace
}  // namespace edu
