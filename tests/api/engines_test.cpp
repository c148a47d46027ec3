// The same registers on both engines: the demo county bulk-loaded
// (load_registers: COPY on PostgreSQL, prepared INSERTs on SQLite) gives the
// same rows in each — per table its row count and sums over a few columns of
// each kind (ids, references, text lengths, reals) — and every row comes back
// alike through read_registers. Text with the bytes COPY escapes (tab, newline,
// backslash, "\N") arrives as sent, and comes back alike through query_each
// (COPY … TO STDOUT on PostgreSQL). The analytics snapshot loads alike from
// both. A row that breaks a foreign key fails the whole bulk load on both,
// and PostgreSQL's keys (dropped for the load) are all back after it, whether
// it failed or not. Runs when EDU_TEST_PG names a cluster
// (api_tests.postgres); skipped on SQLite alone.
#include <gtest/gtest.h>

#include <cstdlib>

#include "demo/generator.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "store/snapshot_loader.h"
#include "test_database.h"

namespace edu {
namespace {

// Per table: its count and checksums (whole numbers: PostgreSQL's SUM of a
// BIGINT is NUMERIC, SQLite's an integer), as one line of text.
constexpr const char* kChecksums[] = {
    "SELECT COUNT(*), SUM(id), SUM(COALESCE(parent_id, 0)), SUM(LENGTH(code || name || level)) FROM areas",
    "SELECT COUNT(*), SUM(id * area_id), SUM(COALESCE(parent_school_id, 0)), SUM(LENGTH(name || kind || address)), "
    "SUM(founded_year), SUM(id * weak) FROM schools",
    "SELECT COUNT(*), SUM(id * school_id), SUM(LENGTH(id_number || name || birth_date || title || hired_on)), "
    "SUM(on_staff) FROM teachers",
    "SELECT COUNT(*), SUM(teacher_id * school_year), SUM(LENGTH(post || subject || backbone)) FROM teacher_years",
    "SELECT COUNT(*), SUM(id * grade), SUM(COALESCE(head_teacher_id, 0)), SUM(LENGTH(name || section)) FROM classes",
    "SELECT COUNT(*), SUM(id * school_id), SUM(COALESCE(class_id, 0)), "
    "SUM(LENGTH(id_number || name || birth_date || status || household)), SUM(left_behind + 2 * disabled) "
    "FROM students",
    "SELECT COUNT(*), SUM(student_id * grade), SUM(class_id), SUM(LENGTH(status)) FROM enrolments",
    "SELECT COUNT(*), SUM(school_id * books), CAST(ROUND(SUM(building_area + equipment_value) * 100) AS BIGINT), SUM(computers) "
    "FROM conditions",
};

std::vector<std::string> checksums(Database& db) {
  std::vector<std::string> out;
  for (const char* sql : kChecksums) {
    auto rows = db.query(sql);
    EXPECT_TRUE(rows.ok()) << sql << ": " << rows.status().message();
    if (!rows.ok()) continue;
    std::string line;
    for (size_t i = 0; i < rows->front().size(); ++i) line += std::to_string(rows->front().integer(i)) + " ";
    out.push_back(line);
  }
  return out;
}

std::string students_text(const Registers& r) {
  std::string out;
  for (const Student& s : r.students)
    out += std::to_string(s.id) + s.id_number + s.name + s.birth_date.iso() + std::to_string(s.class_id.value_or(0)) +
           s.status + "\n";
  return out;
}

std::unique_ptr<Database> migrated(const std::string& url) {
  auto db = open_database(url);
  EXPECT_TRUE(db.ok()) << db.status().message();
  EXPECT_TRUE(migrate(**db).ok());
  return std::move(*db);
}

class EnginesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::getenv("EDU_TEST_PG")) GTEST_SKIP() << "EDU_TEST_PG not set (api_tests.postgres runs this)";
    dir_ = std::filesystem::temp_directory_path() / "edu_engines_test";
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    sqlite_ = migrated((dir_ / "engines.db").string());
    postgres_ = migrated(apitest::fresh_test_database("engines", dir_));
    ASSERT_EQ(postgres_->dialect(), Dialect::kPostgres);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::unique_ptr<Database> sqlite_, postgres_;
};

