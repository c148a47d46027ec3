#include "exam/exam_analysis.h"

#include <array>
#include <cmath>
#include <unordered_map>

#include "core/parallel_for.h"
#include "exam/grouping.h"
#include "exam/ranking.h"

namespace edu::exam {
namespace {

std::vector<int32_t> parents(const std::vector<Unit>& units) {
  std::vector<int32_t> out(units.size());
  for (size_t i = 0; i < units.size(); ++i) out[i] = units[i].parent;
  return out;
}

// The column's groups with their 综合得分 and ranks, and their distributions.
ColumnResult ranked(const SubjectSpec& subject, std::vector<ScoreStats> stats, int bins,
                    std::vector<int32_t> bin_counts, const CompositeWeights& weights) {
  const std::vector<bool> eligible = rankable(stats);
  const std::vector<double> composite = composite_scores(stats, weights);
  std::vector<double> means(stats.size());
  for (size_t i = 0; i < stats.size(); ++i) means[i] = stats[i].mean.value_or(0);  // ranked if eligible only
  const auto rank = competition_ranks(composite, eligible);
  const auto mean_rank = competition_ranks(means, eligible);
  ColumnResult out{subject, {}, bins, std::move(bin_counts)};
  out.groups.reserve(stats.size());
  for (size_t i = 0; i < stats.size(); ++i)
    out.groups.push_back(GroupResult{std::move(stats[i]), composite[i], rank[i], mean_rank[i]});
  return out;
}

void fill_z(StudentColumn& out, const Column& column, const ScoreStats& county) {
  out.z.assign(column.points.size(), 0.f);
  if (!county.sd || *county.sd <= 0) return;
  for (size_t i = 0; i < column.points.size(); ++i)
    if (column.sitting[i] == Sitting::kSat)
      out.z[i] = static_cast<float>((to_marks(column.points[i]) - *county.mean) / *county.sd);
}

}  // namespace

const char* level_key(Level level) {
  static const char* keys[] = {"county", "township", "school", "class", "teacher"};
  return keys[static_cast<int>(level)];
}

bool parse_level(const std::string& key, Level& level) {
  for (Level l : kLevels)
    if (key == level_key(l)) {
      level = l;
      return true;
    }
  return false;
}

const std::vector<Unit>& units_of(const Units& units, Level level) {
  static const std::vector<Unit> county(1);
  switch (level) {
    case Level::kCounty: return county;
    case Level::kTownship: return units.townships;
    case Level::kSchool: return units.schools;
    case Level::kClass: return units.classes;
    case Level::kTeacher: return units.teachers;
  }
  return county;
}

ExamAnalysis analyze_exam(const ExamSpec& spec, const Cohort& cohort, const Units& units, unsigned threads) {
  ExamAnalysis out;
  out.columns = spec.subjects;
  out.columns.push_back(total_spec(spec));
  std::vector<const Column*> columns;
  for (const Column& c : cohort.subjects) columns.push_back(&c);
  const Column total = total_column(cohort);
  columns.push_back(&total);

  const auto school_count = static_cast<int32_t>(units.schools.size());
  const Grouping schools = Grouping::by(cohort.school, school_count);
  const Grouping classes = Grouping::by(cohort.klass, static_cast<int32_t>(units.classes.size()));
  const Grouping townships =
      schools.lifted(parents(units.schools), static_cast<int32_t>(units.townships.size()));
  const Grouping county = Grouping::single(cohort.size());
  std::vector<int32_t> township_of_school = parents(units.schools);  // per row of a schools' ScoreTally
  township_of_school.push_back(-1);                                  // of no school: of no township

  // Every slot is made before the columns are analysed, each column into its own.
  out.students.resize(columns.size());
  for (Level level : kLevels) {
    out.levels[static_cast<int>(level)].level = level;
    out.levels[static_cast<int>(level)].columns.resize(columns.size());
  }
  parallel_for(columns.size(), threads, [&](size_t c) {
    const Column& column = *columns[c];
    StudentColumn& student = out.students[c];
    const SubjectSpec& subject = out.columns[c];
    thread_local Grouping teachers;  // kept per thread, as the arrays below
    teachers.count = c < spec.subjects.size() ? static_cast<int32_t>(units.teachers.size()) : 0;
    teachers.of.resize(cohort.size());  // every entry written below
    const std::vector<int32_t>* const teaching =
        c < spec.subjects.size() && c < units.teaching.size() ? &units.teaching[c] : nullptr;
    for (size_t i = 0; i < cohort.size(); ++i)
      teachers.of[i] = teaching && cohort.klass[i] >= 0 ? (*teaching)[cohort.klass[i]] : -1;
    struct Part {
      Level level;
      const Grouping& grouping;
      std::vector<int32_t>* ranks;
      const std::vector<int32_t>* parent_of_class = nullptr;  // a level made of whole classes
    };
    const Part parts[] = {{Level::kCounty, county, &student.county_rank},
                          {Level::kTownship, townships, nullptr},
                          {Level::kSchool, schools, &student.school_rank},
                          {Level::kClass, classes, &student.class_rank},
                          {Level::kTeacher, teachers, nullptr, teaching}};
    std::vector<int32_t> bin_counts;  // of the part being put
    auto put = [&](const Part& part, std::vector<ScoreStats> stats) {
      out.levels[static_cast<int>(part.level)].columns[c] =
          ranked(subject, std::move(stats), spec.bins, std::move(bin_counts), spec.weights);
    };
    // Levels of few groups are tallied; the others take their points in order
    // from one sort of the column, or a level made of whole classes (a
    // subject's teachers) from a merge of its classes' when those are sorted.
    // The schools, townships and county nest (the first three parts): the
    // finest of them tallied is counted from the candidates, each coarser one
    // summed from the last tallied before it, all before any is read.
    thread_local std::array<ScoreTally, 3> nested;  // schools, townships, county
    const ScoreTally* finer = nullptr;
    for (int k = 0; k < 3; ++k) {
      const Grouping& grouping = parts[2 - k].grouping;
      if (!tally_is_cheaper(grouping, subject)) continue;
      if (!finer)
        nested[k].count(column, grouping, PointCuts::of(subject).full, spec.absent_policy);
      else if (k == 1)  // from the schools
        nested[k].sum(*finer, township_of_school, grouping.count);
      else  // the county holds everyone, outside any township or school too
        nested[k].sum(*finer, std::vector<int32_t>(finer->groups + 1, 0), grouping.count);
      finer = &nested[k];
    }
    const bool classes_sorted = !tally_is_cheaper(classes, subject);
    std::vector<const Part*> sorted_parts, merged_parts;
    std::vector<const Grouping*> sorted_groupings;
    for (const Part& part : parts) {
      const StatsOptions options{spec.absent_policy, spec.bins, part.ranks, &bin_counts};
      if (part.grouping.count == 0 && !part.ranks) {
        put(part, {});  // nothing to count (the total's teachers)
      } else if (tally_is_cheaper(part.grouping, subject)) {
        put(part, part.level <= Level::kSchool  // nested
                      ? tallied_score_stats(nested[2 - static_cast<int>(part.level)], column, part.grouping,
                                            subject, options)
                      : tallied_score_stats(column, part.grouping, subject, options));
      } else if (part.parent_of_class && classes_sorted) {
        merged_parts.push_back(&part);
      } else {
        sorted_parts.push_back(&part);
        sorted_groupings.push_back(&part.grouping);
      }
    }
    // Kept per thread across columns: fresh arrays of a column's size cost more in page faults than the pass.
    thread_local SortedColumn sorted;
    sorted.sort(column, PointCuts::of(subject).full, spec.absent_policy, sorted_groupings);
    thread_local std::array<SortedGroups, kLevels.size()> kept;
    SortedGroups& by_class = kept[static_cast<int>(Level::kClass)];
    auto add = [&](const Part& part, SortedGroups& groups) {
      put(part, score_stats(column, sorted, groups, part.grouping, subject,
                            {spec.absent_policy, spec.bins, part.ranks, &bin_counts}));
    };
    for (size_t k = 0; k < sorted_parts.size(); ++k) {
      SortedGroups& groups = kept[static_cast<int>(sorted_parts[k]->level)];
      groups.distribute(sorted, k, sorted_parts[k]->grouping.count);
      add(*sorted_parts[k], groups);
    }
    for (const Part* part : merged_parts) {
      SortedGroups& groups = kept[static_cast<int>(part->level)];
      groups.merge(by_class, *part->parent_of_class, part->grouping.count);
      add(*part, groups);
    }
    fill_z(student, column, out.at(Level::kCounty).columns[c].groups[0].stats);
  });
  return out;
}

void compare_with_previous(ExamAnalysis& now, const Units& now_units, const ExamAnalysis& before,
                           const Units& before_units) {
  for (Level level : kLevels) {
    const auto& before_level = before.at(level);
    for (ColumnResult& column : now.levels[static_cast<int>(level)].columns) {
      const ColumnResult* old = nullptr;
      for (const ColumnResult& c : before_level.columns)
        if (c.subject.name == column.subject.name) old = &c;
      if (!old) continue;
      std::unordered_map<int64_t, int32_t> old_rank;
      const auto& old_units = units_of(before_units, level);
      for (size_t g = 0; g < old->groups.size(); ++g) old_rank[old_units[g].id] = old->groups[g].rank;
      const auto& new_units = units_of(now_units, level);
      for (size_t g = 0; g < column.groups.size(); ++g) {
        auto it = old_rank.find(new_units[g].id);
        GroupResult& r = column.groups[g];
        if (it == old_rank.end() || it->second == 0 || r.rank == 0) continue;
        r.previous_rank = it->second;
        r.rank_change = r.previous_rank - r.rank;
      }
    }
  }
}

}  // namespace edu::exam
