#include "workflow/exam_commands.h"

#include <cmath>

#include "core/model.h"
#include "exam/teaching.h"
#include "exam/text.h"
#include "store/exam_store.h"
#include "workflow/change_log.h"
#include "workflow/exam_entitlement.h"

namespace edu {
namespace {

using namespace edu::exam;

Status forbidden() { return Status::Error("forbidden", "您的角色无权执行此操作"); }

Status check_subject(const SubjectRecord& s) {
  const std::string where = "科目“" + s.name + "”";
  if (s.name.empty()) return Status::Error("validation", "科目名称不能为空", "subjects");
  if (!(s.full_marks > 0) || !on_half_point(s.full_marks))
    return Status::Error("validation", where + "的满分须为正数且为 0.5 的整数倍", "subjects");
  if (!(s.cuts.low > 0 && s.cuts.low < s.cuts.pass && s.cuts.pass < s.cuts.excellent && s.cuts.excellent <= 1))
    return Status::Error("validation", where + "的分数线须满足 0 < 低分线 < 及格线 < 优秀线 ≤ 1(满分的比例)", "subjects");
  if (s.items.empty()) return Status::Ok();
  double sum = 0;
  for (const ItemRecord& i : s.items) sum += i.full_marks;
  if (std::fabs(sum - s.full_marks) > 1e-9)
    return Status::Error("validation", where + "各小题满分之和 " + marks_text(sum) + " 与科目满分 " +
                                           marks_text(s.full_marks) + " 不一致", "subjects");
  return Status::Ok();
}

// The school's teachers of each subject, shared out over its classes of the grade.
Status assign_teaching(Database& db, int64_t exam_id, const ExamRecord& exam) {
  auto classes = db.query("SELECT id, school_id FROM classes WHERE school_year = ? AND grade = ? ORDER BY school_id, class_no",
                          {int64_t{exam.school_year}, int64_t{exam.grade}});
  if (!classes.ok()) return classes.status();
  std::vector<UnitRef> class_refs;
  for (const Row& r : *classes) class_refs.push_back({r.integer(0), r.integer(1)});
  std::vector<TeachingRecord> rows;
  for (size_t s = 0; s < exam.subjects.size(); ++s) {
    auto teachers = db.query("SELECT id, school_id FROM teachers WHERE subject = ? ORDER BY school_id, id",
                             {exam.subjects[s].name});
    if (!teachers.ok()) return teachers.status();
    std::vector<UnitRef> teacher_refs;
    for (const Row& r : *teachers) teacher_refs.push_back({r.integer(0), r.integer(1)});
    for (TeachingRecord& t : share_teachers(static_cast<int>(s), class_refs, teacher_refs)) rows.push_back(t);
  }
  return insert_teaching(db, exam_id, rows);
}

}  // namespace

Status validate_exam(const ExamRecord& e) {
  if (e.name.empty()) return Status::Error("validation", "考试名称不能为空", "name");
  if (e.grade < 1 || e.grade > 12) return Status::Error("validation", "年级须在 1–12 之间", "grade");
  if (e.subjects.empty()) return Status::Error("validation", "至少要有一个科目", "subjects");
  for (const SubjectRecord& s : e.subjects) {
    Status st = check_subject(s);
    if (!st.ok()) return st;
  }
  const auto& w = e.weights;
  if (w.mean < 0 || w.excellent < 0 || w.pass < 0 || w.low < 0 || w.mean + w.excellent + w.pass + w.low <= 0)
    return Status::Error("validation", "综合得分权重须为非负数且不全为 0", "weights");
  return Status::Ok();
}

Result<int64_t> create_exam_command(Database& db, const Actor& actor, ExamRecord exam) {
  if (!allowed(actor.user, Action::kCreate, Entity::kExam)) return forbidden();
  if (exam.school_year == 0) exam.school_year = school_year_of(exam.date);
  Status s = validate_exam(exam);
  if (!s.ok()) return s;
  if (exam.previous_exam_id) {
    auto previous = existing_exam(db, *exam.previous_exam_id);
    if (!previous.ok()) return Status::Error("validation", "上次考试:" + previous.status().message(), "previous_exam_id");
  }
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto id = insert_exam(db, exam);
  if (!id.ok()) return id.status();
  s = assign_teaching(db, *id, exam);
  if (s.ok()) s = audit(db, &actor, "create", Entity::kExam, *id, {{"name", "", exam.name}});
  if (s.ok()) s = tx.commit();
  if (!s.ok()) return s;
  return *id;
}

namespace {

struct ExemptionCandidate {
  ExamRecord exam;
  RosterEntry entry;
};

// The exam and the candidate `x` is for, once check_exemption's rules hold.
Result<ExemptionCandidate> exemption_candidate(Database& db, const Actor& actor, int64_t exam_id,
                                               const ExemptionRecord& x) {
  auto exam = existing_exam(db, exam_id);
  if (!exam.ok()) return exam.status();
  if (x.reason.empty()) return Status::Error("validation", "免考须填写原因", "reason");
  if (!x.subject.empty()) {
    bool known = false;
    for (const SubjectRecord& s : exam->subjects) known |= s.name == x.subject;
    if (!known) return Status::Error("validation", "科目“" + x.subject + "”不在本次考试中", "subject");
  }
  auto roster = load_roster(db, *exam);
  if (!roster.ok()) return roster.status();
  for (const RosterEntry& e : *roster)
    if (e.student_id == x.student_id && acts_for(actor, e)) return ExemptionCandidate{*exam, e};
  return Status::Error("validation", "该学生不在“" + exam->name + "”的应考名单中,或不在您的管辖范围内", "student_id");
}

}  // namespace

Status check_exemption(Database& db, const Actor& actor, int64_t exam_id, const ExemptionRecord& x) {
  return exemption_candidate(db, actor, exam_id, x).status();
}

Status record_exemption(Database& db, const Actor& actor, int64_t exam_id, ExemptionRecord x, int64_t requested_by) {
  auto candidate = exemption_candidate(db, actor, exam_id, x);
  if (!candidate.ok()) return candidate.status();
  x.status = kExemptionApproved;
  auto id = insert_exemption(db, exam_id, x, requested_by, actor.user.id);
  if (!id.ok()) return id.status();
  return audit(db, &actor, "create", Entity::kExamExemption, *id,
               {{"exam_id", "", candidate->exam.name},
                {"student_id", "", candidate->entry.name},
                {"exempt_subject", "", x.subject.empty() ? "全部科目" : x.subject},
                {"reason", "", x.reason},
                {"decision", "", x.status}});
}

Status set_reward_rules(Database& db, const Actor& actor, int64_t exam_id, const std::vector<RewardRule>& rules) {
  if (!allowed(actor.user, Action::kUpdate, Entity::kExam)) return forbidden();
  auto exam = existing_exam(db, exam_id);
  if (!exam.ok()) return exam.status();
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  Status s = save_reward_rules(db, exam_id, rules);
  if (s.ok()) s = audit(db, &actor, "update", Entity::kExam, exam_id, {{"rewards", "", std::to_string(rules.size()) + " 条"}});
  if (s.ok()) s = tx.commit();
  return s;
}

Status archive_exam_command(Database& db, const Actor& actor, int64_t exam_id, bool archived) {
  if (!allowed(actor.user, Action::kUpdate, Entity::kExam)) return forbidden();
  auto exam = existing_exam(db, exam_id);
  if (!exam.ok()) return exam.status();
  if (exam->archived == archived) return Status::Ok();
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  Status s = set_exam_archived(db, exam_id, archived);
  if (s.ok())
    s = audit(db, &actor, "update", Entity::kExam, exam_id,
              {{"archived", archived ? "否" : "是", archived ? "是" : "否"}});
  if (s.ok()) s = tx.commit();
  return s;
}

Status review_flag_command(Database& db, const Actor& actor, int64_t exam_id, const std::string& flag_key,
                           bool reviewed) {
  if (!allowed(actor.user, Action::kUpdate, Entity::kExamIntegrity)) return forbidden();
  auto exam = existing_exam(db, exam_id);
  if (!exam.ok()) return exam.status();
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  Status s = set_flag_review(db, exam_id, flag_key, reviewed, actor.user.id);
  if (s.ok())
    s = audit(db, &actor, "update", Entity::kExamIntegrity, exam_id,
              {{flag_key, reviewed ? "未核查" : "已核查", reviewed ? "已核查" : "未核查"}});
  if (s.ok()) s = tx.commit();
  return s;
}

}  // namespace edu
