// Rendering an exam's report as the JSON shapes of docs/API.md (/exams…),
// limited to what the caller's scope may see: the county row is shown to all
// (the benchmark every school compares with); townships to the bureau and
// their own area officers; schools, classes and teachers to the bureau, their
// area, their own school; a teacher sees their school, the classes they head or
// teach, and their own teacher row. Every rate carries its numerator and
// denominator. A figure without data (nobody counted, nobody sat, nobody
// 应考: exam/score_stats.h) is null, never 0; so are a group's 综合得分 and
// ranks when nobody in it is counted.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <span>

#include "exam/rewards.h"
#include "store/exam_store.h"
#include "store/scope.h"
#include "workflow/exam_report.h"

namespace edu {

struct ExamViewer {
  Scope scope;
  std::set<int64_t> classes;  // a teacher's classes (head teacher or teaching)
  // An area scope: the area and every area below it, and the schools placed in them.
  std::set<int64_t> areas, schools;
  bool sees(const exam::ExamTables& tables, exam::Level level, size_t index) const;
  bool sees_school_id(const exam::ExamTables& tables, int64_t school_id) const;
  // The roster's entry `index`: a teacher their classes' students, others by school.
  bool sees_candidate(const exam::ExamTables& tables, size_t index) const;
  // The viewer as a key of rendered pieces (http/rendered_bodies.h): viewers with
  // the same key see the same.
  std::string key() const;
};

nlohmann::json exam_json(const exam::ExamRecord& exam);
nlohmann::json stats_json(const exam::ScoreStats& stats, std::span<const int32_t> bins);
// A piece of one level's results: a city's class level whole is 16 MB of JSON.
struct ResultsPiece {
  std::optional<size_t> column;            // only this column in each group (an index of "columns")
  int64_t township_id = 0, school_id = 0;  // only groups in this township / school; 0: any
  // Paged: the groups in rank order of `column` (总分 without one; unranked last, then
  // register order), `size` to a page, 1-based; "total" counts them all. Unpaged
  // (page 0): every group in register order.
  int64_t page = 0, size = 0;
};

// The groups of one level the viewer sees, as `piece` selects.
nlohmann::json results_json(const ExamReport& report, exam::Level level, const ExamViewer& viewer,
                            const ResultsPiece& piece = {});
// One student's scores, z/T and ranks; null when the student is not a candidate.
nlohmann::json student_json(const ExamReport& report, int64_t student_id);
// 学生报告's search: the caller's candidates whose name starts with `name_prefix`,
// or (when `id_number_prefix` is set: only for roles that may see full ID
// numbers, http/list_filters.h) whose ID number or 学籍号 starts with it; at most
// `limit`, in roster order, ID numbers masked.
nlohmann::json candidates_json(const ExamReport& report, const ExamViewer& viewer, const std::string& name_prefix,
                               const std::string& id_number_prefix, size_t limit);
nlohmann::json items_json(const ExamReport& report, const ExamViewer& viewer);
nlohmann::json value_added_json(const ExamReport& report, const ExamViewer& viewer);
// The flags the caller sees, each with its key, severity and 已核查 mark
// (`reviews`), and the checks that ran with what each covered (candidates in scope,
// re-marked papers, item rows) — so an empty report says what was checked.
nlohmann::json integrity_json(const ExamReport& report, const ExamViewer& viewer,
                              const std::map<std::string, FlagReview>& reviews);
nlohmann::json awards_json(const ExamReport& report, const std::vector<exam::Award>& awards,
                           const ExamViewer& viewer);
nlohmann::json rule_json(const exam::RewardRule& rule);
// 缺考: candidates (not exempt) without any score, by school.
nlohmann::json absentees_json(const ExamReport& report, const ExamViewer& viewer);

}  // namespace edu
