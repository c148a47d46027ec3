// The workflows (学籍异动 …), declared as data in this one place: the engine
// (workflow/case_engine.h) enforces them and GET /meta/workflows hands them to
// the web UI, which draws its buttons and its one action dialog from them.
//
// Contract:
//  - A workflow has states and actions. An opening action has no from-state
//    (POST /cases runs it; a workflow may have several, each with its party:
//    县内转学 is applied for by the sending school or requested by the
//    receiving one); every other action names the states it may be taken from
//    and the one it leads to.
//  - Who may act is a party relative to the case: the sending school (an admin
//    of the case's school: for a kind with one school, the student's school,
//    named by `school_label`), the receiving school (an admin of its target
//    school), the township (an area officer over the case's school: the
//    engine only ever hands them cases in their area), the school or the
//    township (either of those two), or the bureau (教育局管理员). No one
//    else acts on a case.
//  - A waiting state names the party it waits for (their 待办) and its
//    deadline in days (due_on = the day it was entered + days; overdue after).
//    The days are the setting deadline_setting(kind, state), the declared
//    number when unset. Or the action that enters it names a date field
//    (`due_field`) that sets due_on instead (a visit's 下次家访日期). A state
//    with `expires_to` is closed into that state by the sweep (case_engine.h)
//    once overdue, changing nothing in the registers; one that `escalates`
//    waits, once overdue, for the bureau too (its 待办, flagged 已逾期).
//  - An action lists the fields it requires, each with its Chinese label and
//    type; the engine refuses the action while one is missing or invalid,
//    naming it.
//  - An action's effect on the registers runs in the transition's
//    transaction. `bypass`: when the named setting is "0", the action leads to
//    `bypass_to` instead and runs `bypass_effect` (the school decides alone:
//    转学 or 休学 without the bureau).
//  - The 学籍异动 kinds other than 县内转学 are declared in
//    workflow/status_change_workflows.cpp.
#pragma once

#include <string>
#include <vector>

