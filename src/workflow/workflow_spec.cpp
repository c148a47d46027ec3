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
  return type == "student" || type == "school" || type == "class" || type == "child" || type == "year_class" ||
         type == "teacher" || type == "file" || type == "exam";
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

const ActionSpec* WorkflowSpec::opening(const std::string& key) const {
  for (const ActionSpec& a : actions)
    if (a.from.empty() && (key.empty() || a.key == key)) return &a;
  return nullptr;
}

StateSpec state_spec(std::string key, Party waits_for, int deadline_days, bool terminal) {
  StateSpec s;
  s.key = std::move(key);
  s.waits_for = waits_for;
  s.deadline_days = deadline_days;
  s.terminal = terminal;
  return s;
}

ActionSpec action_spec(std::string key, std::string label, std::vector<std::string> from, std::string to,
                       Party party, std::vector<FieldSpec> fields) {
  ActionSpec a;
  a.key = std::move(key);
  a.label = std::move(label);
  a.from = std::move(from);
  a.to = std::move(to);
  a.party = party;
  a.fields = std::move(fields);
  return a;
}

std::string deadline_setting(const WorkflowSpec& w, const StateSpec& s) {
  return "case_deadline_days." + w.kind + "." + s.key;
}

namespace {

// 县内转学 (DOMAIN.md, 学籍异动): the sending school applies and the receiving
// school accepts (naming the class) or refuses; or the receiving school
// requests (naming the student by 身份证号 and the class) and the sending
// school releases or refuses. Then the bureau approves where the setting
// transfer_needs_bureau says ("1" by default); the sending school may withdraw
// until the final approval, the requesting school while the sending school
// has not answered. A request the other school leaves past its
// deadline expires. Only the approval moves the student.
WorkflowSpec transfer() {
  const std::string receiving = "待转入校确认", sending = "待转出校确认", bureau = "待教育局审批",
                    done = "已转学", returned = "已退回", withdrawn = "已撤回", expired = "已过期";
  const FieldSpec reason{"reason", "原因", "text"};
  const FieldSpec why{"reason", "转学原因", "text"}, date{"date", "转学日期", "date"};
  const FieldSpec klass{"class_id", "转入班级", "class"};
  WorkflowSpec w{"transfer",
                 "县内转学",
                 {{receiving, false, Party::kReceivingSchool, 7, expired},
                  {sending, false, Party::kSendingSchool, 7, expired},
                  {bureau, false, Party::kBureau, 7},
                  {done, true},
                  {returned, true},
                  {withdrawn, true},
                  {expired, true}},
                 {{"apply", "申请转学", {}, receiving, Party::kSendingSchool,
                   {{"student_id", "学生", "student"}, {"target_school_id", "转入学校", "school"}, why, date}},
                  {"request", "申请转入", {}, sending, Party::kReceivingSchool,
                   {{"id_number", "学生身份证号", "id_number"}, klass, why, date}},
                  {"accept", "同意接收", {receiving}, bureau, Party::kReceivingSchool, {klass}, Effect::kNone,
                   "transfer_needs_bureau", done, Effect::kMoveStudent},
                  {"refuse_receive", "不同意接收", {receiving}, returned, Party::kReceivingSchool, {reason}},
                  {"release", "同意转出", {sending}, bureau, Party::kSendingSchool, {}, Effect::kNone,
                   "transfer_needs_bureau", done, Effect::kMoveStudent},
                  {"refuse_release", "不同意转出", {sending}, returned, Party::kSendingSchool, {reason}},
                  {"approve", "审批通过", {bureau}, done, Party::kBureau, {}, Effect::kMoveStudent},
                  {"refuse", "审批不通过", {bureau}, returned, Party::kBureau, {reason}},
                  {"withdraw", "撤回申请", {receiving, bureau}, withdrawn, Party::kSendingSchool, {reason}},
                  {"cancel_request", "撤回转入申请", {sending}, withdrawn, Party::kReceivingSchool, {reason}}}};
  w.school_label = "转出学校";
  return w;
}

}  // namespace

const std::vector<WorkflowSpec>& all_workflows() {
  static const std::vector<WorkflowSpec> list = [] {
    std::vector<WorkflowSpec> all = {transfer()};
    for (WorkflowSpec& w : status_change_workflows()) all.push_back(std::move(w));
    all.push_back(dropout_workflow());
    all.push_back(exchange_workflow());
    all.push_back(exemption_workflow());
    all.push_back(title_workflow());
    return all;
  }();
  return list;
}

const WorkflowSpec* find_workflow(const std::string& kind) {
  for (const WorkflowSpec& w : all_workflows())
    if (w.kind == kind) return &w;
  return nullptr;
}

}  // namespace edu
