// The store on a real SQLite file: migrations, transactions, scopes, the audit
// log written by register commands, and backups that restore.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/id_number.h"
#include "store/area_store.h"
#include "store/audit_store.h"
#include "store/exam_store.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "store/student_store.h"
#include "store/summary_store.h"
#include "store/transition_store.h"
#include "workflow/case_engine.h"
#include "workflow/register_commands.h"
#include "migrated_database.h"
#include "tiny_registers.h"

namespace edu {
namespace {

namespace fs = std::filesystem;

std::string id_for(const std::string& body17) { return body17 + id_check_char(body17); }

// Two townships with one school each; one 一年级 class per school.
Registers tiny_county() {
  Registers r;
  r.areas = {{1, std::nullopt, "430521", "青山县", "县"},
             {2, 1, "430521101", "桃洪镇", "乡镇"},
             {3, 1, "430521102", "罗洪乡", "乡镇"}};
  r.schools = {tiny::primary_school(1, "2143052101", "桃洪镇中心小学", 2, "镇区"),
               tiny::primary_school(2, "2143052102", "罗洪乡中心小学", 3, "乡村")};
  r.classes = {tiny::first_grade_class(1), tiny::first_grade_class(2)};
  for (int i = 0; i < 4; ++i)
    r.students.push_back(tiny::pupil(i + 1, id_for("4305212020010100" + std::to_string(i + 1)),
                                        "学生" + std::to_string(i + 1), (i + 1) % 2 ? "男" : "女", {2020, 1, 1},
                                        i < 2 ? 1 : 2));
  return r;
}

class StoreTest : public MigratedDatabaseTest {
 protected:
  void SetUp() override {
    MigratedDatabaseTest::SetUp();
    ASSERT_TRUE(load_registers(*db_, tiny_county()).ok());
  }
  int64_t count(const std::string& table) {
    return db_->query("SELECT COUNT(*) FROM " + table)->front().integer(0);
  }

