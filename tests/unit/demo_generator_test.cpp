// The demo county generator: determinism, valid people, the county's shape and
// sizes, consistent keys, history, class sizes and balance-standard spread.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "core/enums.h"
#include "core/id_number.h"
#include "core/validate.h"
#include "demo/generator.h"

namespace edu::demo {
namespace {

const Date kToday{2026, 11, 22};
constexpr int kYear = 2026;

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

int count_status(const DemoCounty& c, const std::string& status) {
  return static_cast<int>(std::count_if(c.students.begin(), c.students.end(),
                                        [&](const Student& s) { return s.status == status; }));
}

std::vector<std::string> id_numbers(const DemoCounty& c) {
  std::vector<std::string> ids;
  for (const auto& s : c.students) ids.push_back(s.id_number);
  for (const auto& t : c.teachers) ids.push_back(t.id_number);
  return ids;
}

// Students per class in the current year.
std::map<int64_t, int> current_class_sizes(const DemoCounty& c) {
  std::map<int64_t, int> sizes;
  for (const auto& e : c.enrolments)
    if (e.school_year == kYear) ++sizes[e.class_id];
  return sizes;
}

class DemoCountyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { county_ = new DemoCounty(generate_county(DemoSettings{})); }
  static void TearDownTestSuite() {
    delete county_;
    county_ = nullptr;
  }
  static const DemoCounty& county() { return *county_; }
  // Ids are sequential from 1, so a record is found by its id.
  static const School& school(int64_t id) { return county_->schools.at(id - 1); }
  static const SchoolClass& klass(int64_t id) { return county_->classes.at(id - 1); }

