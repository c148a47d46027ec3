// A tiny county written by hand for the analytics tests: schools with a given
// number of students per section, teachers of chosen kinds (now, or in a past
// year by the staff history), conditions.
#pragma once

#include <string>

#include "analytics/snapshot_builder.h"

namespace edu::testing {

class TinyCounty {
 public:
  static constexpr int kYear = 2026;
  TinyCounty() {
    r.areas.push_back({1, std::nullopt, "430521", "青山县", "县"});
    r.areas.push_back({2, 1, "430521101", "桃洪镇", "乡镇"});
  }
  // A school; returns its id.
  int64_t school(const std::string& kind, const std::string& location = "乡村") {
    School s;
    s.id = static_cast<int64_t>(r.schools.size()) + 1;
    s.code = "21430521" + std::to_string(10 + s.id);
    s.name = "学校" + std::to_string(s.id);
    s.kind = kind;
    s.location = location;
    s.area_id = 2;
    r.schools.push_back(s);
    return s.id;
  }
  // `n` students of `grade` in one class of school `school` in `year`, status `status`.
  void students(int64_t school, int grade, int n, int year = kYear, const std::string& status = "在读",
                int64_t first_student = 0) {
    SchoolClass c;
    c.id = static_cast<int64_t>(r.classes.size()) + 1;
    c.school_id = school;
    c.school_year = year;
    c.section = grade <= 6 ? "小学" : grade <= 9 ? "初中" : "高中";
    c.grade = grade;
    c.class_no = 1;
    r.classes.push_back(c);
    for (int i = 0; i < n; ++i) {
      int64_t id = first_student ? first_student + i : ++next_student_;
      r.enrolments.push_back({id, year, school, c.id, grade, status});
    }
  }
  // `n` 专任教师 at a school.
  void teachers(int64_t school, int n, const std::string& education = "本科",
                const std::string& subject = "语文", const std::string& backbone = "无",
                const std::string& section = "", const std::string& title = "二级") {
    for (int i = 0; i < n; ++i) {
      Teacher t;
      t.id = static_cast<int64_t>(r.teachers.size()) + 1;
      t.name = "教师" + std::to_string(t.id);
      t.school_id = school;
      t.post = "专任教师";
      t.education = education;
      t.title = title;
      t.subject = subject;
      t.backbone = backbone;
      t.section = section;
      r.teachers.push_back(t);
    }
  }
  // `n` 专任教师 at a school in `year` by the staff history (TeacherYear rows).
  void teachers_in(int year, int64_t school, int n, const std::string& education = "本科",
                   const std::string& backbone = "无") {
    for (int i = 0; i < n; ++i)
      r.teacher_years.push_back(
          {++next_past_teacher_, year, school, "", "专任教师", education, "二级", "语文", backbone, true});
  }
  void conditions(int64_t school, double teaching, double sports, double equipment, int64_t rooms,
                  int year = kYear) {
    r.conditions.push_back({school, year, teaching * 2, teaching, sports, equipment, 1000, 10, rooms});
  }
  analytics::Snapshot snapshot() const { return analytics::build_snapshot(r, kYear); }

  Registers r;

 private:
  int64_t next_student_ = 100000;
  int64_t next_past_teacher_ = 900000;
};

}  // namespace edu::testing
