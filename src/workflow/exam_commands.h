// Commands on exams, each validated and written in one transaction:
// setting up an exam (its class-subject-teacher assignments taken from the
// register: the school's teachers of that subject, shared out over its classes
// in turn), requesting and deciding 免考, setting the reward rules, archiving an
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
// A school administrator may ask for their own school's students; the bureau
// for anyone (and its requests are approved at once).
Result<int64_t> request_exemption(Database& db, const Actor& actor, int64_t exam_id,
                                  exam::ExemptionRecord exemption);
Status decide_exemption_command(Database& db, const Actor& actor, int64_t exam_id, int64_t exemption_id,
                                bool approve);
Status set_reward_rules(Database& db, const Actor& actor, int64_t exam_id,
                        const std::vector<exam::RewardRule>& rules);
// The bureau only. Archived exams leave the default list of exams; nothing else changes.
Status archive_exam_command(Database& db, const Actor& actor, int64_t exam_id, bool archived);
// The bureau only; `flag_key` must name a flag of the exam's current report
// (checked by the caller, which holds the report).
Status review_flag_command(Database& db, const Actor& actor, int64_t exam_id, const std::string& flag_key,
                           bool reviewed);

}  // namespace edu
