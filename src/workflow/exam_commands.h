// Commands on exams, each validated and written in one transaction:
// setting up an exam (its class-subject-teacher assignments taken from the
// register: the school's teachers of that subject, shared out over its classes
// in turn), checking and recording 免考 (asked and decided on the case engine:
// workflow/exemption_workflow.cpp), setting the reward rules, archiving an
// exam and marking its integrity flags 已核查 (these two audited).
// Permissions are checked here through access/policy; errors are Chinese.
#pragma once

#include "access/policy.h"
#include "exam/exam_record.h"
#include "exam/rewards.h"
#include "store/database.h"

namespace edu {

Status validate_exam(const exam::ExamRecord& exam);
Result<int64_t> create_exam_command(Database& db, const Actor& actor, exam::ExamRecord exam);
// Whether the actor may ask for `exemption` on the exam: the exam exists, the
// subject ("" for all) is one of its subjects, the reason is given, and the
// student is on its roster and the actor acts for them (a school admin for
// their own school's, the bureau for anyone: exam_entitlement.h).
Status check_exemption(Database& db, const Actor& actor, int64_t exam_id, const exam::ExemptionRecord& exemption);
// Checks it again and writes it approved (asked by `requested_by`, decided by
// the actor), audited, in the caller's transaction; the exam's data version
// bumps (store/exam_store.h).
Status record_exemption(Database& db, const Actor& actor, int64_t exam_id, exam::ExemptionRecord exemption,
                        int64_t requested_by);
Status set_reward_rules(Database& db, const Actor& actor, int64_t exam_id,
                        const std::vector<exam::RewardRule>& rules);
// The bureau only. Archived exams leave the default list of exams; nothing else changes.
Status archive_exam_command(Database& db, const Actor& actor, int64_t exam_id, bool archived);
// The bureau only; `flag_key` must name a flag of the exam's current report
// (checked by the caller, which holds the report).
Status review_flag_command(Database& db, const Actor& actor, int64_t exam_id, const std::string& flag_key,
                           bool reviewed);

}  // namespace edu
