#include "analytics/snapshot_builder.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "core/area_tree.h"
#include "core/teacher_section.h"

namespace edu::analytics {
namespace {

void add_schools(const Registers& r, Snapshot& s) {
  const AreaTree tree(r.areas);
  const bool city = tree.is_city();
  s.areas = r.areas;
  for (const School& x : r.schools) {
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

std::unordered_map<int64_t, int32_t> add_classes(const Registers& r, Snapshot& s) {
  std::unordered_map<int64_t, int32_t> index;
  auto& c = s.classes;
  for (const SchoolClass& k : r.classes) {
    index.emplace(k.id, static_cast<int32_t>(c.size()));
    c.id.push_back(k.id);
    c.school.push_back(s.school_index(k.school_id));
    c.year.push_back(static_cast<int16_t>(k.school_year));
    c.section.push_back(code_of(sections(), k.section));
    c.grade.push_back(static_cast<int8_t>(k.grade));
  }
  return index;
}

// Enrolments in (student, year) order, so a student's years are adjacent.
void add_enrolments(const Registers& r, const std::unordered_map<int64_t, int32_t>& classes,
                    Snapshot& s) {
  std::vector<size_t> order(r.enrolments.size());
  std::iota(order.begin(), order.end(), 0);
  auto key = [&](size_t i) {
    return std::make_pair(r.enrolments[i].student_id, r.enrolments[i].school_year);
  };
  if (!std::is_sorted(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); }))
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  auto& e = s.enrolments;
  e.student_id.reserve(order.size());
  for (size_t i : order) {
    const Enrolment& x = r.enrolments[i];
    int school = s.school_index(x.school_id);
    if (school < 0) continue;
    auto k = classes.find(x.class_id);
    e.student_id.push_back(x.student_id);
    e.year.push_back(static_cast<int16_t>(x.school_year));
    e.school.push_back(school);
    e.klass.push_back(k == classes.end() ? -1 : k->second);
    e.grade.push_back(static_cast<int8_t>(x.grade));
    e.status.push_back(code_of(student_statuses(), x.status));
  }
}

void add_teacher(const TeacherYear& x, const std::string& name, Snapshot& s) {
  int school = s.school_index(x.school_id);
  if (school < 0) return;
  auto& t = s.teachers;
  t.id.push_back(x.teacher_id);
  t.year.push_back(static_cast<int16_t>(x.school_year));
  t.name.push_back(name);
  t.school.push_back(school);
  t.section.push_back(
      code_of(sections(), teacher_section(x.section, s.schools[school].kind, x.subject)));
  t.post.push_back(code_of(posts(), x.post));
  t.education.push_back(code_of(educations(), x.education));
  t.title.push_back(code_of(titles(), x.title));
  t.subject.push_back(code_of(subjects(), x.subject));
  t.backbone.push_back(code_of(backbones(), x.backbone));
}

void add_teachers(const Registers& r, int current_year, Snapshot& s) {
  std::unordered_map<int64_t, const std::string*> names;
  for (const Teacher& x : r.teachers) {
    names.emplace(x.id, &x.name);
    add_teacher({x.id, current_year, x.school_id, x.section, x.post, x.education, x.title,
                 x.subject, x.backbone, x.on_staff},
                x.name, s);
  }
  static const std::string kUnknown;
  for (const TeacherYear& x : r.teacher_years) {
    if (x.school_year >= current_year) continue;
    auto name = names.find(x.teacher_id);
    add_teacher(x, name == names.end() ? kUnknown : *name->second, s);
    s.first_teacher_year = std::min(s.first_teacher_year, x.school_year);
  }
}

}  // namespace

Snapshot build_snapshot(const Registers& r, int current_year) {
  Snapshot s;
  s.first_teacher_year = s.teacher_year = current_year;
  s.first_year = s.last_year = current_year;
  if (!r.classes.empty()) {
    auto [lo, hi] = std::minmax_element(
        r.classes.begin(), r.classes.end(),
        [](const SchoolClass& a, const SchoolClass& b) { return a.school_year < b.school_year; });
    s.first_year = lo->school_year;
    s.last_year = hi->school_year;
  }
  add_schools(r, s);
  s.conditions = r.conditions;
  s.index();
  auto classes = add_classes(r, s);
  add_enrolments(r, classes, s);
  add_teachers(r, current_year, s);
  return s;
}

}  // namespace edu::analytics
