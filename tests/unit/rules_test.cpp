// Dates, enumerations and the field rules of the registers.
#include <gtest/gtest.h>

#include "core/enums.h"
#include "core/id_number.h"
#include "core/validate.h"

namespace edu {
namespace {

const Date kToday{2026, 11, 22};

TEST(Dates, LeapYearsAndMonthLengths) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_TRUE(parse_iso_date("2024-02-29").has_value());
  EXPECT_FALSE(parse_iso_date("2023-02-29").has_value());
  EXPECT_FALSE(parse_iso_date("2023-13-01").has_value());
  EXPECT_FALSE(parse_iso_date("2023/01/01").has_value());
  EXPECT_EQ(parse_iso_date("2014-09-01")->iso(), "2014-09-01");
}

TEST(Dates, IsoTextPadsEveryPart) {
  EXPECT_EQ((Date{2026, 1, 5}.iso()), "2026-01-05");
  EXPECT_EQ((Date{987, 12, 31}.iso()), "0987-12-31");
  EXPECT_EQ(Date{}.iso(), "0000-00-00");
  EXPECT_EQ((Date{12345, 1, 1}.iso()), "12345-01-01");
  EXPECT_EQ((Date{-1, 1, 1}.iso()), "-001-01-01");
}

TEST(Dates, AgeCountsCompletedYears) {
  EXPECT_EQ(age_on({2014, 9, 1}, {2020, 8, 31}), 5);
  EXPECT_EQ(age_on({2014, 9, 1}, {2020, 9, 1}), 6);
  EXPECT_EQ(school_year_of({2026, 8, 31}), 2025);
  EXPECT_EQ(school_year_of({2026, 9, 1}), 2026);
}

TEST(Enums, GradeLabelsAndSections) {
  EXPECT_EQ(grade_label("学前", -2), "小班");
  EXPECT_EQ(grade_label("小学", 1), "一年级");
  EXPECT_EQ(grade_label("初中", 7), "七年级");
  EXPECT_EQ(grade_label("高中", 12), "高三");
  EXPECT_EQ(grade_label("中职", 10), "一年级");
  EXPECT_TRUE(grade_in_section("初中", 9));
  EXPECT_FALSE(grade_in_section("小学", 7));
  EXPECT_EQ(sections_of_kind("九年一贯制学校"), (std::vector<std::string>{"小学", "初中"}));
  EXPECT_TRUE(school_kinds().contains("教学点"));
  EXPECT_FALSE(school_kinds().contains("大学"));
}

TEST(Enums, GradesByNameAndClassLabels) {
  EXPECT_EQ(grade_named("小学", "三年级"), 3);
  EXPECT_EQ(grade_named("小学", "3"), 3);
  EXPECT_EQ(grade_named("高中", "高一"), 10);
  EXPECT_EQ(grade_named("中职", "一年级"), 10);
  EXPECT_EQ(grade_named("学前", "大班"), 0);
  EXPECT_EQ(grade_named("初中", "一年级"), std::nullopt);  // not a grade of 初中
  EXPECT_EQ(grade_named("小学", "7"), std::nullopt);
  EXPECT_EQ(grade_labels("初中"), "七年级、八年级、九年级");
  EXPECT_EQ(class_label("小学", 3, 2), "三年级(2)班");
  EXPECT_EQ(class_label("高中", 11, 12), "高二(12)班");
}

Student valid_student() {
  std::string body = "43052120140901003";
  Student s;
  s.id_number = body + id_check_char(body);
  s.name = "张三";
  s.gender = "男";
  s.birth_date = {2014, 9, 1};
  s.ethnicity = "汉族";
  s.school_id = 1;
  s.status = "在读";
  s.enrolled_on = {2020, 9, 1};
  s.household = "农村";
  return s;
}

TEST(Validate, AcceptsAValidStudent) {
  EXPECT_TRUE(validate_student(valid_student(), kToday, 2026).ok());
}

TEST(Validate, StudentErrorsNameTheField) {
  Student s = valid_student();
  s.name = "";
  EXPECT_EQ(validate_student(s, kToday, 2026).field(), "name");
  s = valid_student();
  s.gender = "女";  // the ID's sequence digit is odd
  Status st = validate_student(s, kToday, 2026);
  EXPECT_EQ(st.field(), "gender");
  EXPECT_NE(st.message().find("不一致"), std::string::npos);
  s = valid_student();
  s.birth_date = {2014, 9, 2};
  EXPECT_EQ(validate_student(s, kToday, 2026).field(), "birth_date");
  s = valid_student();
  s.status = "在校";
  st = validate_student(s, kToday, 2026);
  EXPECT_EQ(st.field(), "status");
  EXPECT_NE(st.message().find("可选"), std::string::npos);
  s = valid_student();
  s.id_number[17] = s.id_number[17] == '0' ? '1' : '0';
  EXPECT_EQ(validate_student(s, kToday, 2026).code(), "invalid_id_number");
}

// 招生 in the summer: after the rollover to 2027, on 2026-11-22 (kToday) as on any
// day before it, an entrant's 入学日期 may be 2027-09-01, the first day of the
// current year — and no other day after today.
TEST(Validate, EnrolmentMayBeTheCurrentYearsFirstDay) {
  Student s = valid_student();
  s.enrolled_on = {2027, 9, 1};
  EXPECT_TRUE(validate_student(s, kToday, 2027).ok());
  Status st = validate_student(s, kToday, 2026);
  EXPECT_EQ(st.field(), "enrolled_on");
  EXPECT_EQ(st.message(), "入学日期2027-09-01晚于今天");
  s.enrolled_on = {2027, 9, 2};
  EXPECT_EQ(validate_student(s, kToday, 2027).field(), "enrolled_on");
  s.enrolled_on = {2026, 11, 23};
  EXPECT_EQ(validate_student(s, kToday, 2027).field(), "enrolled_on");
}

TEST(Validate, AgeMustSuitTheGrade) {
  // Born 2014-09-01: 12 on 2026-09-01, the usual age of 七年级 (7 + 5).
  EXPECT_TRUE(check_age_for_grade({2014, 9, 1}, 7, "初中", 2026).ok());
  EXPECT_TRUE(check_age_for_grade({2014, 9, 1}, 9, "初中", 2026).ok());  // 2 years off
  Status s = check_age_for_grade({2014, 9, 1}, 1, "小学", 2026);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("通常6周岁"), std::string::npos);
  EXPECT_FALSE(check_age_for_grade({2014, 9, 1}, 7, "小学", 2026).ok());  // grade not in section
}

TEST(Validate, SchoolCodeAndEnums) {
  School s;
  s.code = "2143052101";
  s.name = "青山县实验小学";
  s.kind = "小学";
  s.ownership = "公办";
  s.location = "城区";
  s.area_id = 2;
  EXPECT_TRUE(validate_school(s).ok());
  s.code = "214305210";
  EXPECT_EQ(validate_school(s).field(), "code");
  s.code = "2143052101";
  s.kind = "大学";
  EXPECT_EQ(validate_school(s).field(), "kind");
}

}  // namespace
}  // namespace edu
