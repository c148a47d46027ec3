// Exams in the database: setting up an exam, its register-based roster, the
// scores, exemptions, re-marks, teaching assignments and reward rules, and the
// bulk read of everything the analysis needs (ExamTables).
//
// The roster (应考名单) is the register's: every student whose enrolment in
// the exam's school year is in the exam's grade with status 在读 (or 毕业, for
// an exam at the end of a graduating year), plus students now 在读 in a class
// of that year and grade not yet in the year's enrolments; an approved
// exemption from every subject marks the entry exempt. Writes run inside the caller's transaction
// unless the function says it opens its own.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "exam/exam_input.h"
#include "exam/rewards.h"
#include "store/database.h"
#include "store/scope.h"

namespace edu {

// Exam, subjects and items (no transaction of its own).
Result<int64_t> insert_exam(Database& db, const exam::ExamRecord& exam);
// A whole exam with all its rows, in one transaction of its own.
Result<int64_t> save_exam_bundle(Database& db, const exam::ExamBundle& bundle);

Result<std::vector<exam::ExamRecord>> list_exams(Database& db);
Result<std::optional<exam::ExamRecord>> find_exam(Database& db, int64_t exam_id);
// find_exam, with "not_found" (考试(编号 N)不存在) when there is no such exam.
Result<exam::ExamRecord> existing_exam(Database& db, int64_t exam_id);
Status set_exam_archived(Database& db, int64_t exam_id, bool archived);

// One exam's students with a score imported (not 缺考), per subject
// (ExamRecord::subjects' order) and school that submitted the score.
struct ScoredAtSchool {
  int subject = 0;
  int64_t school_id = 0;
  int64_t students = 0;
};
Result<std::vector<ScoredAtSchool>> exam_scored_by_school(Database& db, int64_t exam_id);

Result<std::vector<exam::RosterEntry>> load_roster(Database& db, const exam::ExamRecord& exam);
// Everything the analysis of one exam reads; its item scores only when asked
// (a previous exam's report needs its scores, not its items).
enum class ExamItemScores { kLoad, kSkip };
Result<exam::ExamTables> load_exam_tables(Database& db, int64_t exam_id,
                                          ExamItemScores item_scores = ExamItemScores::kLoad);

// What an exam's analysis was computed from: its data (scores, exemptions,
// teaching rows — each write below bumps it), its previous exam's, and the
// registers (names, classes, schools: store/snapshot_loader.h). Equal versions,
// equal analyses.
struct ExamDataVersion {
  int64_t data = 0;
  std::optional<int64_t> previous_exam_id;
  int64_t previous_data = 0;
  int64_t registers = 0;
  bool operator==(const ExamDataVersion&) const = default;
};
// "not_found" when there is no such exam.
Result<ExamDataVersion> exam_data_version(Database& db, int64_t exam_id);

Status insert_teaching(Database& db, int64_t exam_id, const std::vector<exam::TeachingRecord>& rows);
// Replaces the scores (and item scores) of the students named in `scores`.
Status replace_scores(Database& db, int64_t exam_id, const std::vector<exam::ScoreRecord>& scores,
                      const std::vector<exam::ItemScoreRecord>& item_scores);

struct ExemptionView {
  exam::ExemptionRecord record;
  std::string student_name;
  int64_t school_id = 0;
  std::string school_name;
};
Result<std::vector<ExemptionView>> list_exemptions(Database& db, int64_t exam_id);
// decided_by 0: none yet.
Result<int64_t> insert_exemption(Database& db, int64_t exam_id, const exam::ExemptionRecord& x,
                                 int64_t requested_by, int64_t decided_by);

struct ScoreImportSummary {
  int64_t exam_id = 0;
  std::string file_name;
  int64_t rows = 0, counted = 0, missing = 0, outsiders = 0, duplicates = 0;
  std::string report;  // the reconciliation as JSON text
  int64_t created_by = 0;
};
Result<int64_t> insert_score_import(Database& db, const ScoreImportSummary& summary);

// The students of the exam with a stored score submitted by a school other
// than `school_id` (附读 scores the bureau wrote), for a school's score sheet.
Result<std::set<int64_t>> students_scored_elsewhere(Database& db, int64_t exam_id, int64_t school_id);
// 学校标识码 → school id, for score sheets.
Result<std::unordered_map<std::string, int64_t>> school_ids_by_code(Database& db);
// The classes a teacher heads or teaches in this exam's school year and grade.
Result<std::set<int64_t>> teacher_exam_classes(Database& db, const exam::ExamRecord& exam, int64_t teacher_id);

// 已核查 integrity flags of an exam, by flag key (exam/integrity_review.h).
struct FlagReview {
  int64_t reviewed_by = 0;
  std::string reviewer;  // the account's display name
  std::string reviewed_at;
};
Result<std::map<std::string, FlagReview>> load_flag_reviews(Database& db, int64_t exam_id);
// Marks the flag reviewed (or not); no transaction of its own.
Status set_flag_review(Database& db, int64_t exam_id, const std::string& flag_key, bool reviewed,
                       int64_t reviewed_by);

Status save_reward_rules(Database& db, int64_t exam_id, const std::vector<exam::RewardRule>& rules);
Result<std::vector<exam::RewardRule>> load_reward_rules(Database& db, int64_t exam_id);

}  // namespace edu
