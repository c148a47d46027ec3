// The exam as the analytics sees it: plain settings and column arrays, no SQL.
//
// Contract:
//  - Scores are kept in half points (Points; 2 points = 1 mark). Every score is
//    a multiple of 0.5 — the import rejects anything else — so every statistic
//    can count instead of compare doubles.
//  - A Cohort holds the 应考名单 (one entry per registered candidate) in columns:
//    the school and class of each candidate and, per subject, a Column of
//    sittings (sat with a score / absent / exempt).
//  - Units names the groups: townships ← schools ← classes, and teachers, with
//    the teacher of each (subject, class). Indexes are positions in those vectors.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace edu::exam {

using Points = int32_t;
inline constexpr int kPointsPerMark = 2;
inline Points to_points(double marks) { return static_cast<Points>(std::lround(marks * kPointsPerMark)); }
inline double to_marks(double points) { return points / kPointsPerMark; }
// True when `marks` is a multiple of 0.5.
inline bool on_half_point(double marks) {
  return std::fabs(marks * kPointsPerMark - std::round(marks * kPointsPerMark)) < 1e-9;
}

enum class Sitting : uint8_t { kSat = 0, kAbsent = 1, kExempt = 2 };

// What to do with absent candidates in averages and rates.
enum class AbsentPolicy { kCountAsZero, kExclude };

struct CutLines {  // fractions of full marks
  double excellent = 0.85;
  double pass = 0.60;
  double low = 0.40;  // 低分: strictly below
};

struct SubjectSpec {
  std::string name;
  double full_marks = 100;
  CutLines cuts;
};

// Weights of the standardised 三率一分 in 综合得分 (低分率 counts against).
struct CompositeWeights {
  double mean = 0.4;
  double excellent = 0.2;
  double pass = 0.3;
  double low = 0.1;
};

struct ExamSpec {
  std::vector<SubjectSpec> subjects;
  AbsentPolicy absent_policy = AbsentPolicy::kCountAsZero;
  CompositeWeights weights;
  CutLines total_cuts;  // cut lines of the total score
  int bins = 20;        // score distribution bins over [0, full marks]
};

// One subject's sittings for every candidate: points[i] is the score of
// candidate i when sitting[i] == kSat, 0 when absent from a subject (the total
// of an absent candidate holds the subjects they sat), ignored when exempt.
struct Column {
  std::vector<Points> points;
  std::vector<Sitting> sitting;
};

struct Cohort {
  std::vector<int64_t> student_id;
  std::vector<std::string> student_name;  // for messages; may be empty
  std::vector<int32_t> school;   // index into Units::schools
  std::vector<int32_t> klass;    // index into Units::classes, -1 when unknown
  std::vector<Column> subjects;  // parallel to ExamSpec::subjects
  size_t size() const { return student_id.size(); }
  // "张三", or "学生#id" when names were not loaded.
  std::string name_of(size_t i) const {
    return i < student_name.size() ? student_name[i] : "学生#" + std::to_string(student_id[i]);
  }
};

struct Unit {
  int64_t id = 0;
  std::string name;
  int32_t parent = -1;  // class → school, school → township
};

struct Units {
  std::string county;
  std::vector<Unit> townships;
  std::vector<Unit> schools;
  std::vector<Unit> classes;
  std::vector<Unit> teachers;
  // teaching[subject][class]: the teacher of that subject in that class, or -1.
  std::vector<std::vector<int32_t>> teaching;
};

// The total score as one more column: sat when every subject was sat; absent
// when any subject was missed (its score is the sum of the subjects sat, used
// only under kCountAsZero); exempt when any subject was exempted.
Column total_column(const Cohort& cohort);
SubjectSpec total_spec(const ExamSpec& spec);

}  // namespace edu::exam
