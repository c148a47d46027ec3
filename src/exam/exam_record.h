// An exam as it is set up and stored: the plain records the store keeps, the
// demo generator makes and the import fills (the analytics reads them through
// the store's loader as ExamSpec/Cohort columns).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "exam/exam_data.h"

namespace edu::exam {

struct ItemRecord {
  std::string label;  // 1, 2, … or 作文
  double full_marks = 1;
  std::string key;  // an objective item's correct option ("A"…), else ""
};

struct SubjectRecord {
  std::string name;
  double full_marks = 100;
  CutLines cuts;
  std::vector<ItemRecord> items;  // empty when scores come per subject only
};

// A score sheet's column of one item: 科目-小题 (英语-1).
inline std::string item_column(const SubjectRecord& s, const ItemRecord& i) { return s.name + "-" + i.label; }

struct ExamRecord {
  int64_t id = 0;
  std::string name;
  Date date;
  int school_year = 0;
  int grade = 0;
  AbsentPolicy absent_policy = AbsentPolicy::kCountAsZero;
  CompositeWeights weights;
  std::vector<SubjectRecord> subjects;
  std::optional<int64_t> previous_exam_id;  // the same cohort's earlier exam (value-added)
  bool archived = false;                     // hidden from the default list of exams
  int64_t data_version = 0;  // bumped by each write to its scores, exemptions or teaching (store/exam_store.h)

  // Whether the register puts a class of `class_year`'s `class_grade` in this
  // exam's roster (store/exam_store.h: the exam's school year and grade).
  bool covers(int class_year, int class_grade) const {
    return class_year == school_year && class_grade == grade;
  }
};

// One student's score in one subject, as submitted by `school_id` (the school
// where they sat, which may differ from their register: 附读).
struct ScoreRecord {
  int64_t student_id = 0;
  int64_t school_id = 0;
  int subject = 0;              // position in ExamRecord::subjects
  std::optional<double> score;  // nullopt: marked 缺考 on the sheet
};

struct ItemScoreRecord {
  int64_t student_id = 0;
  int subject = 0, item = 0;
  double score = 0;
  std::string response;  // the chosen option of an objective item, else ""
};

inline const std::string kExemptionPending = "待审批";
inline const std::string kExemptionApproved = "已批准";
inline const std::string kExemptionRejected = "已驳回";

struct ExemptionRecord {
  int64_t id = 0;
  int64_t student_id = 0;
  std::string subject;  // "" = every subject
  std::string reason;
  std::string status = kExemptionPending;
};

// A paper re-marked centrally: the school's own mark against the bureau's.
struct RemarkRecord {
  int64_t student_id = 0;
  int subject = 0;
  double self_score = 0, central_score = 0;
};

struct TeachingRecord {  // who teaches a subject in a class
  int64_t class_id = 0;
  int subject = 0;
  int64_t teacher_id = 0;
};

struct ExamBundle {
  ExamRecord exam;
  std::vector<ExemptionRecord> exemptions;
  std::vector<ScoreRecord> scores;
  std::vector<ItemScoreRecord> item_scores;
  std::vector<RemarkRecord> remarks;
  std::vector<TeachingRecord> teaching;
};

ExamSpec spec_of(const ExamRecord& exam);

}  // namespace edu::exam