  Actor admin_ = tiny::bureau_admin();
  RegisterContext ctx_{{2026, 11, 22}, 2026};
};

// A school moved into a 学区 of 桃洪镇 still counts in 桃洪镇 wherever the
// store groups by township: the 小升初 lists, an exam's units, the dashboard.
TEST_F(StoreTest, ASchoolInADistrictCountsInItsTownship) {
  ASSERT_TRUE(db_->exec("INSERT INTO areas (id, parent_id, code, name, level) VALUES "
                        "(4, 2, '43052110101', '桃洪一学区', '学区')").ok());
  ASSERT_TRUE(db_->exec("UPDATE schools SET area_id = 4 WHERE id = 2").ok());
  auto transition = load_transition_input(*db_, 2026);
  ASSERT_TRUE(transition.ok()) << transition.status().message();
  for (const auto& school : transition->schools) {
    EXPECT_EQ(school.area_id, 2) << school.name;
    EXPECT_EQ(school.area_name, "桃洪镇");
  }
  exam::ExamRecord exam;
  exam.name = "一年级期末";
  exam.date = {2027, 1, 10};
  exam.school_year = 2026;
  exam.grade = 1;
  exam.subjects = {{"语文", 100}};
  auto id = insert_exam(*db_, exam);
  ASSERT_TRUE(id.ok()) << id.status().message();
  auto tables = load_exam_tables(*db_, *id);
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  ASSERT_EQ(tables->townships.size(), 1u);
  EXPECT_EQ(tables->townships[0].name, "桃洪镇");
  ASSERT_EQ(tables->schools.size(), 2u);
  for (const auto& school : tables->schools) EXPECT_EQ(school.parent_id, 2) << school.name;
  auto summary = summarize(*db_, Scope::All(), 2026);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->schools_by_area, (Counts{{"桃洪镇", 2}}));
}

TEST_F(StoreTest, MigrationsAreRecordedAndApplyOnce) {
  EXPECT_EQ(*schema_version(*db_), all_migrations().back().version);
  auto again = migrate(*db_);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  EXPECT_EQ(count("schema_migrations"), static_cast<int64_t>(all_migrations().size()));
}

TEST_F(StoreTest, PragmasForDurability) {
  EXPECT_EQ(db_->query("PRAGMA journal_mode")->front().text(0), "wal");
  EXPECT_EQ(db_->query("PRAGMA foreign_keys")->front().integer(0), 1);
  EXPECT_EQ(db_->query("PRAGMA synchronous")->front().integer(0), 2);  // FULL
}

TEST_F(StoreTest, TransactionRollsBackWhenNotCommitted) {
  {
    Transaction tx(*db_);
    ASSERT_TRUE(db_->exec("UPDATE students SET name = '改名'").ok());
  }
  EXPECT_EQ(db_->query("SELECT COUNT(*) FROM students WHERE name = '改名'")->front().integer(0), 0);
}

TEST_F(StoreTest, ForeignKeysAreEnforced) {
  Status s = db_->exec("INSERT INTO schools (code, name, kind, ownership, location, area_id) "
                       "VALUES ('2143052199', 'x', '小学', '公办', '乡村', 999)");
  EXPECT_FALSE(s.ok());
}

TEST_F(StoreTest, ScopesLimitWhatIsListed) {
  auto all = list_students(*db_, Scope::All(), {}, {});
  EXPECT_EQ(all->total, 4);
  auto area = list_students(*db_, Scope::Area(3), {}, {});
  EXPECT_EQ(area->total, 2);
  for (const auto& v : area->items) EXPECT_EQ(v.student.school_id, 2);
  auto county = list_students(*db_, Scope::Area(1), {}, {});
  EXPECT_EQ(county->total, 4);  // the county node covers every township below it
  auto school = get_student(*db_, Scope::School(1), 3);  // student 3 is at school 2
  ASSERT_TRUE(school.ok());
  EXPECT_FALSE(school->has_value());
}

TEST_F(StoreTest, UpdateWritesAuditWithOldAndNewValues) {
  auto v = get_student(*db_, Scope::All(), 1);
  Student s = (*v)->student;
  s.name = "张小明";
  auto saved = save_student(*db_, admin_, s, ctx_);
  ASSERT_TRUE(saved.ok()) << saved.status().message();
  auto log = list_audit(*db_, {"student", 1}, {});
  ASSERT_EQ(log->total, 1);
  const AuditEntry& e = log->items.front();
  EXPECT_EQ(e.action, "update");
  EXPECT_EQ(e.username, "admin");
  ASSERT_EQ(e.changes.size(), 1u);
  EXPECT_EQ(e.changes[0].key, "name");
  EXPECT_EQ(e.changes[0].old_value, "学生1");
  EXPECT_EQ(e.changes[0].new_value, "张小明");
}

TEST_F(StoreTest, FailedCommandChangesNothingAndAuditsNothing) {
  auto v = get_student(*db_, Scope::All(), 1);
  Student s = (*v)->student;
  s.name = "不应保存";
  s.class_id = 2;  // a class of the other school
  auto saved = save_student(*db_, admin_, s, ctx_);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.status().field(), "class_id");
  EXPECT_EQ((*get_student(*db_, Scope::All(), 1))->student.name, "学生1");
  EXPECT_EQ(count("audit_log"), 0);
}

TEST_F(StoreTest, DuplicateIdNumberNamesTheOtherSchool) {
  Student s = (*get_student(*db_, Scope::All(), 3))->student;
  s.id = 0;
  s.school_id = 1;
  s.class_id = 1;
  auto saved = save_student(*db_, admin_, s, ctx_);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.status().code(), "duplicate");
  EXPECT_NE(saved.status().message().find("罗洪乡中心小学"), std::string::npos);
  EXPECT_EQ(count("students"), 4);
}

TEST_F(StoreTest, SchoolAdminCannotWriteAnotherSchool) {
  Actor school_admin{{2, "sa", "学校管理员", "", "school_admin", {}, 1, {}, true},
                     Scope::School(1), ""};
  Student s = (*get_student(*db_, Scope::All(), 3))->student;  // at school 2
  s.name = "越权";
  auto saved = save_student(*db_, school_admin, s, ctx_);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.status().code(), "not_found");
  s = (*get_student(*db_, Scope::All(), 1))->student;  // own school, moved to school 2
  s.school_id = 2;
  s.class_id = 2;
  saved = save_student(*db_, school_admin, s, ctx_);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.status().field(), "school_id");
}

