// The standing checks (analytics/register_checks.h) on small registers whose
// answers are worked out by hand in the comments.
#include "analytics/register_checks.h"

#include <gtest/gtest.h>

namespace edu::analytics {
namespace {

CheckPerson person(int64_t id, std::string name, std::string gender, std::string birth, std::string id_number,
                   std::string status, int64_t school) {
  return {id, std::move(name), std::move(gender), std::move(birth), std::move(id_number), std::move(status), school};
}

TEST(DuplicatePeople, SameNameBirthAndGenderOrOneDigitApart) {
  const std::vector<CheckPerson> people = {
      // 1 and 4: same name, birth date and gender (different ID numbers, schools).
      person(1, "李明", "男", "2015-03-02", "430521201503020012", "在读", 10),
      person(4, "李明", "男", "2015-03-02", "430521201503020039", "在读", 11),
      // 2 and 7: same name, the first 17 digits one apart, in the date (03 → 08): birth dates differ.
      person(2, "王芳", "女", "2014-03-12", "430521201403120024", "转出", 10),
      person(7, "王芳", "女", "2014-08-12", "430521201408120023", "在读", 12),
      // 3 and 5: same birth date and gender, other names: not the same person.
      person(3, "张伟", "男", "2015-03-02", "430521201503020055", "在读", 10),
      person(5, "张玮", "男", "2015-03-02", "430521201503020071", "在读", 10),
      // 6: same name as 1 and 4, other gender, numbers 2+ characters apart: no pair.
      person(6, "李明", "女", "2015-03-02", "430521201503020143", "在读", 10),
  };
  const std::vector<DuplicatePair> pairs = duplicate_people(people);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].first, 1);
  EXPECT_EQ(pairs[0].second, 4);
  EXPECT_EQ(pairs[0].reason, "姓名、出生日期、性别相同");
  EXPECT_EQ(pairs[1].first, 2);
  EXPECT_EQ(pairs[1].second, 7);
  EXPECT_EQ(pairs[1].reason, "姓名相同,身份证号前17位仅一位不同");
}

TEST(SatElsewhere, InSchoolStudentsWhoSatForAnotherSchoolThanTheirRegister) {
  const std::vector<CheckPerson> people = {
      person(1, "甲", "男", "2015-01-01", "", "在读", 10),
      person(2, "乙", "女", "2015-01-01", "", "在读", 20),  // moved from 10 to 20 since exam 100
      person(3, "丙", "男", "2015-01-01", "", "辍学", 10),  // not 在读: not listed
      person(4, "丁", "女", "2015-01-01", "", "在读", 10),
  };
  const std::vector<Sitting> sittings = {
      {100, 1, 10, 10},  // at home: no row
      {100, 2, 10, 10},  // registered at 10 that year, sat at 10: no row although now at 20
      {101, 1, 30, 10},  // 1 sat for 30 in two exams → one row, exams 101 and 102
      {102, 1, 30, 10},
      {102, 1, 30, 10},  // the same exam twice (two subjects) counts once
      {101, 3, 30, 10},
      {102, 4, 40, 0},   // no enrolment that year: compared with the current school 10
      {102, 9, 40, 10},  // not in the register: skipped
  };
  const std::vector<SatElsewhere> rows = sat_elsewhere(people, sittings);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].student_id, 1);
  EXPECT_EQ(rows[0].registered_school_id, 10);
  EXPECT_EQ(rows[0].sat_school_id, 30);
  EXPECT_EQ(rows[0].exam_ids, (std::vector<int64_t>{101, 102}));
  EXPECT_EQ(rows[1].student_id, 4);
  EXPECT_EQ(rows[1].registered_school_id, 10);
  EXPECT_EQ(rows[1].sat_school_id, 40);
}

TEST(LostTransfers, DoneTransfersNotArrivedAndOldUnconfirmedLeavers) {
  LostTransferInput in;
  in.today = Date{2026, 11, 29};
  in.max_days = 30;
  const std::vector<CheckPerson> people = {
      person(1, "甲", "男", "2015-01-01", "", "在读", 20),  // case 501 to 20: arrived
      person(2, "乙", "女", "2015-02-01", "", "转出", 10),  // case 502 to 20: not 在读 there → rule 1
      person(3, "丙", "男", "2015-03-01", "", "转出", 10),  // case 503 to 30: arrived as record 8
      person(8, "丙", "男", "2015-03-01", "", "在读", 30),
      person(4, "丁", "女", "2015-04-01", "", "转出", 10),  // left 2026-10-29: 31 days > 30 → rule 2
      person(5, "戊", "男", "2015-05-01", "", "转出", 10),  // left 2026-10-30: 30 days, not more
      person(6, "己", "女", "2015-06-01", "", "转出", 10),  // left long ago, but confirmed by a case
      person(7, "庚", "男", "2015-07-01", "", "转出", 10),  // left long ago, day unknown: not listed
      person(9, "辛", "女", "2015-09-01", "", "转出", 10),  // left long ago, 在读 elsewhere as record 10
      person(10, "辛", "女", "2015-09-01", "", "在读", 40),
  };
  in.done_transfers = {{501, 1, 20}, {502, 2, 20}, {503, 3, 30}};
  in.left_on = {{2, Date{2026, 1, 1}}, {3, Date{2026, 1, 1}}, {4, Date{2026, 10, 29}},
                {5, Date{2026, 10, 30}}, {6, Date{2025, 1, 1}}, {9, Date{2025, 1, 1}}};
  in.confirmed = {6};
  const std::vector<LostTransfer> rows = lost_transfers(people, in);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].student_id, 2);
  EXPECT_EQ(rows[0].case_id, 502);
  EXPECT_EQ(rows[0].target_school_id, 20);
  EXPECT_EQ(rows[0].reason, "县内转学已办结,转入学校无在读记录");
  EXPECT_EQ(rows[1].student_id, 4);
  EXPECT_EQ(rows[1].case_id, 0);
  EXPECT_EQ(rows[1].left_on, "2026-10-29");
  EXPECT_EQ(rows[1].days, 31);
  EXPECT_EQ(rows[1].reason, "转出超过30天未确认去向");
}

}  // namespace
}  // namespace edu::analytics
