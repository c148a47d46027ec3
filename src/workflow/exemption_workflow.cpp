// 免考申请 (the exam's 免考, exam/participation.h), declared as data for the
// case engine (workflow/case_engine.h): a school admin applies for a 在读
// student of theirs on an exam's roster — the exam, one subject or all, the
// reason and the evidence (证明材料, a file) — and the bureau approves or
// refuses with a reason; the school may withdraw while the bureau has not
// decided. The bureau registers one itself, approved at once. Only an
// approval writes the exemption (an approved exam_exemptions row, the exam's
// data version bumped: workflow/exam_commands.h record_exemption) in its
// transaction; a refused or withdrawn application changes nothing.
#include "workflow/workflow_spec.h"

namespace edu {

WorkflowSpec exemption_workflow() {
  const std::string pending = "待教育局审批", approved = "已批准免考", refused = "已退回", withdrawn = "已撤回";
  const FieldSpec exam{"exam_id", "考试", "exam"};
  const FieldSpec subject{"subject", "免考科目(不选为全部科目)", "exam_subject", false};
  const FieldSpec reason{"reason", "免考原因", "text"};
  WorkflowSpec w;
  w.kind = "exemption";
  w.title = "免考申请";
  w.states = {StateSpec{.key = pending, .waits_for = Party::kBureau, .deadline_days = 7},
              StateSpec{.key = approved, .terminal = true}, StateSpec{.key = refused, .terminal = true},
              StateSpec{.key = withdrawn, .terminal = true}};
  w.actions = {
      ActionSpec{.key = "apply", .label = "申请免考", .to = pending, .party = Party::kSendingSchool,
                 .fields = {{"student_id", "学生", "student"}, exam, subject, reason,
                            {"evidence", "证明材料", "file"}},
                 .rule = Rule::kExemption},
      ActionSpec{.key = "register", .label = "登记免考", .to = approved, .party = Party::kBureau,
                 .fields = {{"student_id", "学生", "child"}, exam, subject, reason,
                            {"evidence", "证明材料", "file", false}},
                 .effect = Effect::kExempt, .rule = Rule::kExemption},
      ActionSpec{.key = "approve", .label = "批准免考", .from = {pending}, .to = approved, .party = Party::kBureau,
                 .effect = Effect::kExempt},
      ActionSpec{.key = "refuse", .label = "不予批准", .from = {pending}, .to = refused, .party = Party::kBureau,
                 .fields = {{"reason", "不予批准原因", "text"}}},
      ActionSpec{.key = "withdraw", .label = "撤回申请", .from = {pending}, .to = withdrawn,
                 .party = Party::kSendingSchool, .fields = {{"reason", "撤回原因", "text"}}}};
  return w;
}

}  // namespace edu