TEST_F(EnginesTest, TheDemoCountyLoadsAlikeOnBoth) {
  demo::DemoSettings settings;
  settings.scale = 0.05;
  const Registers county = demo::generate_county(settings);
  ASSERT_TRUE(load_registers(*sqlite_, county).ok());
  ASSERT_TRUE(load_registers(*postgres_, county).ok());
  const auto on_sqlite = checksums(*sqlite_), on_postgres = checksums(*postgres_);
  EXPECT_EQ(on_sqlite, on_postgres);
  // The counts are the county's own.
  EXPECT_EQ(on_postgres[5].substr(0, on_postgres[5].find(' ')), std::to_string(county.students.size()));
  EXPECT_EQ(on_postgres[6].substr(0, on_postgres[6].find(' ')), std::to_string(county.enrolments.size()));
  auto from_sqlite = read_registers(*sqlite_), from_postgres = read_registers(*postgres_);
  ASSERT_TRUE(from_sqlite.ok() && from_postgres.ok());
  EXPECT_EQ(students_text(*from_sqlite), students_text(*from_postgres));
  EXPECT_EQ(students_text(*from_postgres), students_text(county));
  // The next id a table gives follows the loaded ones on both.
  for (Database* db : {sqlite_.get(), postgres_.get()}) {
    auto id = db->query("INSERT INTO areas (parent_id, code, name, level) VALUES (1, '999999', '新区', '乡镇') RETURNING id");
    ASSERT_TRUE(id.ok()) << id.status().message();
    EXPECT_EQ(id->front().integer(0), county.areas.back().id + 1);
  }
}

TEST_F(EnginesTest, BulkTextArrivesAsSentAndARefusedRowFailsTheLoad) {
  const std::vector<std::string> names = {"制表\t符", "换\n行\r回车", "反斜杠\\N与\\\\", "\\N", "", "引号'\"", "末尾\\"};
  for (Database* db : {sqlite_.get(), postgres_.get()}) {
    Transaction tx(*db);
    int64_t id = 0;
    Status s = insert_all(*db, "areas", {"id", "parent_id", "code", "name", "level"}, names,
                          [&](const std::string& name) -> std::vector<Value> {
                            ++id;
                            return {id, id == 1 ? Value(nullptr) : Value(int64_t{1}), "43052" + std::to_string(id), name,
                                    "乡镇"};
                          });
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_TRUE(tx.commit().ok());
    auto rows = db->query("SELECT name, parent_id FROM areas ORDER BY id");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), names.size());
    for (size_t i = 0; i < names.size(); ++i) EXPECT_EQ((*rows)[i].text(0), names[i]) << i;
    EXPECT_TRUE((*rows)[0].is_null(1));
    std::vector<std::string> streamed;
    std::vector<bool> no_parent;
    Status each = db->query_each("SELECT name, parent_id FROM areas ORDER BY id", [&](const RowView& r) {
      streamed.emplace_back(r.text(0));
      no_parent.push_back(r.is_null(1));
      return Status::Ok();
    });
    ASSERT_TRUE(each.ok()) << each.message();
    EXPECT_EQ(streamed, names);
    EXPECT_EQ(no_parent, std::vector<bool>({true, false, false, false, false, false, false}));
    // A stop from the caller comes back as it is, and the connection takes the next statement.
    each = db->query_each("SELECT id FROM areas", [](const RowView&) { return Status::Error("stop", "够了"); });
    EXPECT_EQ(each.code(), "stop");
    EXPECT_TRUE(db->query("SELECT 1").ok());
    // Parameters of every kind pick the same rows (PostgreSQL writes them into its COPY as literals).
    std::vector<std::string> picked;
    each = db->query_each("SELECT name FROM areas WHERE name IN (?, ?) AND id > ? AND ? < 3 AND ? IS NULL "
                          "AND LENGTH(?) = 3 ORDER BY id",
                          {names[5], names[6], int64_t{1}, 2.5, nullptr, Blob{std::string("a\0\\", 3)}},
                          [&](const RowView& r) {
                            picked.emplace_back(r.text(0));
                            return Status::Ok();
                          });
    ASSERT_TRUE(each.ok()) << each.message();
    EXPECT_EQ(picked, std::vector<std::string>({names[5], names[6]}));
    // Bytes that are not UTF-8 cannot go into PostgreSQL's COPY: an error, as query() gives, not no rows.
    if (db == postgres_.get())
      EXPECT_FALSE(db->query_each("SELECT name FROM areas WHERE name = ?", {std::string("\xff")},
                                  [](const RowView&) { return Status::Ok(); })
                       .ok());
    // A duplicate id among the rows: the whole load refused, as a duplicate, nothing written.
    Transaction again(*db);
    s = insert_all(*db, "areas", {"id", "code", "name", "level"}, std::vector<int64_t>{100, 100},
                   [](int64_t i) -> std::vector<Value> { return {i, "x" + std::to_string(i), "重复", "乡镇"}; });
    EXPECT_EQ(s.code(), "duplicate") << s.message();
  }
  for (Database* db : {sqlite_.get(), postgres_.get()}) {
    auto count = db->query("SELECT COUNT(*) FROM areas");
    ASSERT_TRUE(count.ok()) << count.status().message();
    EXPECT_EQ(count->front().integer(0), static_cast<int64_t>(names.size()));
  }
}

