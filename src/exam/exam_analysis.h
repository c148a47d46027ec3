// The full analysis of one exam: for every level (county, township, school,
// class, teacher) and every column (each subject, then the total), each
// group's ScoreStats, 综合得分 and ranks; for every candidate the z and T
// scores and ranks in class, school and county. Pure and single-pass per
// level and column.
//
// Threads: the columns are independent and are analysed on up to `threads`
// threads (core/parallel_for.h: 0 = the machine's cores, bounded across the
// process, so analyses of concurrent requests share the cores rather than
// multiply the threads; 1 = the calling thread alone). Each column writes only
// its own preallocated slots: the result is the same, byte for byte, for any
// number of threads.
//
// Contract:
//  - columns = the exam's subjects in order, then 总分 (total_column()).
//  - The teacher level covers subjects only (a teacher teaches one subject);
//    its 总分 column has no groups.
//  - z = (score − county mean) ÷ county SD over the counted; T = 50 + 10z;
//    both 0 for a candidate who did not sit, or when the SD is 0.
//  - Ranks of groups: by 综合得分 (rank) and by 平均分 (mean_rank), competition
//    ranking among groups with anybody counted. previous_rank/rank_change are
//    filled by compare_with_previous().
#pragma once

#include <array>
#include <span>
#include <string>
#include <vector>

#include "exam/exam_data.h"
#include "exam/score_stats.h"

namespace edu::exam {

enum class Level { kCounty = 0, kTownship, kSchool, kClass, kTeacher };
inline constexpr std::array<Level, 5> kLevels = {Level::kCounty, Level::kTownship, Level::kSchool,
                                                 Level::kClass, Level::kTeacher};
const char* level_key(Level level);    // "county", "township" …
// Parses level_key(); false for an unknown key.
bool parse_level(const std::string& key, Level& level);

struct GroupResult {
  ScoreStats stats;
  double composite = 0;       // 综合得分
  int32_t rank = 0;           // by 综合得分
  int32_t mean_rank = 0;      // by 平均分
  int32_t previous_rank = 0;  // rank in the previous exam, 0 when unknown
  int32_t rank_change = 0;    // previous_rank − rank (positive = moved up); 0 when unknown
};

struct ColumnResult {
  SubjectSpec subject;
  std::vector<GroupResult> groups;  // indexed like the level's units
  int bins = 0;                     // bins of each group's distribution (ExamSpec::bins)
  std::vector<int32_t> bin_counts;  // every group's, one after the other (StatsOptions::bin_counts)
  // Group g's counts per equal-width bin of [0, full marks], the last including full marks.
  std::span<const int32_t> bins_of(size_t g) const {
    return {bin_counts.data() + g * static_cast<size_t>(bins), static_cast<size_t>(bins)};
  }
};

struct LevelResult {
  Level level = Level::kCounty;
  std::vector<ColumnResult> columns;
};

struct StudentColumn {
  std::vector<float> z;
  std::vector<int32_t> class_rank, school_rank, county_rank;
};

struct ExamAnalysis {
  std::vector<SubjectSpec> columns;
  std::array<LevelResult, kLevels.size()> levels;
  std::vector<StudentColumn> students;  // per column, indexed like the cohort
  const LevelResult& at(Level level) const { return levels[static_cast<int>(level)]; }
};

ExamAnalysis analyze_exam(const ExamSpec& spec, const Cohort& cohort, const Units& units, unsigned threads = 0);

// Units of a level, for names and ids (the county is one unnamed unit).
const std::vector<Unit>& units_of(const Units& units, Level level);

// Fills previous_rank and rank_change by matching groups on their unit ids and
// columns on their subject names.
void compare_with_previous(ExamAnalysis& now, const Units& now_units, const ExamAnalysis& before,
                           const Units& before_units);

}  // namespace edu::exam