namespace edu {

enum class Party { kNone, kSendingSchool, kReceivingSchool, kBureau, kTownship, kSchoolOrTownship };
const char* party_name(Party party);  // "sending_school" …

struct FieldSpec {
  std::string key;    // "reason", "date", "target_school_id", "class_id", "student_id"
  std::string label;  // 转学原因 …
  // text; date; enum (one of `options`); province (one of provinces());
  // student (of the acting school, its status one of `options`, 在读 when
  // empty); id_number (a 在读 student of another school of the county, found
  // by 身份证号); school (another school of the county); class (of the school
  // the student will be in, this school year); child (a registered student
  // the actor sees); year_class (any class of the county this year);
  // teacher (a teacher of the acting school; for the bureau, any teacher it
  // sees); file (an evidence file the actor uploaded, attached to the case by
  // the action: workflow/case_attachments.h); exam (an exam of the county);
  // exam_subject (one of the subjects of the exam the case names, or none for
  // all).
  std::string type;
  bool required = true;
  std::vector<std::string> options;
  // The field names a record by its id (student, school, class, child, year_class, teacher, file, exam).
  bool names_record() const;
};

// kSetStatus: the student's status becomes the action's `status` (class
// kept); kResume: back to 在读 in the class given; kChangeGrade: into the
// class given, of the grade the workflow's grade_step says; kEnrolStudent: a
// new student, 在读 in the class given, from the case's fields (转入);
// kReturnToSchool: 在读 in the action's class_id, of any school (返校复学).
// kStartExchange / kEndExchange: the teacher goes to the case's target school
// for the period of service, and comes back (workflow/teacher_exchange.h).
// kExempt: the case's 免考 (exam_id, subject, reason) is recorded, approved
// (workflow/exam_commands.h record_exemption). kEnterTitleRound: the 职称申报
// joins the open round; kTitleAppointment: the teacher's appointment becomes
// the action's `status` (聘任, 高职低聘, 缓聘), 聘任 only into a vacant post
// (workflow/title_appointment.h).
enum class Effect { kNone, kMoveStudent, kSetStatus, kResume, kChangeGrade, kEnrolStudent, kReturnToSchool,
                    kStartExchange, kEndExchange, kExempt, kEnterTitleRound, kTitleAppointment };

// Checks beyond a field's own: kSuspension, 休学 (until after date, at most a
// year later; not in the second term of a graduating grade); kExtension, its
// one extension (the student still 休学, the new until after the old, at most
// a year later); kNewStudent, 转入: the student the fields describe passes
// the register's checks for a new student (register_commands.h);
// kExemption, 免考: the student on the exam's roster, the actor acting for
// them, the subject one of the exam's (workflow/exam_commands.h).
// kTitleEligibility, 职称申报: the teacher may apply for the level
// (core/title_eligibility.h, with the county's settings).
enum class Rule { kNone, kSuspension, kExtension, kNewStudent, kExemption, kTitleEligibility };

struct StateSpec {
  std::string key;  // the stored value, Chinese (待转入校确认)
  bool terminal = false;
  Party waits_for = Party::kNone;
  int deadline_days = 0;   // the default of deadline_setting()
  std::string expires_to;  // "" never expires
  bool escalates = false;
};

struct ActionSpec {
  std::string key;    // apply, accept …
  std::string label;  // 申请转学 …
  std::vector<std::string> from;  // empty: the opening action
  std::string to;
  Party party = Party::kNone;
  std::vector<FieldSpec> fields;
  Effect effect = Effect::kNone;
  std::string bypass_setting;  // see above; "" for none
  std::string bypass_to;
  Effect bypass_effect = Effect::kNone;
  std::string status;  // kSetStatus: the student's new status (休学, 转出 …)
  Rule rule = Rule::kNone;
  std::string due_field;  // a date field: the new state's due date; "" for its deadline
};

struct WorkflowSpec {
  std::string kind;   // "transfer"
  std::string title;  // 县内转学
  std::vector<StateSpec> states;
  std::vector<ActionSpec> actions;
  std::string school_label = "学生所在学校";  // the sending school's name in reasons
  std::string target_label = "转入学校";      // the receiving school's
  int grade_step = 0;  // kChangeGrade: -1 留级, +1 跳级
  // Whom a case is about: "student" (cases.student_id) or "teacher"
  // (cases.teacher_id, named by the opening's "teacher_id" field; the case's
  // school is the teacher's). One open case per subject and kind.
  std::string subject = "student";
  const StateSpec* state(const std::string& key) const;
  const ActionSpec* action(const std::string& key) const;
  // The opening action `key`; "" for the first one. nullptr if none.
  const ActionSpec* opening(const std::string& key) const;
};

// A state or an action declared by its leading members, the rest as default
// (named, so a declaration never depends on the members' order).
StateSpec state_spec(std::string key, Party waits_for, int deadline_days, bool terminal = false);
ActionSpec action_spec(std::string key, std::string label, std::vector<std::string> from, std::string to,
                       Party party, std::vector<FieldSpec> fields);

// The setting holding a waiting state's days: "case_deadline_days.<kind>.<state>".
std::string deadline_setting(const WorkflowSpec& w, const StateSpec& s);
// What the expiry sweep writes in the log.
inline constexpr const char* kExpireAction = "expire";
inline constexpr const char* kExpireLabel = "逾期未办理,系统自动关闭";
inline constexpr const char* kSystemUser = "系统";

const std::vector<WorkflowSpec>& all_workflows();
WorkflowSpec dropout_workflow();  // workflow/dropout_workflow.cpp
WorkflowSpec exchange_workflow();  // workflow/exchange_workflow.cpp
WorkflowSpec exemption_workflow();  // workflow/exemption_workflow.cpp
WorkflowSpec title_workflow();     // workflow/title_workflow.cpp
const WorkflowSpec* find_workflow(const std::string& kind);
// Declared in workflow/status_change_workflows.cpp.
std::vector<WorkflowSpec> status_change_workflows();

}  // namespace edu
