#include "exam/exam_analysis.h"

#include <cmath>
#include <unordered_map>

#include "exam/grouping.h"
#include "exam/ranking.h"

namespace edu::exam {
namespace {

std::vector<int32_t> parents(const std::vector<Unit>& units) {
  std::vector<int32_t> out(units.size());
  for (size_t i = 0; i < units.size(); ++i) out[i] = units[i].parent;
  return out;
}

void rank_groups(ColumnResult& column, const CompositeWeights& weights) {
  std::vector<ScoreStats> stats;  // moved out and back: no copies of the bins
  stats.reserve(column.groups.size());
  for (GroupResult& g : column.groups) stats.push_back(std::move(g.stats));
  const std::vector<bool> eligible = rankable(stats);
  const std::vector<double> composite = composite_scores(stats, weights);
  std::vector<double> means(stats.size());
  for (size_t i = 0; i < stats.size(); ++i) means[i] = stats[i].mean.value_or(0);  // ranked if eligible only
  const auto rank = competition_ranks(composite, eligible);
  const auto mean_rank = competition_ranks(means, eligible);
  for (size_t i = 0; i < stats.size(); ++i) {
    column.groups[i].composite = composite[i];
    column.groups[i].rank = rank[i];
    column.groups[i].mean_rank = mean_rank[i];
    column.groups[i].stats = std::move(stats[i]);
  }
}

ColumnResult column_result(const Column& column, const SubjectSpec& subject, const Grouping& grouping,
                           const GroupMembers& members, const ExamSpec& spec,
                           std::vector<int32_t>* ranks) {
  ColumnResult out{subject, {}};
  StatsOptions options{spec.absent_policy, spec.bins, ranks};
  std::vector<ScoreStats> stats = score_stats(column, grouping, members, subject, options);
  out.groups.reserve(stats.size());
  for (ScoreStats& st : stats) out.groups.push_back(GroupResult{std::move(st)});
  rank_groups(out, spec.weights);
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

ExamAnalysis analyze_exam(const ExamSpec& spec, const Cohort& cohort, const Units& units) {
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
  const GroupMembers county_members(county), township_members(townships),
      school_members(schools), class_members(classes);

  out.students.resize(columns.size());
  for (Level level : kLevels) out.levels[static_cast<int>(level)].level = level;
  for (size_t c = 0; c < columns.size(); ++c) {
    StudentColumn& student = out.students[c];
    const SubjectSpec& subject = out.columns[c];
    auto add = [&](Level level, const Grouping& g, const GroupMembers& m, std::vector<int32_t>* ranks) {
      out.levels[static_cast<int>(level)].columns.push_back(
          column_result(*columns[c], subject, g, m, spec, ranks));
    };
    add(Level::kCounty, county, county_members, &student.county_rank);
    add(Level::kTownship, townships, township_members, nullptr);
    add(Level::kSchool, schools, school_members, &student.school_rank);
    add(Level::kClass, classes, class_members, &student.class_rank);
    fill_z(student, *columns[c], out.at(Level::kCounty).columns[c].groups[0].stats);

    std::vector<int32_t> teacher_of(cohort.size(), -1);
    if (c < spec.subjects.size() && c < units.teaching.size())
      for (size_t i = 0; i < cohort.size(); ++i)
        if (cohort.klass[i] >= 0) teacher_of[i] = units.teaching[c][cohort.klass[i]];
    const int32_t teacher_count =
        c < spec.subjects.size() ? static_cast<int32_t>(units.teachers.size()) : 0;
    const Grouping teachers = Grouping::by(std::move(teacher_of), teacher_count);
    add(Level::kTeacher, teachers, GroupMembers(teachers), nullptr);
  }
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
