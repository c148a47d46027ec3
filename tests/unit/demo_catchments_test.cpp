// demo::catchments_of: each 小学 to the 初中 most of its 六年级 went to the next
// year, by hand: ties go to the lower id; a 特殊教育学校 (no 小学 学段) and a
// 七年级 outside a school teaching 初中 are left out.
#include <gtest/gtest.h>

#include "demo/catchments.h"

namespace edu::demo {
namespace {

School school(int64_t id, const char* kind) {
  School s;
  s.id = id;
  s.kind = kind;
  return s;
}

Enrolment enrolled(int64_t student, int year, int64_t school, int grade) {
  return {student, year, school, 0, grade, grade == 6 ? "毕业" : "在读"};
}

TEST(DemoCatchments, EachPrimaryFeedsWhereMostOfItsGraduatesWent) {
  Registers county;
  county.schools = {school(1, "小学"), school(2, "小学"), school(3, "初级中学"), school(4, "初级中学"),
                    school(5, "九年一贯制学校"), school(6, "特殊教育学校")};
  county.enrolments = {
      // 小学 1: two went to 4, one to 3 → 4
      enrolled(10, 2024, 1, 6), enrolled(10, 2025, 4, 7),
      enrolled(11, 2024, 1, 6), enrolled(11, 2025, 4, 7),
      enrolled(12, 2024, 1, 6), enrolled(12, 2025, 3, 7),
      // 小学 2: one each to 3 and 4 → the lower id, 3; a 六年级 two years before counts not
      enrolled(20, 2025, 2, 6), enrolled(20, 2026, 3, 7),
      enrolled(21, 2025, 2, 6), enrolled(21, 2026, 4, 7),
      enrolled(22, 2024, 2, 6), enrolled(22, 2026, 4, 7),
      // 九年一贯制 5 keeps its own
      enrolled(30, 2024, 5, 6), enrolled(30, 2025, 5, 7),
      // 特殊教育学校 6: its 六年级 is no 小学's
      enrolled(40, 2024, 6, 6), enrolled(40, 2025, 3, 7),
  };
  const std::vector<Catchment> got = catchments_of(county);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].school_id, 1);
  EXPECT_EQ(got[0].middle_school_id, 4);
  EXPECT_EQ(got[1].school_id, 2);
  EXPECT_EQ(got[1].middle_school_id, 3);
  EXPECT_EQ(got[2].school_id, 5);
  EXPECT_EQ(got[2].middle_school_id, 5);
}

}  // namespace
}  // namespace edu::demo