TEST_F(StoreTest, RevealingAnIdNumberIsAudited) {
  auto id = reveal_id_number(*db_, admin_, Entity::kStudent, 2);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, (*get_student(*db_, Scope::All(), 2))->student.id_number);
  auto log = list_audit(*db_, {"student", 2}, {});
  ASSERT_EQ(log->total, 1);
  EXPECT_EQ(log->items[0].action, "view_id_number");
}

TEST_F(StoreTest, BackupRestoresEveryRow) {
  fs::path backup = dir_ / "backup.db";
  ASSERT_TRUE(db_->backup_to(backup.string()).ok());
  auto restored = open_database(backup.string());
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ((*restored)->query("SELECT COUNT(*) FROM students")->front().integer(0), 4);
  EXPECT_EQ((*restored)->query("SELECT group_concat(id_number) FROM students")->front().text(0),
            db_->query("SELECT group_concat(id_number) FROM students")->front().text(0));
  EXPECT_EQ(*schema_version(**restored), *schema_version(*db_));
}


namespace edu {
namespace {

TEST_F(StoreTest, AuditNamesReferencedRecords) {
  Student s = (*get_student(*db_, Scope::All(), 3))->student;  // 罗洪乡中心小学
  s.school_id = 1;
  s.class_id = 1;
  ASSERT_TRUE(save_student(*db_, admin_, s, ctx_).ok());
  auto log = list_audit(*db_, {"student", 3}, {});
  ASSERT_EQ(log->total, 1);
  const auto& changes = log->items[0].changes;
  // Both schools' classes are called 一年级(1)班, so only the school reads as changed.
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].key, "school_id");
  EXPECT_EQ(changes[0].old_value, "罗洪乡中心小学");
  EXPECT_EQ(changes[0].new_value, "桃洪镇中心小学");
}

// Migration 12: the database itself refuses to change or remove a case_log row.
TEST_F(StoreTest, TheCaseLogCannotBeEditedOrDeleted) {
  ASSERT_TRUE(db_->exec("INSERT INTO cases (kind, student_id, state, school_id, created_at, updated_at) "
                        "VALUES ('transfer', 1, '已退回', 1, '2026-11-01', '2026-11-01')").ok());
  ASSERT_TRUE(append_case_log(*db_, {1, "", 0, "系统", "apply", "", "已退回", "", "{}"}).ok());
  Status updated = db_->exec("UPDATE case_log SET comment = '改写'");
  ASSERT_FALSE(updated.ok());
  EXPECT_NE(updated.message().find("办理记录不可修改"), std::string::npos) << updated.message();
  Status deleted = db_->exec("DELETE FROM case_log");
  ASSERT_FALSE(deleted.ok());
  EXPECT_NE(deleted.message().find("办理记录不可删除"), std::string::npos) << deleted.message();
  EXPECT_EQ(count("case_log"), 1);
}

// A transfer the receiving school leaves past its deadline expires: on the
// day after its due date the sweep closes it (系统 in the log and the audit),
// never before, and the student stays where they were. The deadline is the
// setting's, when set.
TEST_F(StoreTest, ATransferLeftUnansweredExpiresTheDayAfterItsDeadline) {
  ASSERT_TRUE(db_->exec("INSERT INTO users (id, username, display_name, password_hash, role, school_id, "
                        "created_at) VALUES (2, 'sa', '学校管理员', 'x', 'school_admin', 1, '2026-11-01')").ok());
  ASSERT_TRUE(set_setting(*db_, "case_deadline_days.transfer.待转入校确认", "3").ok());
  Actor sender{{2, "sa", "学校管理员", "", "school_admin", {}, 1, {}, true}, Scope::School(1), ""};
  ActionInput input{{{"student_id", "1"}, {"target_school_id", "2"}, {"reason", "随父母迁居"}, {"date", "2026-11-02"}}, ""};
  auto id = open_case(*db_, sender, "transfer", "", input, {2026, 11, 2});
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ((*get_case(*db_, *id))->record.due_on, "2026-11-05");  // 3 days, the setting's
  auto swept = sweep_expired(*db_, {2026, 11, 5});
  ASSERT_TRUE(swept.ok());
  EXPECT_EQ(*swept, 0) << "the due day itself is still in time";
  EXPECT_EQ((*get_case(*db_, *id))->record.state, "待转入校确认");
  swept = sweep_expired(*db_, {2026, 11, 6});
  ASSERT_TRUE(swept.ok());
  EXPECT_EQ(*swept, 1);
  CaseRecord c = (*get_case(*db_, *id))->record;
  EXPECT_EQ(c.state, "已过期");
  EXPECT_EQ(c.due_on, "");
  auto log = case_log(*db_, *id);
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[1].username, "系统");
  EXPECT_EQ((*log)[1].action, "expire");
  EXPECT_EQ((*log)[1].from_state, "待转入校确认");
  EXPECT_EQ((*get_student(*db_, Scope::All(), 1))->student.school_id, 1);
  EXPECT_EQ(db_->query("SELECT COUNT(*) FROM audit_log WHERE username = '系统' AND entity_id = " +
                       std::to_string(*id))->front().integer(0), 1);
  EXPECT_EQ(*sweep_expired(*db_, {2026, 12, 1}), 0) << "closed once";
}

}  // namespace
}  // namespace edu

