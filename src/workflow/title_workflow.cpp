// 职称申报 (DOMAIN.md, "Teachers' work"), a teacher case declared as data for
// the case engine (workflow/case_engine.h); its rule and effects are in
// workflow/title_appointment.h:
//
//   申报职称 (the school admin, for its own teacher, while a round is open):
//   the teacher, the level applied for, the evidence (业绩材料); refused
//   unless the teacher may apply (years in the present title, rural service
//   for 高级: core/title_eligibility.h)
//     → 待学校推荐: the school recommends, or not (a reason) → 未推荐;
//     → 待县级评审: the bureau passes (评审通过) or fails (a reason);
//     → 待聘任: the school appoints (聘任, into a vacant post only) →
//       已聘任; or 高职低聘 (a reason) → 高职低聘; or 缓聘 (a reason) →
//       缓聘, which waits for no one until the school appoints later.
// 评审 may pass more than there are posts; 聘任 never exceeds them.
// A teacher has one open title case at a time (migration 18's index too).
#include "workflow/title_appointment.h"
#include "workflow/workflow_spec.h"

namespace edu {

WorkflowSpec title_workflow() {
  using namespace title_state;
  auto appointment = [](std::string key, std::string label, std::vector<std::string> from, std::string to,
                        std::vector<FieldSpec> fields) {
    ActionSpec a = action_spec(std::move(key), label, std::move(from), std::move(to), Party::kSendingSchool,
                               std::move(fields));
    a.effect = Effect::kTitleAppointment;
    a.status = label;
    return a;
  };
  const FieldSpec reason{"reason", "理由", "text"};
  ActionSpec apply = action_spec("apply", "申报职称", {}, kRecommend, Party::kSendingSchool,
                            {{"teacher_id", "申报教师", "teacher"},
                             {"level", "申报等级", "enum", true, {"高级", "一级", "二级", "三级"}},
                             {"evidence", "业绩材料", "text"}});
  apply.rule = Rule::kTitleEligibility;
  apply.effect = Effect::kEnterTitleRound;
  WorkflowSpec w;
  w.kind = "title";
  w.title = "职称申报";
  w.states = {state_spec(kRecommend, Party::kSendingSchool, 15), state_spec(kReview, Party::kBureau, 30),
              state_spec(kAwaiting, Party::kSendingSchool, 30), state_spec(kDeferred, Party::kNone, 0),
              state_spec(kAppointed, Party::kNone, 0, true),   state_spec(kLower, Party::kNone, 0, true),
              state_spec(kNotRecommended, Party::kNone, 0, true), state_spec(kFailed, Party::kNone, 0, true)};
  w.actions = {apply,
               action_spec("recommend", "学校推荐", {kRecommend}, kReview, Party::kSendingSchool, {}),
               action_spec("not_recommend", "不予推荐", {kRecommend}, kNotRecommended, Party::kSendingSchool, {reason}),
               action_spec("pass", "评审通过", {kReview}, kAwaiting, Party::kBureau, {}),
               action_spec("fail", "评审不通过", {kReview}, kFailed, Party::kBureau, {reason}),
               appointment("appoint", "聘任", {kAwaiting, kDeferred}, kAppointed, {{"date", "聘任日期", "date"}}),
               appointment("appoint_lower", "高职低聘", {kAwaiting}, kLower, {reason}),
               appointment("defer", "缓聘", {kAwaiting}, kDeferred, {reason})};
  w.school_label = "教师所在学校";
  w.subject = "teacher";
  return w;
}

}  // namespace edu
