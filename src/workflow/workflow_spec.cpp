#include "workflow/workflow_spec.h"

namespace edu {

const char* party_name(Party party) {
  switch (party) {
    case Party::kNone: return "";
    case Party::kSendingSchool: return "sending_school";
    case Party::kReceivingSchool: return "receiving_school";
    case Party::kBureau: return "bureau";
    case Party::kTownship: return "township";
    case Party::kSchoolOrTownship: return "school_or_township";
  }
  return "";
}

bool FieldSpec::names_record() const {
  return type == "student" || type == "school" || type == "class" || type == "child" || type == "year_class";
}

const StateSpec* WorkflowSpec::state(const std::string& key) const {
  for (const StateSpec& s : states)
    if (s.key == key) return &s;
  return nullptr;
}

const ActionSpec* WorkflowSpec::action(const std::string& key) const {
  for (const ActionSpec& a : actions)
    if (a.key == key) return &a;
  return nullptr;
}

const ActionSpec& WorkflowSpec::opening() const {
  for (const ActionSpec& a : actions)
    if (a.from.empty()) return a;
  return actions.front();
}

namespace {

// 县内转学 (DOMAIN.md, 学籍异动): the sending school applies, the receiving
// school accepts (naming the class) or refuses, the bureau approves where the
// setting transfer_needs_bureau says ("1" by default); the sending school may
// withdraw until the final approval. Only the approval moves the student.
WorkflowSpec transfer() {
  const std::string receiving = "待转入校确认", bureau = "待教育局审批", done = "已转学",
                    returned = "已退回", withdrawn = "已撤回";
  const FieldSpec reason{"reason", "原因", "text"};
  return {"transfer",
          "县内转学",
          {{receiving, false, Party::kReceivingSchool, 7},
           {bureau, false, Party::kBureau, 7},
           {done, true},
           {returned, true},
           {withdrawn, true}},
          {{"apply", "申请转学", {}, receiving, Party::kSendingSchool,
            {{"student_id", "学生", "student"},
             {"target_school_id", "转入学校", "school"},
             {"reason", "转学原因", "text"},
             {"date", "转学日期", "date"}}},
           {"accept", "同意接收", {receiving}, bureau, Party::kReceivingSchool,
            {{"class_id", "转入班级", "class"}}, Effect::kNone,
            "transfer_needs_bureau", done, Effect::kMoveStudent},
           {"refuse_receive", "不同意接收", {receiving}, returned, Party::kReceivingSchool, {reason}},
           {"approve", "审批通过", {bureau}, done, Party::kBureau, {}, Effect::kMoveStudent},
           {"refuse", "审批不通过", {bureau}, returned, Party::kBureau, {reason}},
           {"withdraw", "撤回申请", {receiving, bureau}, withdrawn, Party::kSendingSchool, {reason}}}};
}

}  // namespace

const std::vector<WorkflowSpec>& all_workflows() {
  static const std::vector<WorkflowSpec> list = {transfer(), dropout_workflow()};
  return list;
}

const WorkflowSpec* find_workflow(const std::string& kind) {
  for (const WorkflowSpec& w : all_workflows())
    if (w.kind == kind) return &w;
  return nullptr;
}

}  // namespace edu
