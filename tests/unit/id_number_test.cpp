#include "core/id_number.h"

#include <gtest/gtest.h>

namespace edu {
namespace {

const Date kToday{2026, 11, 22};

TEST(IdNumber, StandardExampleFromGb11643) {
  // The example printed in GB 11643-1999: check character X.
  EXPECT_EQ(id_check_char("11010519491231002"), 'X');
  auto info = check_id_number("11010519491231002X", kToday);
  ASSERT_TRUE(info.ok()) << info.status().message();
  EXPECT_EQ(info->birth_date, (Date{1949, 12, 31}));
  EXPECT_EQ(info->gender, "女");  // sequence 002 is even
}

TEST(IdNumber, HandComputedCheckDigit) {
  // 4 3 0 5 2 1 2 0 1 4 0 9 0 1 0 0 3 with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
  // 28+27+0+25+16+4+4+0+6+12+0+81+0+5+0+0+6 = 214; 214 mod 11 = 5 -> '7'.
  EXPECT_EQ(id_check_char("43052120140901003"), '7');
  auto info = check_id_number("430521201409010037", kToday);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->gender, "男");
}

TEST(IdNumber, LowerCaseXIsAccepted) {
  auto info = check_id_number("11010519491231002x", kToday);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->normalized, "11010519491231002X");
}

TEST(IdNumber, RejectsWrongLength) {
  auto r = check_id_number("1101051949123100", kToday);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), "invalid_id_number");
  EXPECT_NE(r.status().message().find("18位"), std::string::npos);
}

TEST(IdNumber, RejectsBadChecksumAndSaysWhich) {
  auto r = check_id_number("110105194912310021", kToday);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("校验位"), std::string::npos);
  EXPECT_NE(r.status().message().find("应为X"), std::string::npos);
}

TEST(IdNumber, RejectsImpossibleAndFutureBirthDates) {
  std::string feb30 = "43052120140230001";
  auto r = check_id_number(feb30 + id_check_char(feb30), kToday);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("不是有效日期"), std::string::npos);
  std::string future = "43052120270101001";
  r = check_id_number(future + id_check_char(future), kToday);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("晚于今天"), std::string::npos);
}

TEST(IdNumber, RejectsLettersInTheBody) {
  auto r = check_id_number("1101051949A231002X", kToday);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("前17位"), std::string::npos);
}

// Only the area code stays: neither the birth date (shown beside the number)
// nor the sequence and check characters that would rebuild it from the date.
TEST(IdNumber, MasksAllButTheAreaCode) {
  EXPECT_EQ(mask_id_number("43052120140901003X"), "430521************");
  EXPECT_EQ(mask_id_number("110105194912310021"), "110105************");
  EXPECT_EQ(mask_id_number("1234567"), "123456*");
  EXPECT_EQ(mask_id_number("123456"), "******");
  EXPECT_EQ(mask_id_number(""), "");
}

}  // namespace
}  // namespace edu
