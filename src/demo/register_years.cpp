#include "demo/register_years.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/enums.h"

namespace edu::demo {
namespace {

int entry_grade(const std::string& section, int grade) {
  while (grade_in_section(section, grade - 1)) --grade;
  return grade;
}

}  // namespace

std::vector<RegisterYear> register_years(const DemoCounty& county, const DemoSettings& settings) {
  const int first = settings.current_school_year - std::max(1, settings.history_years) + 1;
  std::vector<RegisterYear> years(settings.current_school_year - first + 1);
  for (size_t i = 0; i < years.size(); ++i) years[i].school_year = first + static_cast<int>(i);
  auto at = [&](int year) -> RegisterYear& { return years[year - first]; };

  for (const Teacher& t : county.teachers) {
    int hired_in = t.hired_on <= Date{t.hired_on.year, 9, 1} ? t.hired_on.year : t.hired_on.year + 1;
    int year = std::clamp(hired_in, first, settings.current_school_year);
    at(year).teachers.push_back(t);
  }

  // (school, year, section, grade, 班号)
  using ClassKey = std::tuple<int64_t, int, std::string, int, int>;
  std::map<ClassKey, const SchoolClass*> classes_by_key;
  std::unordered_map<int64_t, const SchoolClass*> classes_by_id;
  for (const SchoolClass& c : county.classes) {
    classes_by_key[{c.school_id, c.school_year, c.section, c.grade, c.class_no}] = &c;
    classes_by_id[c.id] = &c;
  }
  for (const SchoolClass& c : county.classes) {
    const ClassKey last_year{c.school_id, c.school_year - 1, c.section, c.grade - 1, c.class_no};
    if (c.school_year == first || !classes_by_key.count(last_year))
      at(c.school_year).classes.push_back(c);
  }

  std::unordered_map<int64_t, const Student*> students;
  for (const Student& s : county.students) students[s.id] = &s;
  std::map<std::pair<int64_t, int>, const Enrolment*> enrolment_of;  // (student, year)
  for (const Enrolment& e : county.enrolments) enrolment_of[{e.student_id, e.school_year}] = &e;
  for (const auto& [key, e] : enrolment_of) {  // by student, then year
    const SchoolClass& c = *classes_by_id.at(e->class_id);
    Student s = *students.at(e->student_id);
    s.school_id = e->school_id;
    s.class_id = e->class_id;
    s.status = "在读";
    s.enrolled_on = Date{e->school_year - (e->grade - entry_grade(c.section, e->grade)), 9, 1};
    auto before = enrolment_of.find({e->student_id, e->school_year - 1});
    bool continuing = before != enrolment_of.end() && before->second->school_id == e->school_id &&
                      before->second->grade == e->grade - 1 &&
                      classes_by_id.at(before->second->class_id)->section == c.section;
    RegisterYear& year = at(e->school_year);
    if (!continuing) year.students.push_back(s);
    if (e->status != "在读" && e->status != "毕业") {
      s.status = e->status;
      year.leavers.push_back(s);
    }
  }
  for (RegisterYear& year : years) {
    auto by_id = [](const Student& a, const Student& b) { return a.id < b.id; };
    std::sort(year.students.begin(), year.students.end(), by_id);
    std::sort(year.leavers.begin(), year.leavers.end(), by_id);
  }
  for (const Conditions& c : county.conditions) at(c.school_year).conditions.push_back(c);
  return years;
}

}  // namespace edu::demo
