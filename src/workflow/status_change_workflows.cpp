// The 学籍异动 kinds besides 县内转学 (DOMAIN.md, "The school year and the
// register's life"), declared as data like transfer() in workflow_spec.cpp.
// Each: the student's school applies with the reason, the date and the
// evidence (证明材料, a required file: a scan or photo, PDF/JPG/PNG); the
// bureau approves or refuses with a reason, unless the setting
// <kind>_needs_bureau is "0" (the school decides alone: the application is
// final). The school may withdraw while the bureau has not decided. Only the
// final step changes the register, in its transaction:
//   转出县外  status 转出 (去向学校, 省份)        休学  status 休学 (≤ 1 year; one extension)
//   复学      休学 → 在读 in a class of this year  辍学  status 辍学
//   退学      status 退学                        死亡  status 死亡
//   留级/跳级 into a class one grade below/above, of this year
//   转入(县外) a new student record, 在读 in the class named; the application
//             carries the student's data and is checked as the register
//             checks a new student, at application and again on approval
#include "workflow/workflow_spec.h"

#include "core/enums.h"

namespace edu {
namespace {

const std::string kBureau = "待教育局审批", kReturned = "已退回", kWithdrawn = "已撤回";
const FieldSpec kEvidence{"evidence", "证明材料", "file"};

struct Kind {
  std::string kind, title, done;     // done: the final state (已休学 …)
  std::vector<FieldSpec> fields;     // besides student, reason, date and evidence
  Effect effect = Effect::kSetStatus;
  std::string status;                // kSetStatus
  std::vector<std::string> from_statuses;  // the student's status to apply; 在读 when empty
  Rule rule = Rule::kNone;
  bool names_student = true;  // false: the student is not in the register yet (转入)
};

WorkflowSpec school_applies(const Kind& k) {
  const FieldSpec reason{"reason", "原因", "text"};
  std::vector<FieldSpec> fields;
  if (k.names_student) fields.push_back({"student_id", "学生", "student", true, k.from_statuses});
  fields.insert(fields.end(), k.fields.begin(), k.fields.end());
  fields.push_back({"reason", k.title + "原因", "text"});
  fields.push_back({"date", k.title + "日期", "date"});
  fields.push_back(kEvidence);
  ActionSpec apply{"apply", "申请" + k.title, {}, kBureau, Party::kSendingSchool, fields, Effect::kNone,
                   k.kind + "_needs_bureau", k.done, k.effect, k.status, k.rule};
  ActionSpec approve{"approve", "审批通过", {kBureau}, k.done, Party::kBureau, {}, k.effect};
  approve.status = k.status;
  return {k.kind,
          k.title,
          {{kBureau, false, Party::kBureau, 7}, {k.done, true}, {kReturned, true}, {kWithdrawn, true}},
          {apply,
           approve,
           {"refuse", "审批不通过", {kBureau}, kReturned, Party::kBureau, {reason}},
           {"withdraw", "撤回申请", {kBureau}, kWithdrawn, Party::kSendingSchool, {reason}}}};
}

// 休学 with its one extension: from 休学中 the school asks for a new end date;
// approved (or decided alone) it is final, refused the case stays 休学中.
WorkflowSpec suspension() {
  const std::string suspended = "休学中", pending = "待审批延期", extended = "已延期";
  WorkflowSpec w = school_applies({"suspend", "休学", suspended,
                                   {{"until", "休学截止日期", "date"}}, Effect::kSetStatus, "休学", {},
                                   Rule::kSuspension});
  w.states.push_back({pending, false, Party::kBureau, 7});
  w.states.push_back({extended, true});
  ActionSpec extend{"extend", "申请延期休学", {suspended}, pending, Party::kSendingSchool,
                    {{"until", "延期后休学截止日期", "date"}, {"reason", "延期原因", "text"},
                     kEvidence},
                    Effect::kNone, "suspend_needs_bureau", extended, Effect::kNone};
  extend.rule = Rule::kExtension;
  w.actions.push_back(extend);
  w.actions.push_back({"approve_extension", "同意延期", {pending}, extended, Party::kBureau, {}});
  w.actions.push_back({"refuse_extension", "不同意延期", {pending}, suspended, Party::kBureau,
                       {{"reason", "原因", "text"}}});
  return w;
}

}  // namespace

std::vector<WorkflowSpec> status_change_workflows() {
  const FieldSpec klass{"class_id", "编入班级", "class"};
  std::vector<WorkflowSpec> out = {
      school_applies({"transfer_out", "转出县外", "已转出",
                      {{"destination_school", "转入学校(县外)", "text"}, {"province", "去向省份", "province"}},
                      Effect::kSetStatus, "转出"}),
      suspension(),
      school_applies({"resume", "复学", "已复学", {klass}, Effect::kResume, "", {"休学"}}),
      school_applies({"dropout_report", "辍学", "已登记辍学", {}, Effect::kSetStatus, "辍学"}),
      school_applies({"withdrawal", "退学", "已退学", {}, Effect::kSetStatus, "退学"}),
      school_applies({"repeat_grade", "留级", "已留级", {klass}, Effect::kChangeGrade}),
      school_applies({"skip_grade", "跳级", "已跳级", {klass}, Effect::kChangeGrade}),
      school_applies({"death", "死亡", "已注销学籍", {}, Effect::kSetStatus, "死亡"}),
      school_applies({"transfer_in", "县外转入", "已转入",
                      {{"name", "学生姓名", "text"},
                       {"id_number", "身份证号", "text"},
                       {"gender", "性别", "enum", true, genders().values},
                       {"birth_date", "出生日期", "date"},
                       {"ethnicity", "民族", "enum", true, ethnicities().values},
                       {"household", "户口性质", "enum", true, households().values},
                       klass,
                       {"from_school", "原学校(县外)", "text"},
                       {"province", "原学校所在省份", "province"}},
                      Effect::kEnrolStudent, "", {}, Rule::kNewStudent, false}),
  };
  out[5].grade_step = -1;
  out[6].grade_step = 1;
  return out;
}

}  // namespace edu