// A county of 0.05: 8 schools' worth of registers, hand-checkable sums.
TEST_F(EnginesTest, TheSnapshotLoadsAlikeFromBoth) {
  demo::DemoSettings settings;
  settings.scale = 0.05;
  const Registers county = demo::generate_county(settings);
  ASSERT_TRUE(load_registers(*sqlite_, county).ok());
  ASSERT_TRUE(load_registers(*postgres_, county).ok());
  auto a = load_snapshot(*sqlite_, 2026), b = load_snapshot(*postgres_, 2026);
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->enrolments.size(), county.enrolments.size());
  EXPECT_EQ(a->enrolments.student_id, b->enrolments.student_id);
  EXPECT_EQ(a->enrolments.year, b->enrolments.year);
  EXPECT_EQ(a->enrolments.school, b->enrolments.school);
  EXPECT_EQ(a->enrolments.klass, b->enrolments.klass);
  EXPECT_EQ(a->enrolments.grade, b->enrolments.grade);
  EXPECT_EQ(a->enrolments.status, b->enrolments.status);
  // In (student, year) order, though read unordered.
  for (size_t i = 1; i < b->enrolments.size(); ++i)
    ASSERT_LT(std::make_pair(b->enrolments.student_id[i - 1], b->enrolments.year[i - 1]),
              std::make_pair(b->enrolments.student_id[i], b->enrolments.year[i]));
  EXPECT_EQ(a->classes.id, b->classes.id);
  EXPECT_EQ(a->teachers.id, b->teachers.id);
  EXPECT_EQ(a->teachers.name, b->teachers.name);
  EXPECT_EQ(a->schools.size(), county.schools.size());
  EXPECT_EQ(b->schools.size(), county.schools.size());
  ASSERT_EQ(a->conditions.size(), b->conditions.size());
  double area_a = 0, area_b = 0;
  for (const Conditions& c : a->conditions) area_a += c.building_area;
  for (const Conditions& c : b->conditions) area_b += c.building_area;
  EXPECT_DOUBLE_EQ(area_a, area_b);
}

TEST_F(EnginesTest, ARowBreakingAKeyFailsTheBulkLoadAndTheKeysStay) {
  demo::DemoSettings settings;
  settings.scale = 0.05;
  Registers county = demo::generate_county(settings);
  county.enrolments.back().class_id = 999999;  // no such class
  const char* kKeys = "SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f'";
  auto keys_before = postgres_->query(kKeys);
  ASSERT_TRUE(keys_before.ok());
  ASSERT_GT(keys_before->front().integer(0), 10);
  for (Database* db : {sqlite_.get(), postgres_.get()}) {
    Status s = load_registers(*db, county);
    EXPECT_EQ(s.code(), "validation") << s.message();
    auto students = db->query("SELECT COUNT(*) FROM students");
    ASSERT_TRUE(students.ok());
    EXPECT_EQ(students->front().integer(0), 0);
  }
  auto keys_after = postgres_->query(kKeys);
  ASSERT_TRUE(keys_after.ok());
  EXPECT_EQ(keys_after->front().integer(0), keys_before->front().integer(0));
  // Mended, the same county loads, and the keys are still all there and enforced.
  county.enrolments.back().class_id = county.classes.back().id;
  ASSERT_TRUE(load_registers(*postgres_, county).ok());
  keys_after = postgres_->query(kKeys);
  ASSERT_TRUE(keys_after.ok());
  EXPECT_EQ(keys_after->front().integer(0), keys_before->front().integer(0));
  EXPECT_EQ(postgres_->exec("UPDATE enrolments SET class_id = 999999 WHERE student_id = ?",
                            {county.enrolments.front().student_id})
                .code(),
            "validation");
}

}  // namespace
}  // namespace edu
