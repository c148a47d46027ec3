// The statistics indicators on a hand-made history: counts, rates with their
// numerator and denominator, the year-over-year change, and what the
// three-year register cannot give said so.
#include <gtest/gtest.h>

#include "analytics/statistics.h"
#include "analytics_fixture.h"
#include "core/teacher_section.h"

namespace edu::analytics {
namespace {

using testing::TinyCounty;

const StatGroup& group(const Statistics& s, const std::string& level, const std::string& section) {
  for (const auto& g : s.groups)
    if (g.level == level && g.section == section) return g;
  throw std::runtime_error("no group " + level + section);
}

TEST(Statistics, CountsRatesAndChanges) {
  TinyCounty county;
  int64_t j = county.school("初级中学", "镇区");
  int64_t h = county.school("高级中学", "城区");
  // 2025: 60 in 九年级 of whom 50 graduate (40 go on to 高一 in 2026), 10 stay 在读; 2 drop out of
  // 七年级 (the 控辍保学 ledger's cases 1 and 2).
  county.students(j, 9, 40, 2025, "毕业", 1);
  county.students(j, 9, 10, 2025, "毕业", 501);
  county.students(j, 9, 10, 2025, "在读", 601);
  county.students(j, 7, 58, 2025, "在读", 701);
  county.students(j, 7, 2, 2025, "辍学", 801);
  county.students(h, 10, 40, 2026, "在读", 1);
  county.students(j, 7, 70, 2026, "在读", 901);  // 70 in one class: 超大班额
  county.teachers(j, 10, "本科");
  county.teachers(j, 2, "专科", "数学", "市级");
  Snapshot s = county.snapshot();
  std::vector<bool> all(s.schools.size(), true);

  const std::vector<dropout::CaseFact> ledger = {
      {1, 801, 2, "桃洪镇", j, "学校1", "辍学", "2025-10-09", "", ""},
      {2, 802, 2, "桃洪镇", j, "学校1", "辍学", "2025-11-02", "", ""}};
  Statistics y2025 = compute_statistics(s, 2025, all, "青山县", ledger);
  const StatGroup& junior = group(y2025, "全域", "初中");
  // 在校生 (core/in_school.h): 在读 and 毕业, not the 2 who dropped out: 40 + 10 + 10 + 58.
  EXPECT_EQ(*junior.values.at("students").now.value, 118);
  EXPECT_EQ(*junior.values.at("graduates").now.value, 50);
  const Ratio& promotion = junior.values.at("promotion_rate").now;
  EXPECT_EQ(promotion.numerator, 40);
  EXPECT_EQ(*promotion.denominator, 50);
  EXPECT_NEAR(*promotion.value, 80, 1e-9);
  const Ratio& dropout = junior.values.at("dropout_rate").now;
  EXPECT_EQ(dropout.numerator, 2);
  EXPECT_EQ(*dropout.denominator, 120);  // 学年初在册: the 118 and the 2
  EXPECT_FALSE(junior.values.at("retention_rate").now.value);
  EXPECT_NE(junior.values.at("retention_rate").now.note.find("无法计算"), std::string::npos);
  EXPECT_FALSE(junior.values.at("pupil_teacher").now.value);  // no teacher history

  Statistics y2026 = compute_statistics(s, 2026, all, "青山县", ledger);
  const StatGroup& j26 = group(y2026, "全域", "初中");
  EXPECT_EQ(*j26.values.at("entrants").now.value, 70);
  EXPECT_NEAR(*j26.values.at("pupil_teacher").now.value, 70.0 / 12, 1e-9);
  EXPECT_NEAR(*j26.values.at("qualified_rate").now.value, 100, 1e-9);  // 专科 qualifies for 初中
  EXPECT_NEAR(*j26.values.at("above_rate").now.value, 1000.0 / 12, 1e-9);
  EXPECT_EQ(*j26.values.at("backbone").now.value, 2);
  EXPECT_EQ(*j26.values.at("huge_classes").now.value, 100);
  EXPECT_EQ(*j26.values.at("students").change, 70 - 118);
  EXPECT_FALSE(j26.values.at("graduates").now.value);  // the year is under way
  EXPECT_FALSE(j26.values.at("promotion_rate").now.value);
  EXPECT_EQ(group(y2026, "城乡", "高中").name, "城区");
  EXPECT_EQ(*group(y2026, "乡镇", "合计").values.at("students").now.value, 110);
}

TEST(Statistics, InSchoolLeavesOutSuspendedTransferredAndDroppedOut) {
  TinyCounty county;
  int64_t a = county.school("小学");
  county.students(a, 3, 30, 2026, "在读", 1);
  county.students(a, 3, 2, 2026, "休学", 101);
  county.students(a, 3, 3, 2026, "转出", 201);
  county.students(a, 3, 1, 2026, "辍学", 301);
  Snapshot s = county.snapshot();
  Statistics y = compute_statistics(s, 2026, {true}, "青山县", {});
  const StatGroup& g = group(y, "全域", "小学");
  EXPECT_EQ(*g.values.at("students").now.value, 30);
  EXPECT_EQ(*g.values.at("dropout_rate").now.denominator, 36);
  EXPECT_EQ(g.values.at("students").records.numerator->query.back().first, "in_school");
}

// The brief's county: 200 enrolled at the start of 2026, three children on the
// 控辍保学 ledger that year: one returned (not a dropout), one still out, one
// closed 其他 (still a dropout); a fourth found untrue and a fifth found the
// year before count for neither. 2 ÷ 200 = 1.00%, and the numerator opens
// exactly those two students.
TEST(Statistics, DropoutRateComesFromTheLedger) {
  TinyCounty county;
  int64_t a = county.school("小学");
  int64_t b = county.school("小学");
  county.students(a, 3, 120, 2026, "在读", 1);  // ids 1 … 120
  county.students(b, 4, 80, 2026, "在读", 201);  // ids 201 … 280
  Snapshot s = county.snapshot();
  const std::vector<dropout::CaseFact> ledger = {
      {1, 5, 2, "桃洪镇", a, "学校1", "辍学", "2026-09-20", "2026-10-08", "close_returned"},
      {2, 7, 2, "桃洪镇", a, "学校1", "辍学", "2026-10-11", "", ""},
      {3, 230, 2, "桃洪镇", b, "学校2", "辍学", "2026-11-02", "2026-11-20", "close_other"},
      {4, 9, 2, "桃洪镇", a, "学校1", "辍学", "2026-11-05", "2026-11-06", "dismiss"},
      {5, 11, 2, "桃洪镇", a, "学校1", "辍学", "2026-06-01", "", ""}};
  Statistics y = compute_statistics(s, 2026, {true, true}, "青山县", ledger);
  const StatValue& all = group(y, "全域", "合计").values.at("dropout_rate");
  EXPECT_EQ(all.now.numerator, 2);
  EXPECT_EQ(*all.now.denominator, 200);
  EXPECT_NEAR(*all.now.value, 1.00, 1e-9);
  ASSERT_TRUE(all.records.numerator);
  EXPECT_EQ(all.records.numerator->list, "students");
  EXPECT_EQ(all.records.numerator->query.back(), (std::pair<std::string, std::string>{"student_ids", "7,230"}));
  EXPECT_EQ(all.records.denominator->query.front(), (std::pair<std::string, std::string>{"school_year", "2026"}));
  // Only school b in scope: one of its 80.
  Statistics only_b = compute_statistics(s, 2026, {false, true}, "学校2", ledger);
  const Ratio& b_rate = group(only_b, "全域", "小学").values.at("dropout_rate").now;
  EXPECT_EQ(b_rate.numerator, 1);
  EXPECT_NEAR(*b_rate.value, 1.25, 1e-9);
  // No dropout in scope: 0, and no list to open.
  Statistics none = compute_statistics(s, 2026, {true, true}, "青山县", {});
  EXPECT_EQ(group(none, "全域", "合计").values.at("dropout_rate").now.numerator, 0);
  EXPECT_FALSE(group(none, "全域", "合计").values.at("dropout_rate").records.numerator);
}

// 巩固率: 50 entered 一年级 at the township's 小学 in 2018; in 2026 the 初级中学
// has 45 of them in 九年级 (44 在读, 1 毕业 — both 在校生) and 1 辍学:
// 45 ÷ 50 = 90%. The year before, the cohort's 2017 is before the register.
TEST(Statistics, RetentionRateFromTheCohortEightYearsBack) {
  TinyCounty county;
  int64_t p = county.school("小学");
  int64_t j = county.school("初级中学");
  county.students(p, 1, 50, 2018, "在读", 1);
  county.students(j, 9, 44, 2026, "在读", 1);
  county.students(j, 9, 1, 2026, "毕业", 45);
  county.students(j, 9, 1, 2026, "辍学", 46);
  county.students(j, 9, 30, 2025, "毕业", 101);
  Snapshot s = county.snapshot();
  Statistics y = compute_statistics(s, 2026, {true, true}, "青山县", {});
  for (const char* level : {"全域", "乡镇"}) {
    const StatValue& r = group(y, level, "初中").values.at("retention_rate");
    EXPECT_EQ(r.now.numerator, 45) << level;
    EXPECT_EQ(*r.now.denominator, 50) << level;
    EXPECT_NEAR(*r.now.value, 90, 1e-9) << level;
  }
  const StatValue& r = group(y, "全域", "初中").values.at("retention_rate");
  ASSERT_TRUE(r.records.denominator);
  const RecordQuery& cohort = r.records.denominator->query;
  EXPECT_EQ(cohort.front(), (std::pair<std::string, std::string>{"school_year", "2018"}));
  EXPECT_EQ(cohort.back(), (std::pair<std::string, std::string>{"section", "小学"}));
  ASSERT_TRUE(r.previous);
  EXPECT_FALSE(r.previous->value);
  EXPECT_NE(r.previous->note.find("2017学年"), std::string::npos);
}

TEST(Statistics, EveryIndicatorDeclaresItsDefinition) {
  for (const StatDef& d : stat_defs()) EXPECT_FALSE(d.definition.empty()) << d.key;
  auto good = [](const std::string& key) {
    for (const StatDef& d : stat_defs())
      if (d.key == key) return d.good;
    return 99;
  };
  EXPECT_EQ(good("large_classes"), -1);  // fewer 大班额 is better
  EXPECT_EQ(good("qualified_rate"), 1);
  EXPECT_EQ(good("students"), 0);
}

TEST(Statistics, ScopeLimitsTheSchoolsCounted) {
  TinyCounty county;
  int64_t a = county.school("小学");
  int64_t b = county.school("小学");
  county.students(a, 1, 30);
  county.students(b, 1, 50);
  Snapshot s = county.snapshot();
  Statistics only_b = compute_statistics(s, 2026, {false, true}, "学校2", {});
  EXPECT_EQ(*group(only_b, "全域", "小学").values.at("students").now.value, 50);
  EXPECT_EQ(group(only_b, "全域", "小学").name, "学校2");
}

TEST(TeacherSection, DefaultsByKindAndSubject) {
  EXPECT_EQ(default_teacher_section("小学", "物理"), "小学");
  EXPECT_EQ(default_teacher_section("九年一贯制学校", "物理"), "初中");
  EXPECT_EQ(default_teacher_section("九年一贯制学校", "语文"), "小学");
  EXPECT_EQ(default_teacher_section("完全中学", "语文"), "初中");
  EXPECT_EQ(default_teacher_section("高级中学", "化学"), "高中");
  EXPECT_EQ(teacher_section("初中", "九年一贯制学校", "语文"), "初中");
  EXPECT_EQ(teacher_section("高中", "九年一贯制学校", "语文"), "小学");  // not a section of the kind
}

}  // namespace
}  // namespace edu::analytics
