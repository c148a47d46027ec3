#include "analytics/training.h"

#include <algorithm>
#include <unordered_map>

#include "core/area_tree.h"
#include "core/enums.h"
#include "core/teacher_section.h"

namespace edu::analytics::training {

int default_cycle_start(int current_school_year) { return current_school_year - (kCycleYears - 1); }

std::optional<double> percent_one_decimal(int64_t numerator, int64_t denominator) {
  if (denominator <= 0) return std::nullopt;
  // Tenths of a percent, half up, in integers: floor((1000·n + d/2)… ) exactly.
  const int64_t tenths = (2000 * numerator + denominator) / (2 * denominator);
  return static_cast<double>(tenths) / 10.0;
}

namespace {

void finish(RateRow& r) {
  r.participation.percent = percent_one_decimal(r.participation.numerator, r.participation.denominator);
  r.pass.percent = percent_one_decimal(r.pass.numerator, r.pass.denominator);
}

// Rows grouped under a key, in the order keys first appear.
class Grouping {
 public:
  RateRow& at(int64_t id, const std::string& name, const std::string& parent = "") {
    const std::string key = std::to_string(id) + "\x1f" + name;
    auto [it, added] = index_.try_emplace(key, rows_.size());
    if (added) rows_.push_back({id, name, parent, {}, {}, {}});
    return rows_[it->second];
  }
  std::vector<RateRow> take() {
    for (RateRow& r : rows_) finish(r);
    return std::move(rows_);
  }

 private:
  std::unordered_map<std::string, size_t> index_;
  std::vector<RateRow> rows_;
};

void count(RateRow& r, const RosterEntry& e, size_t index) {
  if (e.required) {
    ++r.participation.denominator;
    r.participation.numerator += e.attended;
  }
  if (e.attended) {
    ++r.pass.denominator;
    r.pass.numerator += e.passed;
  }
  r.rows.push_back(index);
}

}  // namespace

Rates training_rates(const TrainingTables& t, const std::vector<Area>& areas, int school_year) {
  const AreaTree tree(areas);
  std::unordered_map<int64_t, const TrainingCourseRow*> courses;
  for (const TrainingCourseRow& c : t.courses)
    if (school_year_of(c.start_date) == school_year) courses[c.id] = &c;
  std::unordered_map<int64_t, const TrainingTeacherRow*> teachers;
  for (const TrainingTeacherRow& x : t.teachers) teachers[x.id] = &x;
  Rates out;
  out.school_year = school_year;
  out.total.name = "合计";
  Grouping by_course, by_school, by_township, by_section;
  // Courses in date order, units in register order: walk the courses and
  // teachers first so each grouping lists them in that order.
  for (const TrainingCourseRow& c : t.courses)
    if (courses.count(c.id)) by_course.at(c.id, c.name);
  for (const TrainingTeacherRow& x : t.teachers) {
    const Area* township = tree.township_of(x.area_id);
    by_school.at(x.school_id, x.school_name, township ? township->name : "");
  }
  for (size_t i = 0; i < t.entries.size(); ++i) {
    const RosterEntry& e = t.entries[i];
    auto c = courses.find(e.course_id);
    auto x = teachers.find(e.teacher_id);
    if (c == courses.end() || x == teachers.end()) continue;
    if (!e.required && !e.attended) continue;
    const TrainingTeacherRow& teacher = *x->second;
    const Area* township = tree.township_of(teacher.area_id);
    count(out.total, e, i);
    count(by_course.at(e.course_id, c->second->name), e, i);
    count(by_school.at(teacher.school_id, teacher.school_name, township ? township->name : ""), e, i);
    if (township) count(by_township.at(township->id, township->name), e, i);
    count(by_section.at(0, teacher_section(teacher.section, teacher.school_kind, teacher.subject)), e, i);
  }
  finish(out.total);
  out.by_course = by_course.take();
  out.by_school = by_school.take();
  out.by_township = by_township.take();
  out.by_section = by_section.take();
  // A school with no row of the year says nothing: leave it out.
  std::erase_if(out.by_school, [](const RateRow& r) { return r.rows.empty(); });
  // 学段 in their usual order (学前, 小学, 初中 …).
  auto rank = [](const RateRow& r) {
    const auto& v = sections().values;
    return std::find(v.begin(), v.end(), r.name) - v.begin();
  };
  std::stable_sort(out.by_section.begin(), out.by_section.end(),
                   [&](const RateRow& a, const RateRow& b) { return rank(a) < rank(b); });
  std::erase_if(out.by_course, [](const RateRow& r) { return r.rows.empty(); });
  return out;
}

CycleHours cycle_hours(const TrainingTables& t, int cycle_start, int64_t required_hours) {
  CycleHours out;
  out.cycle_start = cycle_start;
  out.cycle_end = cycle_start + kCycleYears - 1;
  out.required_hours = required_hours;
  std::unordered_map<int64_t, int> year_of_course;
  for (const TrainingCourseRow& c : t.courses) year_of_course[c.id] = school_year_of(c.start_date);
  std::unordered_map<int64_t, size_t> teacher_index;
  out.teachers.reserve(t.teachers.size());
  for (size_t i = 0; i < t.teachers.size(); ++i) {
    teacher_index[t.teachers[i].id] = i;
    out.teachers.push_back({i, {}, 0, 0});
  }
  for (const RosterEntry& e : t.entries) {
    auto x = teacher_index.find(e.teacher_id);
    auto y = year_of_course.find(e.course_id);
    if (!e.attended || x == teacher_index.end() || y == year_of_course.end()) continue;
    TeacherHours& h = out.teachers[x->second];
    h.by_year[y->second] += e.hours_credited;
    if (y->second >= out.cycle_start && y->second <= out.cycle_end) h.total += e.hours_credited;
  }
  std::unordered_map<int64_t, size_t> school_index;
  for (size_t i = 0; i < out.teachers.size(); ++i) {
    TeacherHours& h = out.teachers[i];
    h.shortfall = std::max<int64_t>(0, required_hours - h.total);
    const TrainingTeacherRow& x = t.teachers[i];
    if (x.post != kTeachingPost) continue;
    auto [it, added] = school_index.try_emplace(x.school_id, out.by_school.size());
    if (added) out.by_school.push_back({x.school_id, x.school_name, 0, 0});
    SchoolBehind& s = out.by_school[it->second];
    ++s.teachers;
    if (h.shortfall > 0) {
      ++s.behind;
      out.behind.push_back(i);
    }
  }
  std::stable_sort(out.behind.begin(), out.behind.end(),
                   [&](size_t a, size_t b) { return out.teachers[a].shortfall > out.teachers[b].shortfall; });
  return out;
}

}  // namespace edu::analytics::training
