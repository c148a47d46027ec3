#include "analytics/snapshot_builder.h"

#include <algorithm>
#include <numeric>

#include "core/area_tree.h"
#include "core/teacher_section.h"

namespace edu::analytics {
namespace {

void add_schools(const std::vector<School>& schools, Snapshot& s) {
  const AreaTree tree(s.areas);
  const bool city = tree.is_city();
  for (const School& x : schools) {
    SchoolInfo info{x.id, x.code, x.name, x.kind, x.location, x.area_id, 0, "", 0, ""};
    if (const Area* t = tree.township_of(x.area_id)) {
      info.township_id = t->id;
      info.township_name = t->name;
    }
    if (const Area* c = city ? tree.county_of(x.area_id) : nullptr) {
      info.county_id = c->id;
      info.county_name = c->name;
    }
    s.schools.push_back(std::move(info));
  }
}

// Each column of `e` put in the order of `order` (a permutation of its rows).
template <class T>
void permute(std::vector<T>& column, const std::vector<uint32_t>& order) {
  std::vector<T> sorted;
  sorted.reserve(column.size());
  for (uint32_t i : order) sorted.push_back(column[i]);
  column = std::move(sorted);
}

// The enrolments in (student, year) order, so a student's years are adjacent.
void sort_by_student_and_year(EnrolmentColumns& e) {
  auto less = [&](size_t a, size_t b) {
    return std::make_pair(e.student_id[a], e.year[a]) < std::make_pair(e.student_id[b], e.year[b]);
  };
  bool sorted = true;
  for (size_t i = 1; i < e.size() && sorted; ++i) sorted = !less(i, i - 1);
  if (sorted) return;
  std::vector<uint32_t> order(e.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), less);
  permute(e.student_id, order);
  permute(e.year, order);
  permute(e.school, order);
  permute(e.klass, order);
  permute(e.grade, order);
  permute(e.status, order);
}

}  // namespace

SnapshotBuilder::SnapshotBuilder(int current_year, std::vector<Area> areas, const std::vector<School>& schools,
                                 std::vector<Conditions> conditions)
    : current_year_(current_year) {
  s_.first_teacher_year = s_.teacher_year = current_year;
  s_.first_year = s_.last_year = current_year;
  s_.areas = std::move(areas);
  add_schools(schools, s_);
  s_.conditions = std::move(conditions);
  s_.index();
}

void SnapshotBuilder::add_class(int64_t id, int64_t school_id, int year, std::string_view section, int grade) {
  auto& c = s_.classes;
  if (c.size() == 0) s_.first_year = s_.last_year = year;
  s_.first_year = std::min(s_.first_year, year);
  s_.last_year = std::max(s_.last_year, year);
  classes_.emplace(id, static_cast<int32_t>(c.size()));
  c.id.push_back(id);
  c.school.push_back(s_.school_index(school_id));
  c.year.push_back(static_cast<int16_t>(year));
  c.section.push_back(code_of(sections(), section));
  c.grade.push_back(static_cast<int8_t>(grade));
}

void SnapshotBuilder::add_enrolment(int64_t student_id, int year, int64_t school_id, int64_t class_id, int grade,
                                    std::string_view status) {
  const int school = s_.school_index(school_id);
  if (school < 0) return;
  const auto k = classes_.find(class_id);
  auto& e = s_.enrolments;
  e.student_id.push_back(student_id);
  e.year.push_back(static_cast<int16_t>(year));
  e.school.push_back(school);
  e.klass.push_back(k == classes_.end() ? -1 : k->second);
  e.grade.push_back(static_cast<int8_t>(grade));
  e.status.push_back(code_of(student_statuses(), status));
}

void SnapshotBuilder::add_teacher(const TeacherFields& t, std::string_view name) {
  names_.emplace(t.id, name);
  add_teacher_row(t, name);
}

void SnapshotBuilder::add_teacher_year(const TeacherFields& t) {
  if (t.year >= current_year_) return;
  const auto name = names_.find(t.id);
  add_teacher_row(t, name == names_.end() ? std::string_view() : std::string_view(name->second));
  s_.first_teacher_year = std::min(s_.first_teacher_year, t.year);
}

void SnapshotBuilder::add_teacher_row(const TeacherFields& x, std::string_view name) {
  const int school = s_.school_index(x.school_id);
  if (school < 0) return;
  auto& t = s_.teachers;
  t.id.push_back(x.id);
  t.year.push_back(static_cast<int16_t>(x.year));
  t.name.emplace_back(name);
  t.school.push_back(school);
  t.section.push_back(code_of(sections(), teacher_section(x.section, s_.schools[school].kind, x.subject)));
  t.post.push_back(code_of(posts(), x.post));
  t.education.push_back(code_of(educations(), x.education));
  t.title.push_back(code_of(titles(), x.title));
  t.subject.push_back(code_of(subjects(), x.subject));
  t.backbone.push_back(code_of(backbones(), x.backbone));
}

Snapshot SnapshotBuilder::finish() && {
  s_.index();  // the conditions by the history years the classes gave
  sort_by_student_and_year(s_.enrolments);
  return std::move(s_);
}

Snapshot build_snapshot(const Registers& r, int current_year) {
  SnapshotBuilder b(current_year, r.areas, r.schools, r.conditions);
  for (const SchoolClass& k : r.classes) b.add_class(k.id, k.school_id, k.school_year, k.section, k.grade);
  for (const Enrolment& x : r.enrolments)
    b.add_enrolment(x.student_id, x.school_year, x.school_id, x.class_id, x.grade, x.status);
  for (const Teacher& x : r.teachers)
    b.add_teacher({x.id, current_year, x.school_id, x.section, x.post, x.education, x.title, x.subject, x.backbone},
                  x.name);
  for (const TeacherYear& x : r.teacher_years)
    b.add_teacher_year({x.teacher_id, x.school_year, x.school_id, x.section, x.post, x.education, x.title,
                        x.subject, x.backbone});
  return std::move(b).finish();
}

}  // namespace edu::analytics