// Migration 19: a 免考 request still 待审批 from before the engine took 免考
// over becomes a 免考申请 case waiting for the bureau (its fields, due date
// and opening log as if applied then), the pending row goes, and the
// bureau's approval writes the approved exemption.
TEST_F(StoreTest, APendingExemptionBecomesACaseTheBureauCanApprove) {
  ASSERT_TRUE(db_->exec("INSERT INTO users (id, username, display_name, password_hash, role, school_id, "
                        "created_at) VALUES (2, 'sa', '学校管理员', 'x', 'school_admin', 1, '2026-11-01')").ok());
  exam::ExamRecord exam;
  exam.name = "一年级期末";
  exam.date = {2027, 1, 10};
  exam.school_year = 2026;
  exam.grade = 1;
  exam.subjects = {{"语文", 100}, {"数学", 100}};
  auto exam_id = insert_exam(*db_, exam);
  ASSERT_TRUE(exam_id.ok()) << exam_id.status().message();
  ASSERT_TRUE(db_->exec("INSERT INTO exam_exemptions (exam_id, student_id, subject, reason, status, requested_by, "
                        "created_at) VALUES (" + std::to_string(*exam_id) + ", 1, '数学', '骨折住院', '待审批', 2, "
                        "'2026-11-03 08:00:00')").ok());
  const Migration* m19 = nullptr;
  for (const Migration& m : all_migrations())
    if (m.version == 19) m19 = &m;
  ASSERT_NE(m19, nullptr);
  ASSERT_TRUE(db_->exec_script(m19->sql).ok());

  EXPECT_EQ(count("exam_exemptions"), 0) << "the pending row moved into the case";
  auto cases = list_cases(*db_, CaseFilter{.kind = "exemption"}, "2026-11-05");
  ASSERT_TRUE(cases.ok()) << cases.status().message();
  ASSERT_EQ(cases->size(), 1u);
  const CaseRecord c = cases->front().record;
  EXPECT_EQ(c.state, "待教育局审批");
  EXPECT_EQ(c.student_id, 1);
  EXPECT_EQ(c.school_id, 1);
  EXPECT_EQ(c.due_on, "2026-11-10");
  EXPECT_EQ(c.created_by, 2);
  const auto fields = nlohmann::json::parse(c.fields);
  EXPECT_EQ(fields["exam_id"], std::to_string(*exam_id));
  EXPECT_EQ(fields["subject"], "数学");
  EXPECT_EQ(fields["reason"], "骨折住院");
  auto log = case_log(*db_, c.id);
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].username, "sa");
  EXPECT_EQ((*log)[0].action, "apply");
  EXPECT_EQ((*log)[0].to_state, "待教育局审批");

  ASSERT_TRUE(take_action(*db_, admin_, c.id, "approve", {}, {2026, 11, 5}).ok());
  auto approved = db_->query("SELECT student_id, subject, reason, status FROM exam_exemptions");
  ASSERT_TRUE(approved.ok());
  ASSERT_EQ(approved->size(), 1u);
  EXPECT_EQ(approved->front().integer(0), 1);
  EXPECT_EQ(approved->front().text(1), "数学");
  EXPECT_EQ(approved->front().text(2), "骨折住院");
  EXPECT_EQ(approved->front().text(3), "已批准");
}

}  // namespace
}  // namespace edu
