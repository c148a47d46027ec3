// The register import writes the rows it creates in one batch (ids from
// Database::next_ids, rows through bulk_insert, audit entries through
// record_audits) and the rows it updates one by one. On a new county, on the
// engine of the run (SQLite; PostgreSQL in api_tests.postgres), the rows and
// audit entries are checked against hand-written ones: the ids a row-by-row
// INSERT gives (parents before children, in the file's order), each created
// row's enrolment or row of the year, one audit entry per row written in the
// order of the rows — action "import", the record's id, no fields for a
// created row, the changed fields by name for an updated one. A file with one
// bad row writes nothing.
#include <gtest/gtest.h>

#include "cli/command_support.h"
#include "core/id_number.h"
#include "ingest/register_row.h"
#include "store/migrations.h"
#include "test_database.h"
#include "workflow/county_setup.h"
#include "workflow/register_import.h"

namespace edu {
namespace {

// A valid 身份证号 of someone born on 15 March `year`, told apart by `seq`.
std::string id_number(int year, int seq, bool male) {
  char body[32];
  std::snprintf(body, sizeof body, "430521%04d0315%03d", year, seq * 2 + (male ? 1 : 0));
  return std::string(body) + id_check_char(body);
}

class BatchImport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("edu_batch_import_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    auto db = open_database(apitest::fresh_test_database("batch_import", dir_));
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(*db);
    ASSERT_TRUE(migrate(*db_).ok());
    NewCounty county{"青山县", "430521", false, {"admin", "县教育局管理员", "Demo@2026", "", {}, {}, {}}};
    auto root = init_county(*db_, county, ctx_);
    ASSERT_TRUE(root.ok()) << root.status().message();
    auto actor = actor_named(*db_, "admin");
    ASSERT_TRUE(actor.ok());
    actor_ = *actor;
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Applies `rows` as a sheet of `kind` in one transaction, as an upload's commit does.
  Result<ImportOutcome> import(const std::string& kind, const std::vector<std::vector<std::string>>& rows) {
    const RegisterSpec& spec = *find_register_spec(kind);
    Transaction tx(*db_);
    if (!tx.begun().ok()) return tx.begun();
    const ingest::SheetTable sheet = register_sheet(spec, rows);
    auto done = apply_import(*db_, actor_, spec, sheet, ctx_);
    if (!done.ok() && done.status().code() == "has_problems") {  // the first problem named: row and why
      auto plan = plan_import(*db_, actor_, spec, sheet, ctx_);
      std::string first;
      for (const ImportProblemRecord& p : listed_problems(*plan, sheet, 1))
        first = ":第" + std::to_string(p.row) + "行" + p.header + "“" + p.value + "”" + p.message;
      return Status::Error("has_problems", done.status().message() + first);
    }
    if (!done.ok()) return done;
    Status committed = tx.commit();
    if (!committed.ok()) return committed;
    return done;
  }

  // Every row `sql` selects, each as its columns' text joined by "|".
  std::vector<std::string> rows(const std::string& sql) {
    auto result = db_->query(sql);
    EXPECT_TRUE(result.ok()) << sql << ": " << result.status().message();
    std::vector<std::string> out;
    if (!result.ok()) return out;
    for (const Row& r : *result) {
      std::string line;
      for (size_t i = 0; i < r.size(); ++i) line += (i ? "|" : "") + r.text(i);
      out.push_back(line);
    }
    return out;
  }
  // The import entries written after the entry `after`: entity, record id, and each field change.
  std::vector<std::string> audit_after(int64_t after) {
    return rows("SELECT l.username, l.action, l.entity, l.entity_id, COALESCE(c.field, ''), "
                "COALESCE(c.old_value, ''), COALESCE(c.new_value, '') FROM audit_log l "
                "LEFT JOIN audit_changes c ON c.audit_id = l.id WHERE l.id > " + std::to_string(after) +
                " ORDER BY l.id, c.position");
  }
  int64_t last_audit_id() { return db_->query("SELECT COALESCE(MAX(id), 0) FROM audit_log")->front().integer(0); }

  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
  Actor actor_;
  const RegisterContext ctx_{Date{2026, 11, 1}, 2026};
};

TEST_F(BatchImport, CreatedRowsTakeTheRowByRowIdsAndTheirAuditEntries) {
  // Areas: the 学区 first in the file, written after the township it lies in.
  int64_t audit = last_audit_id();
  auto areas = import("area", {{"43052110001", "城关一学区", "学区"},
                               {"430521100", "城关镇", ""},
                               {"430521101", "桃花镇", ""}});
  ASSERT_TRUE(areas.ok()) << areas.status().message();
  EXPECT_EQ(areas->created, 3);
  EXPECT_EQ(rows("SELECT id, COALESCE(parent_id, 0), code, name FROM areas ORDER BY id"),
            (std::vector<std::string>{"1|0|430521|青山县", "2|1|430521100|城关镇", "3|1|430521101|桃花镇",
                                      "4|2|43052110001|城关一学区"}));
  EXPECT_EQ(audit_after(audit), (std::vector<std::string>{"admin|import|area|2|||", "admin|import|area|3|||",
                                                          "admin|import|area|4|||"}));

  audit = last_audit_id();
  auto schools = import("school", {{"4305210001", "城关小学", "小学", "公办", "镇区", "城关镇", "", "", "", ""},
                                   {"4305210002", "桃花中学", "初级中学", "公办", "乡村", "城关一学区", "", "", "", ""}});
  ASSERT_TRUE(schools.ok()) << schools.status().message();
  EXPECT_EQ(rows("SELECT id, code, area_id FROM schools ORDER BY id"),
            (std::vector<std::string>{"1|4305210001|2", "2|4305210002|4"}));
  EXPECT_EQ(audit_after(audit),
            (std::vector<std::string>{"admin|import|school|1|||", "admin|import|school|2|||"}));

  const std::string teacher = id_number(1990, 1, false);
  auto teachers = import("teacher", {{"李芳", "女", teacher, "1990-03-15", "4305210001", "专任教师", "本科", "一级",
                                      "语文", "无", "小学", "是", "2012-09-01"}});
  ASSERT_TRUE(teachers.ok()) << teachers.status().message();
  EXPECT_EQ(rows("SELECT teacher_id, school_year, school_id, section, title FROM teacher_years"),
            (std::vector<std::string>{"1|2026|1|小学|一级"}));

  auto classes = import("class", {{"4305210001", "2026", "小学", "一年级", "1", "一年级(1)班", teacher},
                                  {"4305210001", "2026", "小学", "一年级", "2", "", ""}});
  ASSERT_TRUE(classes.ok()) << classes.status().message();
  EXPECT_EQ(rows("SELECT id, name, COALESCE(head_teacher_id, 0) FROM classes ORDER BY id"),
            (std::vector<std::string>{"1|一年级(1)班|1", "2|一年级(2)班|0"}));

  // Students: two in classes, one in none (no enrolment).
  const std::string a = id_number(2020, 1, true), b = id_number(2020, 2, false), c = id_number(2020, 3, true);
  auto student = [](const std::string& name, const std::string& gender, const std::string& id,
                    const std::string& klass) -> std::vector<std::string> {
    return {name, gender, id, "2020-03-15", "汉族", "4305210001", klass, "在读", "2026-09-01", "农村", "否", "否"};
  };
  audit = last_audit_id();
  auto first = import("student", {student("张三", "男", a, "一年级(1)班"), student("李四", "女", b, ""),
                                  student("王五", "男", c, "一年级(2)班")});
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->created, 3);
  EXPECT_EQ(rows("SELECT id, name, id_number, school_id, COALESCE(class_id, 0), status FROM students ORDER BY id"),
            (std::vector<std::string>{"1|张三|" + a + "|1|1|在读", "2|李四|" + b + "|1|0|在读",
                                      "3|王五|" + c + "|1|2|在读"}));
  EXPECT_EQ(rows("SELECT student_id, school_year, school_id, class_id, grade, status FROM enrolments ORDER BY student_id"),
            (std::vector<std::string>{"1|2026|1|1|1|在读", "3|2026|1|2|1|在读"}));
  EXPECT_EQ(audit_after(audit), (std::vector<std::string>{"admin|import|student|1|||", "admin|import|student|2|||",
                                                          "admin|import|student|3|||"}));

