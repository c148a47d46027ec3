// 交流轮岗 (DOMAIN.md, "Teachers' work"), a teacher case declared as data for
// the case engine (workflow/case_engine.h):
//
//   拟交流 (the bureau, from the balance planner's moves or by hand) or 申请
//   交流 (the sending school, for its own teacher): the teacher, the receiving
//   school, the start date and the years of service
//     → 待派出校同意: the sending school agrees or refuses (a reason);
//     → 待接收校同意: the receiving school accepts or refuses;
//     → 待教育局审批: the bureau approves — the teacher moves to the
//       receiving school for the period, with an exchange record
//       (workflow/teacher_exchange.h), same transaction — or refuses;
//     → 交流中: waits for no one; the plan lists its planned return; the
//       bureau's 交流期满返回 moves the teacher back → 已返回.
// 撤回 (a reason) → 已撤回, by the party that opened the case while it waits
// for another: the bureau's 撤回拟定 while the sending school has not yet
// agreed (only a proposal waits there), the sending school's 撤回申请 while
// the receiving school or the bureau decides (for a bureau's proposal, after
// the school agreed to send, the same action takes its agreement back).
// A teacher has one open exchange case at a time (migration 17's index too).
#include "workflow/workflow_spec.h"

namespace edu {

WorkflowSpec exchange_workflow() {
  const std::string sending = "待派出校同意", receiving = "待接收校同意", bureau = "待教育局审批",
                    serving = "交流中", back = "已返回", refused = "已退回", withdrawn = "已撤回";
  const std::vector<FieldSpec> proposal = {{"teacher_id", "交流教师", "teacher"},
                                           {"target_school_id", "接收学校", "school"},
                                           {"start_on", "交流开始日期", "date"},
                                           {"years", "服务年限(年)", "enum", true, {"1", "2", "3", "4", "5", "6"}}};
  const FieldSpec reason{"reason", "不同意的理由", "text"}, why_withdrawn{"reason", "撤回原因", "text"};
  ActionSpec approve = action_spec("approve", "审批通过", {bureau}, serving, Party::kBureau, {});
  approve.effect = Effect::kStartExchange;
  ActionSpec come_back = action_spec("return", "交流期满返回", {serving}, back, Party::kBureau,
                                {{"date", "返回日期", "date"}});
  come_back.effect = Effect::kEndExchange;
  auto state = [](std::string key, Party waits_for, int days) {
    StateSpec s;
    s.key = std::move(key);
    s.waits_for = waits_for;
    s.deadline_days = days;
    return s;
  };
  auto closed = [](std::string key) {
    StateSpec s;
    s.key = std::move(key);
    s.terminal = true;
    return s;
  };
  WorkflowSpec w;
  w.kind = "exchange";
  w.title = "交流轮岗";
  w.states = {state(sending, Party::kSendingSchool, 7), state(receiving, Party::kReceivingSchool, 7),
              state(bureau, Party::kBureau, 7), state(serving, Party::kNone, 0), closed(back), closed(refused),
              closed(withdrawn)};
  w.actions = {action_spec("propose", "拟定交流", {}, sending, Party::kBureau, proposal),
               action_spec("apply", "申请交流", {}, receiving, Party::kSendingSchool, proposal),
               action_spec("agree", "同意派出", {sending}, receiving, Party::kSendingSchool, {}),
               action_spec("refuse_send", "不同意派出", {sending}, refused, Party::kSendingSchool, {reason}),
               action_spec("accept", "同意接收", {receiving}, bureau, Party::kReceivingSchool, {}),
               action_spec("refuse_receive", "不同意接收", {receiving}, refused, Party::kReceivingSchool, {reason}),
               approve,
               action_spec("refuse", "审批不通过", {bureau}, refused, Party::kBureau, {reason}),
               come_back,
               action_spec("withdraw_proposal", "撤回拟定", {sending}, withdrawn, Party::kBureau, {why_withdrawn}),
               action_spec("withdraw", "撤回申请", {receiving, bureau}, withdrawn, Party::kSendingSchool,
                           {why_withdrawn})};
  w.school_label = "派出学校";
  w.target_label = "接收学校";
  w.subject = "teacher";
  return w;
}

}  // namespace edu
