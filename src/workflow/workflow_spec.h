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
//    school) or the bureau (教育局管理员). No one else acts on a case.
//  - A waiting state names the party it waits for (their 待办) and its
//    deadline in days (due_on = the day it was entered + days; overdue after).
//  - An action lists the fields it requires, each with its Chinese label; the
//    engine refuses the action while one is missing, naming it.
//  - An action's effect on the registers runs in the transition's
//    transaction. `bypass`: when the named setting is "0", the action leads to
//    `bypass_to` instead and runs `bypass_effect` (转学 without the bureau).
#pragma once

#include <string>
#include <vector>

namespace edu {

enum class Party { kNone, kSendingSchool, kReceivingSchool, kBureau };
const char* party_name(Party party);  // "sending_school" …

struct FieldSpec {
  std::string key;    // "reason", "date", "target_school_id", "class_id", "student_id"
  std::string label;  // 转学原因 …
  std::string type;   // text, date, student, school, class
  bool required = true;
};

enum class Effect { kNone, kMoveStudent };

struct StateSpec {
  std::string key;  // the stored value, Chinese (待转入校确认)
  bool terminal = false;
  Party waits_for = Party::kNone;
  int deadline_days = 0;
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
const WorkflowSpec* find_workflow(const std::string& kind);

}  // namespace edu