  // New rows around an update and an unchanged row: the entries in the order of the rows.
  const std::string d = id_number(2020, 4, false), e = id_number(2020, 5, true);
  audit = last_audit_id();
  auto second = import("student", {student("赵六", "女", d, "一年级(1)班"), student("张三", "男", a, "一年级(2)班"),
                                   student("李四", "女", b, ""), student("钱七", "男", e, "")});
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->created, 2);
  EXPECT_EQ(second->updated, 1);
  EXPECT_EQ(second->plan.unchanged, 1);
  EXPECT_EQ(rows("SELECT id, name, COALESCE(class_id, 0) FROM students WHERE id > 3 OR id = 1 ORDER BY id"),
            (std::vector<std::string>{"1|张三|2", "4|赵六|1", "5|钱七|0"}));
  EXPECT_EQ(rows("SELECT student_id, class_id FROM enrolments ORDER BY student_id"),
            (std::vector<std::string>{"1|2", "3|2", "4|1"}));
  EXPECT_EQ(audit_after(audit),
            (std::vector<std::string>{"admin|import|student|4|||", "admin|import|student|1|class_id|一年级(1)班|一年级(2)班",
                                      "admin|import|student|5|||"}));
}

TEST_F(BatchImport, AFileWithOneBadRowWritesNothing) {
  ASSERT_TRUE(import("area", {{"430521100", "城关镇", ""}}).ok());
  ASSERT_TRUE(import("school", {{"4305210001", "城关小学", "小学", "公办", "镇区", "城关镇", "", "", "", ""}}).ok());
  const int64_t audit = last_audit_id();
  std::string bad = id_number(2020, 7, true);
  bad.back() = bad.back() == '1' ? '2' : '1';  // a wrong check character
  auto done = import("student", {{"张三", "男", id_number(2020, 6, true), "2020-03-15", "汉族", "4305210001", "",
                                  "在读", "2026-09-01", "农村", "否", "否"},
                                 {"李四", "男", bad, "2020-03-15", "汉族", "4305210001", "", "在读", "2026-09-01",
                                  "农村", "否", "否"}});
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.status().code(), "has_problems");
  EXPECT_EQ(rows("SELECT COUNT(*) FROM students"), (std::vector<std::string>{"0"}));
  EXPECT_EQ(last_audit_id(), audit);
}

TEST_F(BatchImport, IdsAreTakenInsideATransactionOnly) {
  auto outside = db_->next_ids("students", 2);
  EXPECT_EQ(outside.status().code(), "internal");
  Transaction tx(*db_);
  auto ids = db_->next_ids("areas", 3);  // the county holds id 1
  ASSERT_TRUE(ids.ok()) << ids.status().message();
  EXPECT_EQ(*ids, (std::vector<int64_t>{2, 3, 4}));
}

}  // namespace
}  // namespace edu