 private:
  static DemoCounty* county_;
};
DemoCounty* DemoCountyTest::county_ = nullptr;

TEST_F(DemoCountyTest, SameSeedGivesTheSameCountyAndAnotherSeedAnother) {
  DemoCounty again = generate_county(DemoSettings{});
  EXPECT_EQ(id_numbers(again), id_numbers(county()));
  EXPECT_EQ(again.schools.size(), county().schools.size());
  EXPECT_EQ(again.classes.size(), county().classes.size());
  EXPECT_EQ(again.enrolments.size(), county().enrolments.size());
  EXPECT_EQ(again.conditions.size(), county().conditions.size());
  for (size_t i = 0; i < again.schools.size(); ++i)
    EXPECT_EQ(again.schools[i].name, county().schools[i].name);

  DemoSettings small;
  small.scale = 0.05;
  DemoSettings other = small;
  other.seed = 7;
  EXPECT_EQ(id_numbers(generate_county(small)), id_numbers(generate_county(small)));
  EXPECT_NE(id_numbers(generate_county(other)), id_numbers(generate_county(small)));
}

TEST_F(DemoCountyTest, AreasAreTheCountyThenItsTownships) {
  const auto& areas = county().areas;
  ASSERT_FALSE(areas.empty());
  EXPECT_EQ(areas[0].id, 1);
  EXPECT_EQ(areas[0].level, "县");
  EXPECT_EQ(areas[0].code, "430521");
  EXPECT_EQ(areas[0].name, "青山县");
  EXPECT_FALSE(areas[0].parent_id.has_value());
  int townships = static_cast<int>(areas.size()) - 1;
  EXPECT_GE(townships, 12);
  EXPECT_LE(townships, 15);
  std::set<std::string> codes;
  for (size_t i = 1; i < areas.size(); ++i) {
    EXPECT_EQ(areas[i].id, static_cast<int64_t>(i + 1));
    EXPECT_EQ(areas[i].parent_id, 1);
    EXPECT_EQ(areas[i].level, "乡镇");
    EXPECT_EQ(areas[i].code.size(), 9u);
    EXPECT_TRUE(starts_with(areas[i].code, "430521"));
    EXPECT_TRUE(codes.insert(areas[i].code).second) << areas[i].code;
  }
}

TEST_F(DemoCountyTest, SchoolsHaveTheCountyShape) {
  const auto& schools = county().schools;
  EXPECT_GE(schools.size(), 140u);
  EXPECT_LE(schools.size(), 165u);
  std::map<std::string, int> kinds;
  std::set<std::string> codes, names;
  for (size_t i = 0; i < schools.size(); ++i) {
    const School& s = schools[i];
    EXPECT_EQ(s.id, static_cast<int64_t>(i + 1));
    EXPECT_TRUE(validate_school(s).ok()) << s.name << ": " << validate_school(s).message();
    EXPECT_TRUE(codes.insert(s.code).second) << s.code;
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
    EXPECT_GT(s.area_id, 1);
    EXPECT_LE(s.area_id, static_cast<int64_t>(county().areas.size()));
    EXPECT_FALSE(s.principal.empty());
    EXPECT_FALSE(s.address.empty());
    EXPECT_FALSE(s.phone.empty());
    ++kinds[s.kind];
    if (s.kind == "教学点") {
      ASSERT_TRUE(s.parent_school_id.has_value()) << s.name;
      const School& parent = school(*s.parent_school_id);
      EXPECT_EQ(parent.kind, "小学");
      EXPECT_EQ(parent.area_id, s.area_id);
    } else {
      EXPECT_FALSE(s.parent_school_id.has_value());
    }
  }
  EXPECT_EQ(kinds["中等职业学校"], 1);
  EXPECT_EQ(kinds["特殊教育学校"], 1);
  EXPECT_GE(kinds["幼儿园"], 30);
  EXPECT_GE(kinds["小学"], 45);
  EXPECT_GE(kinds["教学点"], 15);
  EXPECT_GE(kinds["初级中学"], 15);
  EXPECT_GE(kinds["九年一贯制学校"], 8);
  EXPECT_GE(kinds["完全中学"], 2);
  EXPECT_GE(kinds["高级中学"], 2);
  EXPECT_TRUE(std::any_of(schools.begin(), schools.end(),
                          [](const School& s) { return s.ownership == "民办"; }));
  EXPECT_EQ(schools.front().location, "城区");
}

TEST_F(DemoCountyTest, HeadcountsAreInRange) {
  int current = count_status(county(), "在读");
  EXPECT_GE(current, 57000);
  EXPECT_LE(current, 63000);
  EXPECT_GE(county().teachers.size(), 4200u);
  EXPECT_LE(county().teachers.size(), 4800u);

  std::map<std::string, int> by_section;
  int male = 0;
  for (const auto& s : county().students)
    if (s.status == "在读") {
      ++by_section[klass(*s.class_id).section];
      if (s.gender == "男") ++male;
    }
  EXPECT_NEAR(by_section["小学"] / double(current), 0.5, 0.06);
  EXPECT_NEAR(by_section["初中"] / double(current), 0.25, 0.04);
  EXPECT_GT(by_section["学前"], 0);
  EXPECT_GT(by_section["高中"], 0);
  EXPECT_GT(by_section["中职"], 0);
  EXPECT_GT(by_section["特教"], 0);
  EXPECT_NEAR(male / double(current), 0.52, 0.02);
}

TEST_F(DemoCountyTest, EveryoneHasAValidUniqueIdNumber) {
  std::unordered_set<std::string> seen;
  for (const auto& s : county().students) {
    auto info = check_id_number(s.id_number, kToday);
    ASSERT_TRUE(info.ok()) << s.id_number << ": " << info.status().message();
    EXPECT_EQ(info->birth_date, s.birth_date) << s.id_number;
    EXPECT_EQ(info->gender, s.gender) << s.id_number;
    Status valid = validate_student(s, kToday, 2026);
    EXPECT_TRUE(valid.ok()) << s.id_number << ": " << valid.message();
    EXPECT_TRUE(seen.insert(s.id_number).second) << s.id_number;
  }
  for (const auto& t : county().teachers) {
    auto info = check_id_number(t.id_number, kToday);
    ASSERT_TRUE(info.ok()) << t.id_number << ": " << info.status().message();
    EXPECT_EQ(info->birth_date, t.birth_date) << t.id_number;
    EXPECT_EQ(info->gender, t.gender) << t.id_number;
    Status valid = validate_teacher(t, kToday);
    EXPECT_TRUE(valid.ok()) << t.id_number << ": " << valid.message();
    EXPECT_TRUE(seen.insert(t.id_number).second) << t.id_number;
    int age = age_on(t.birth_date, Date{kYear, 9, 1});
    EXPECT_GE(age, 22);
    EXPECT_LE(age, 60);
  }
}

TEST_F(DemoCountyTest, ClassesFitTheirSchoolsSections) {
  for (size_t i = 0; i < county().classes.size(); ++i) {
    const SchoolClass& c = county().classes[i];
    EXPECT_EQ(c.id, static_cast<int64_t>(i + 1));
    auto sections = sections_of_kind(school(c.school_id).kind);
    EXPECT_NE(std::find(sections.begin(), sections.end(), c.section), sections.end()) << c.name;
    EXPECT_TRUE(grade_in_section(c.section, c.grade)) << c.section << " " << c.grade;
    EXPECT_EQ(c.name, grade_label(c.section, c.grade) + "(" + std::to_string(c.class_no) + ")班");
    if (c.school_year == kYear) {
      ASSERT_TRUE(c.head_teacher_id.has_value()) << c.name;
      const Teacher& head = county().teachers.at(*c.head_teacher_id - 1);
      EXPECT_EQ(head.school_id, c.school_id);
      EXPECT_EQ(head.post, "专任教师");
    }
  }
}

TEST_F(DemoCountyTest, CurrentStudentsAreInTheirSchoolsClassesAtAPlausibleAge) {
  for (size_t i = 0; i < county().students.size(); ++i) {
    const Student& s = county().students[i];
    EXPECT_EQ(s.id, static_cast<int64_t>(i + 1));
    if (s.status != "在读" && s.status != "休学") {  // a class only if they left this year
      if (s.class_id) {
        EXPECT_EQ(klass(*s.class_id).school_year, kYear) << s.id_number;
      }
      continue;
    }
    ASSERT_TRUE(s.class_id.has_value()) << s.id_number;
    const SchoolClass& c = klass(*s.class_id);
    EXPECT_EQ(c.school_id, s.school_id);
    EXPECT_EQ(c.school_year, kYear);
    int age = age_on(s.birth_date, Date{kYear, 9, 1});
    EXPECT_LE(std::abs(age - (c.grade + 5)), 2) << s.id_number << " in " << c.name;
    EXPECT_LE(s.enrolled_on, (Date{kYear, 9, 1}));
  }
}

TEST_F(DemoCountyTest, ClassSizesAreMostlyUsualWithSomeOversizedClasses) {
  int classes = 0, usual = 0, large = 0, very_large = 0;
  for (const auto& [id, size] : current_class_sizes(county())) {
    ++classes;
    if (size <= 55) {
      ++usual;
    } else if (size <= 65) {
      ++large;
    } else {
      ++very_large;
    }
  }
  EXPECT_GT(usual, classes * 3 / 4);
  EXPECT_GT(large, 0);       // 大班额
  EXPECT_GT(very_large, 0);  // 超大班额
  EXPECT_LT(very_large, large);
}

TEST_F(DemoCountyTest, EnrolmentsGiveThreeYearsOfHistory) {
  std::set<int> years;
  std::set<std::pair<int64_t, int>> rows;
  std::map<int64_t, std::map<int, const Enrolment*>> by_student;
  for (const auto& e : county().enrolments) {
    years.insert(e.school_year);
    EXPECT_TRUE(rows.insert({e.student_id, e.school_year}).second)
        << "one row per student and year";
    const SchoolClass& c = klass(e.class_id);
    EXPECT_EQ(c.school_id, e.school_id);
    EXPECT_EQ(c.school_year, e.school_year);
    EXPECT_EQ(c.grade, e.grade);
    by_student[e.student_id][e.school_year] = &e;
  }
  EXPECT_EQ(years, (std::set<int>{2024, 2025, 2026}));

  int promoted = 0;
  for (const auto& s : county().students) {
    const auto& history = by_student[s.id];
    ASSERT_FALSE(history.empty()) << s.id_number;
    const Enrolment& last = *history.rbegin()->second;
    EXPECT_EQ(last.school_id, s.school_id) << s.id_number;
    if (s.status == "在读" || s.status == "休学") {
      EXPECT_EQ(last.school_year, kYear) << s.id_number;
    }
    if (s.status != "在读") {
      EXPECT_EQ(last.status, s.status) << s.id_number;
    }
    for (auto it = history.begin(); std::next(it) != history.end(); ++it) {
      EXPECT_EQ(std::next(it)->first, it->first + 1) << "no gaps: " << s.id_number;
      EXPECT_EQ(std::next(it)->second->grade, it->second->grade + 1) << s.id_number;
      ++promoted;
    }
  }
  EXPECT_GT(promoted, 80000);
  EXPECT_GT(count_status(county(), "毕业"), 5000);
  EXPECT_GT(count_status(county(), "转出"), 300);
  EXPECT_GT(count_status(county(), "辍学"), 30);
  EXPECT_GT(count_status(county(), "休学"), 0);
}

TEST_F(DemoCountyTest, SomeSchoolsFallShortOfTheBalanceStandardsMostDoNot) {
  struct Standard {
    double teaching, sports, equipment, rooms;
  };
  const std::map<std::string, Standard> standards = {{"小学", {4.5, 7.5, 2000, 2.3}},
                                                     {"初级中学", {5.8, 10.2, 2500, 2.4}}};
  std::map<int64_t, int> pupils;
  for (const auto& e : county().enrolments)
    if (e.school_year == kYear) ++pupils[e.school_id];
  int schools = 0, short_of = 0;
  for (const auto& c : county().conditions) {
    const School& s = school(c.school_id);
    auto standard = standards.find(s.kind);
    if (c.school_year != kYear || standard == standards.end()) continue;
    const Standard& need = standard->second;
    double n = pupils[s.id];
    ASSERT_GT(n, 0) << s.name;
    EXPECT_GT(c.building_area, c.teaching_area);
    bool meets = c.teaching_area / n >= need.teaching && c.sports_area / n >= need.sports &&
                 c.equipment_value / n >= need.equipment &&
                 c.multimedia_rooms * 100 / n >= need.rooms;
    ++schools;
    if (!meets) ++short_of;
  }
  EXPECT_GT(short_of, 0);
  EXPECT_LT(short_of, schools * 2 / 5);
  EXPECT_EQ(county().conditions.size(), county().schools.size() * 3);
}

TEST(DemoCountySmall, HasTheSameShape) {
  DemoSettings settings;
  settings.scale = 0.05;
  DemoCounty county = generate_county(settings);
  std::map<std::string, int> kinds;
  for (const auto& s : county.schools) ++kinds[s.kind];
  EXPECT_EQ(kinds["中等职业学校"], 1);
  EXPECT_EQ(kinds["特殊教育学校"], 1);
  EXPECT_GE(kinds["小学"], 1);
  EXPECT_GE(kinds["初级中学"], 1);
  EXPECT_GE(kinds["幼儿园"], 1);
  EXPECT_GE(county.areas.size() - 1, 12u);
  int current = count_status(county, "在读");
  EXPECT_GT(current, 1000);
  EXPECT_LT(current, 10000);
  EXPECT_FALSE(county.teachers.empty());
  std::unordered_set<std::string> seen;
  for (const auto& id : id_numbers(county)) {
    EXPECT_TRUE(check_id_number(id, kToday).ok()) << id;
    EXPECT_TRUE(seen.insert(id).second) << id;
  }
}

}  // namespace
}  // namespace edu::demo
