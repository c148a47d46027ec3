// The demo county split into the school years a bureau records
// (demo/register_years.h): the first year is entered whole, later years only
// what the rollover does not do itself, and nothing is lost or entered twice.
#include <gtest/gtest.h>

#include <set>

#include "core/enums.h"
#include "demo/register_years.h"

namespace edu::demo {
namespace {

struct Split {
  DemoSettings settings;
  DemoCounty county;
  std::vector<RegisterYear> years;
  Split() {
    settings.scale = 0.05;
    county = generate_county(settings);
    years = register_years(county, settings);
  }
};

const Split& split() {
  static const Split s;
  return s;
}

TEST(DemoRegisterYears, OneEntryPerHistoryYearOldestFirst) {
  const Split& s = split();
  ASSERT_EQ(s.years.size(), 3u);
  EXPECT_EQ(s.years.front().school_year, 2024);
  EXPECT_EQ(s.years.back().school_year, 2026);
}

TEST(DemoRegisterYears, EveryTeacherOnceHiredByTheYearsStart) {
  size_t teachers = 0;
  for (const RegisterYear& y : split().years) {
    teachers += y.teachers.size();
    for (const Teacher& t : y.teachers) {
      EXPECT_LE(t.hired_on, (Date{y.school_year, 9, 1})) << t.name;
      if (y.school_year > 2024) {
        EXPECT_GT(t.hired_on, (Date{y.school_year - 1, 9, 1})) << t.name;
      }
    }
  }
  EXPECT_EQ(teachers, split().county.teachers.size());
}

TEST(DemoRegisterYears, TheFirstYearWholeLaterYearsTheEntryGradesOnly) {
  const Split& s = split();
  size_t classes = 0;
  for (const RegisterYear& y : s.years) {
    classes += y.classes.size();
    for (const SchoolClass& c : y.classes) {
      EXPECT_EQ(c.school_year, y.school_year);
      if (y.school_year > 2024) {
        EXPECT_FALSE(grade_in_section(c.section, c.grade - 1)) << c.name;
      }
    }
  }
  size_t first_year = 0, entry_grades_later = 0;
  for (const SchoolClass& c : s.county.classes) {
    first_year += c.school_year == 2024;
    entry_grades_later += c.school_year > 2024 && !grade_in_section(c.section, c.grade - 1);
  }
  EXPECT_EQ(classes, first_year + entry_grades_later);
}

TEST(DemoRegisterYears, EveryStudentJoinsAClassAtMostOnceAYearAndLeavesByAStatusChange) {
  const Split& s = split();
  std::set<int64_t> joined;
  std::set<std::string> statuses;
  for (const RegisterYear& y : s.years) {
    std::set<int64_t> this_year;
    for (const Student& st : y.students) {
      joined.insert(st.id);
      EXPECT_TRUE(this_year.insert(st.id).second) << st.name;
      EXPECT_EQ(st.status, "在读");
      ASSERT_TRUE(st.class_id);
      EXPECT_LE(st.enrolled_on, (Date{y.school_year, 9, 1}));
    }
    for (const Student& st : y.leavers) statuses.insert(st.status);
  }
  EXPECT_EQ(joined.size(), s.county.students.size());
  EXPECT_EQ(statuses, (std::set<std::string>{"休学", "辍学", "转出"}));
}

}  // namespace
}  // namespace edu::demo
