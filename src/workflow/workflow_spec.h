// The workflows (学籍异动 …), declared as data in this one place: the engine
// (workflow/case_engine.h) enforces them and GET /meta/workflows hands them to
// the web UI, which draws its buttons and its one action dialog from them.
//
// Contract:
//  - A workflow has states and actions. The opening action has no from-state
//    (POST /cases runs it); every other action names the states it may be
//    taken from and the one it leads to.
//  - Who may act is a party relative to the case: the sending school (an admin
//    of the case's school), the receiving school (an admin of its target
//    school), the township (an area officer over the case's school: the
//    engine only ever hands them cases in their area), the school or the
//    township (either of those two), or the bureau (教育局管理员). No one
//    else acts on a case.
//  - A waiting state names the party it waits for (their 待办) and its
//    deadline in days (due_on = the day it was entered + days; overdue after),
//    or the action that enters it names a date field (`due_field`) that sets
//    due_on instead (a visit's 下次家访日期). `escalates`: once overdue, the
//    case waits for the bureau too (its 待办, flagged 已逾期).
//  - An action lists the fields it requires, each with its Chinese label; the
//    engine refuses the action while one is missing, naming it.
//  - An action's effect on the registers runs in the transition's
//    transaction. `bypass`: when the named setting is "0", the action leads to
//    `bypass_to` instead and runs `bypass_effect` (转学 without the bureau).
#pragma once

#include <string>
#include <vector>

namespace edu {

enum class Party { kNone, kSendingSchool, kReceivingSchool, kBureau, kTownship, kSchoolOrTownship };
const char* party_name(Party party);  // "sending_school" …

struct FieldSpec {
  std::string key;    // "reason", "date", "target_school_id", "class_id", "student_id"
  std::string label;  // 转学原因 …
  // text, date, student (在读 at the actor's school), school, class (the
  // receiving school's, this year), child (a registered student the actor
  // sees), year_class (any class of the county this year)
  std::string type;
  bool required = true;
  // The field names a record by its id (student, school, class, child, year_class).
  bool names_record() const;
};

// kReturnToSchool: the student is 在读 in the action's class_id (返校复学).
enum class Effect { kNone, kMoveStudent, kReturnToSchool };

struct StateSpec {
  std::string key;  // the stored value, Chinese (待转入校确认)
  bool terminal = false;
  Party waits_for = Party::kNone;
  int deadline_days = 0;
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
  std::string due_field;  // a date field: the new state's due date; "" for its deadline
};

struct WorkflowSpec {
  std::string kind;   // "transfer"
  std::string title;  // 县内转学
  std::vector<StateSpec> states;
  std::vector<ActionSpec> actions;
  const StateSpec* state(const std::string& key) const;
  const ActionSpec* action(const std::string& key) const;
  const ActionSpec& opening() const;
};

const std::vector<WorkflowSpec>& all_workflows();
WorkflowSpec dropout_workflow();  // workflow/dropout_workflow.cpp
const WorkflowSpec* find_workflow(const std::string& kind);

}  // namespace edu
