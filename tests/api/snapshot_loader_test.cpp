// The analytics snapshot streamed straight from the database (load_snapshot:
// SnapshotBuilder fed by query_each) is the one build_snapshot makes of the
// same registers read whole (read_registers), column by column — on SQLite
// here and on PostgreSQL (COPY … TO STDOUT) under api_tests.postgres — also
// when the enrolments come back out of (student, year) order. And
// query_each's RowView reads the same on both engines: a number as text, a
// number from text, NULL.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "analytics/snapshot_builder.h"
#include "demo/generator.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "store/snapshot_loader.h"
#include "test_database.h"

namespace edu {
namespace {

constexpr int kYear = 2026;

class SnapshotLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / "edu_snapshot_loader_test";
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto db = open_database(apitest::fresh_test_database("snapshot_loader", dir_));
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(*db);
    ASSERT_TRUE(migrate(*db_).ok());
    demo::DemoSettings settings;
    settings.scale = 0.05;
    county_ = demo::generate_county(settings);
    ASSERT_TRUE(load_registers(*db_, county_).ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
  Registers county_;
};

auto conditions_key(const Conditions& c) {
  return std::make_tuple(c.school_id, c.school_year, c.building_area, c.teaching_area, c.sports_area,
                         c.equipment_value, c.books, c.computers, c.multimedia_rooms);
}

// Every field of every column, and the lookups built on them.
void expect_same(const analytics::Snapshot& a, const analytics::Snapshot& b) {
  EXPECT_EQ(a.first_year, b.first_year);
  EXPECT_EQ(a.last_year, b.last_year);
  EXPECT_EQ(a.first_teacher_year, b.first_teacher_year);
  EXPECT_EQ(a.teacher_year, b.teacher_year);
  ASSERT_EQ(a.areas.size(), b.areas.size());
  for (size_t i = 0; i < a.areas.size(); ++i) {
    const Area &x = a.areas[i], &y = b.areas[i];
    EXPECT_EQ(std::tie(x.id, x.parent_id, x.code, x.name, x.level), std::tie(y.id, y.parent_id, y.code, y.name, y.level));
  }
  ASSERT_EQ(a.schools.size(), b.schools.size());
  for (size_t i = 0; i < a.schools.size(); ++i) {
    const analytics::SchoolInfo &x = a.schools[i], &y = b.schools[i];
    EXPECT_EQ(std::tie(x.id, x.code, x.name, x.kind, x.location, x.area_id, x.township_id, x.township_name,
                       x.county_id, x.county_name),
              std::tie(y.id, y.code, y.name, y.kind, y.location, y.area_id, y.township_id, y.township_name,
                       y.county_id, y.county_name));
    EXPECT_EQ(a.school_index(x.id), static_cast<int>(i));
    EXPECT_EQ(b.school_index(x.id), static_cast<int>(i));
  }
  EXPECT_EQ(a.enrolments.student_id, b.enrolments.student_id);
  EXPECT_EQ(a.enrolments.year, b.enrolments.year);
  EXPECT_EQ(a.enrolments.school, b.enrolments.school);
  EXPECT_EQ(a.enrolments.klass, b.enrolments.klass);
  EXPECT_EQ(a.enrolments.grade, b.enrolments.grade);
  EXPECT_EQ(a.enrolments.status, b.enrolments.status);
  EXPECT_EQ(a.classes.id, b.classes.id);
  EXPECT_EQ(a.classes.school, b.classes.school);
  EXPECT_EQ(a.classes.year, b.classes.year);
  EXPECT_EQ(a.classes.section, b.classes.section);
  EXPECT_EQ(a.classes.grade, b.classes.grade);
  EXPECT_EQ(a.teachers.id, b.teachers.id);
  EXPECT_EQ(a.teachers.year, b.teachers.year);
  EXPECT_EQ(a.teachers.name, b.teachers.name);
  EXPECT_EQ(a.teachers.school, b.teachers.school);
  EXPECT_EQ(a.teachers.section, b.teachers.section);
  EXPECT_EQ(a.teachers.post, b.teachers.post);
  EXPECT_EQ(a.teachers.education, b.teachers.education);
  EXPECT_EQ(a.teachers.title, b.teachers.title);
  EXPECT_EQ(a.teachers.subject, b.teachers.subject);
  EXPECT_EQ(a.teachers.backbone, b.teachers.backbone);
  // Conditions in any order: the same rows, and the same row for every school and year.
  std::vector<decltype(conditions_key(Conditions{}))> ca, cb;
  for (const Conditions& c : a.conditions) ca.push_back(conditions_key(c));
  for (const Conditions& c : b.conditions) cb.push_back(conditions_key(c));
  std::sort(ca.begin(), ca.end());
  std::sort(cb.begin(), cb.end());
  EXPECT_EQ(ca, cb);
  for (int school = 0; school < static_cast<int>(a.schools.size()); ++school)
    for (int year = a.first_year; year <= a.last_year; ++year) {
      const Conditions *x = a.conditions_of(school, year), *y = b.conditions_of(school, year);
      ASSERT_EQ(x == nullptr, y == nullptr) << school << " " << year;
      if (x) EXPECT_EQ(conditions_key(*x), conditions_key(*y));
    }
}

TEST_F(SnapshotLoaderTest, TheStreamedSnapshotIsTheOneBuiltFromTheRegisters) {
  auto registers = read_registers(*db_);
  ASSERT_TRUE(registers.ok()) << registers.status().message();
  auto loaded = load_snapshot(*db_, kYear);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const analytics::Snapshot built = analytics::build_snapshot(*registers, kYear);
  expect_same(*loaded, built);
  // The county's own counts: every enrolment; the register's teachers and the earlier years' rows.
  EXPECT_EQ(loaded->enrolments.size(), county_.enrolments.size());
  const size_t earlier = std::count_if(county_.teacher_years.begin(), county_.teacher_years.end(),
                                       [](const TeacherYear& t) { return t.school_year < kYear; });
  ASSERT_GT(earlier, 0u);
  EXPECT_EQ(loaded->teachers.size(), county_.teachers.size() + earlier);
  EXPECT_LT(loaded->first_teacher_year, kYear);
  EXPECT_EQ(loaded->classes.size(), county_.classes.size());
}

// The first student's (smallest id) enrolments written again come back last (a new rowid on
// SQLite, a new tuple at the heap's end on PostgreSQL): sorted all the same.
TEST_F(SnapshotLoaderTest, EnrolmentsReadOutOfOrderEndInStudentAndYearOrder) {
  const int64_t first = std::min_element(county_.enrolments.begin(), county_.enrolments.end(),
                                         [](const Enrolment& a, const Enrolment& b) { return a.student_id < b.student_id; })
                            ->student_id;
  std::vector<Enrolment> moved;
  for (const Enrolment& e : county_.enrolments)
    if (e.student_id == first) moved.push_back(e);
  ASSERT_FALSE(moved.empty());
  {
    Transaction tx(*db_);
    ASSERT_TRUE(db_->exec("DELETE FROM enrolments WHERE student_id = ?", {first}).ok());
    ASSERT_TRUE(insert_all(*db_, "enrolments", {"student_id", "school_year", "school_id", "class_id", "grade", "status"},
                           moved,
                           [](const Enrolment& e) -> std::vector<Value> {
                             return {e.student_id, int64_t{e.school_year}, e.school_id, e.class_id,
                                     int64_t{e.grade}, e.status};
                           })
                    .ok());
    ASSERT_TRUE(tx.commit().ok());
  }
  int64_t last = 0;
  // (Every column, as load_snapshot reads them: SQLite reads the table, not a covering index.)
  ASSERT_TRUE(db_->query_each("SELECT student_id, school_year, school_id, class_id, grade, status FROM enrolments",
                              [&](const RowView& r) {
                                last = r.integer(0);
                                return Status::Ok();
                              })
                  .ok());
  ASSERT_EQ(last, first);  // read unordered, the moved rows come last
  auto registers = read_registers(*db_);
  ASSERT_TRUE(registers.ok());
  auto loaded = load_snapshot(*db_, kYear);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  expect_same(*loaded, analytics::build_snapshot(*registers, kYear));
  EXPECT_EQ(loaded->enrolments.student_id.front(), first);
}

// A number read as text and text read as a number, alike on both engines.
TEST_F(SnapshotLoaderTest, ARowViewReadsAlikeOnBothEngines) {
  const Area& county = county_.areas.front();
  std::vector<std::string> texts;
  std::vector<int64_t> codes;
  std::vector<bool> nulls;
  ASSERT_TRUE(db_->query_each("SELECT id, code, parent_id, 2.5 FROM areas WHERE id = " + std::to_string(county.id),
                              [&](const RowView& r) {
                                texts.emplace_back(r.text(0));
                                texts.emplace_back(r.text(3));
                                texts.emplace_back(r.text(2));
                                codes.push_back(r.integer(1));
                                codes.push_back(r.integer(2));
                                nulls.push_back(r.is_null(2));
                                EXPECT_DOUBLE_EQ(r.real(3), 2.5);
                                EXPECT_DOUBLE_EQ(r.real(0), static_cast<double>(county.id));
                                EXPECT_EQ(r.integer(3), 2);
                                return Status::Ok();
                              })
                  .ok());
  EXPECT_EQ(texts, std::vector<std::string>({std::to_string(county.id), "2.5", ""}));
  EXPECT_EQ(codes, std::vector<int64_t>({std::stoll(county.code), 0}));
  EXPECT_EQ(nulls, std::vector<bool>({true}));
}

}  // namespace
}  // namespace edu
