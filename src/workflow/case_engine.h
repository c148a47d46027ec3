// The case engine: opens cases and takes actions on them exactly as the
// declarations (workflow/workflow_spec.h) allow, and lists each user's 待办.
//
// Contract:
//  - An action is refused (a Chinese reason, nothing written) unless the case
//    is in one of its from-states, the actor is its party for this case
//    (sending school, receiving school, bureau), and every required field is
//    given and valid (a class of the receiving school in the current year …).
//  - An accepted action is one transaction: the log row (who, when, comment,
//    fields), the new state and due date, the files its "file" fields name
//    attached to the case (workflow/case_attachments.h), the effect on the
//    registers, and the audit entry. The log is never changed afterwards.
//  - 县内转学: the applying school's student, 在读, no other open case, a
//    target school other than its own; or requested by the receiving school
//    by 身份证号 (a 在读 student of another school: the answer says whether
//    one exists, nothing more). The approval moves the student — school,
//    class and the current year's enrolment — in the same transaction; until
//    then nothing in the register changes. The other kinds
//    (status_change_workflows.cpp) change status or class the same way, on
//    their final step only; 县外转入 creates its student then (checked as
//    the register checks a new student, at application and on approval),
//    the case naming no student until then. One open case per student and
//    kind. A teacher case (a workflow whose subject is "teacher": 交流轮岗)
//    names its teacher instead — one of the acting school's, or any the
//    bureau sees — belongs to the teacher's school, names another school,
//    and is one open case per teacher and kind.
//  - Expiry: sweep_expired() closes every case overdue in a state that
//    expires (logged and audited as done by 系统, nothing else changes); it
//    runs before every list of cases and the overdue counts, so an expired
//    case is never shown as waiting.
//  - Who sees a case: its two schools' admins, the bureau, and area officers
//    of either school's township; no one else (a 404, as for any record out
//    of scope).
//  - 待办: the states waiting for the actor's party; an area officer's hold
//    the cases of their area waiting for the township; the bureau's also hold
//    the overdue cases of an escalating state (控辍保学's 劝返中).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.h"
#include "core/date.h"
#include "store/case_attachment_store.h"
#include "store/case_store.h"
#include "workflow/workflow_spec.h"

namespace edu {

// An action's input: its fields as text (ids in decimal, dates ISO) and a comment.
struct ActionInput {
  std::map<std::string, std::string> fields;
  std::string comment;
};

// Opens a case of `kind` by its opening action `opening` ("" the first);
// returns the new case's id.
Result<int64_t> open_case(Database& db, const Actor& actor, const std::string& kind,
                          const std::string& opening, const ActionInput& input, const Date& today);
// Whether the actor may take the opening (its party, for a case of their own
// school or area): "forbidden" naming who may, "validation" for no such opening.
Status may_open(const Actor& actor, const std::string& kind, const std::string& opening);
// Several openings of one kind in one transaction: every case opened (their
// ids, in the order given) or none. On a refusal `*failed` is the position of
// the input it concerns.
Result<std::vector<int64_t>> open_cases(Database& db, const Actor& actor, const std::string& kind,
                                        const std::string& opening, const std::vector<ActionInput>& inputs,
                                        const Date& today, size_t* failed);
// Opens a case as 系统 (the daily sweep, workflow/dropout_sweep.h) by the
// kind's first opening action: no party check; the fields are checked as for
// anyone who sees every record.
Result<int64_t> open_case_by_system(Database& db, const std::string& kind, const ActionInput& input,
                                    const Date& today);
Status take_action(Database& db, const Actor& actor, int64_t case_id, const std::string& action,
                   const ActionInput& input, const Date& today);

// The bureau, area officers and school admins take part in cases; other roles
// see none.
bool handles_cases(const User& user);
// The case if the actor may see it (else not found).
Result<CaseView> visible_case(Database& db, const Actor& actor, int64_t case_id);
// box: "todo" (waiting for the actor, overdue first), "mine" (opened by the
// actor) or "all" (every case the actor sees); narrowed, for the bureau and
// area officers, to a school's cases (either side), and to the overdue ones.
struct BoxQuery {
  std::string box = "todo";
  std::optional<int64_t> school_id;
  bool overdue_only = false;
};
Result<std::vector<CaseView>> list_box(Database& db, const Actor& actor, const BoxQuery& query,
                                       const Date& today);
// The cases of one student the actor sees (all of them for the bureau, those
// touching the actor's school or township otherwise), each with its log, in
// three reads (with their evidence files); none for a role that takes no part in cases.
struct CaseWithLog {
  CaseView view;
  std::vector<CaseLogEntry> log;
  std::map<int64_t, CaseAttachment> attachments;  // its evidence files, by id
};
Result<std::vector<CaseWithLog>> student_cases(Database& db, const Actor& actor, int64_t student_id,
                                               const Date& today);
// The actions the actor may take on the case now (keys).
std::vector<std::string> actions_for(const User& user, const CaseRecord& c);
bool is_overdue(const CaseRecord& c, const Date& today);
// A waiting state's days: its setting (workflow_spec.h deadline_setting), or
// the declared number when unset or malformed.
Result<int> state_deadline_days(Database& db, const WorkflowSpec& w, const StateSpec& state);
// Closes the cases overdue in an expiring state as of `today`; returns how many.
Result<int> sweep_expired(Database& db, const Date& today);

// Overdue cases for the level above, per school that keeps them waiting (the
// receiving school for 待转入校确认, else the case's school; a case waiting
// for the bureau counts at its school too): the bureau sees every school, an
// area officer the schools of their area; others are refused.
struct OverdueCount {
  int64_t school_id = 0;
  std::string school_name;
  int64_t overdue = 0;
};
Result<std::vector<OverdueCount>> overdue_counts(Database& db, const Actor& actor, const Date& today);

}  // namespace edu
