// The registers as plain structs: what the store keeps, the generator makes,
// the validator checks and the API renders. Enumerated fields hold the Chinese
// values listed in core/enums.h. Ids are database ids (0 = not yet stored).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace edu {

// The school year that starts on 1 September of `year` is called `year`
// (2026 = 2026–2027学年).
inline int school_year_of(const Date& d) { return d.month >= 9 ? d.year : d.year - 1; }

struct Area {  // 行政区划: (city ->) county -> townships (-> 学区): core/area_tree.h
  int64_t id = 0;
  std::optional<int64_t> parent_id;
  std::string code;   // 行政区划代码, e.g. 430521 (county), 430521101 (township)
  std::string name;   // 隆回县, 桃洪镇
  std::string level;  // 市 / 县 / 乡镇 / 学区
};

struct School {
  int64_t id = 0;
  std::string code;  // 学校标识码, 10 digits, natural key
  std::string name;
  std::string kind;       // school_kinds()
  std::string ownership;  // ownerships()
  std::string location;   // locations()
  int64_t area_id = 0;    // the township it belongs to
  std::optional<int64_t> parent_school_id;  // a 教学点's central school
  std::string address;
  std::string principal;
  std::string phone;
  int founded_year = 0;
  bool weak = false;  // 薄弱学校, set by the bureau
};

struct SchoolClass {  // 班级, one row per school year
  int64_t id = 0;
  int64_t school_id = 0;
  int school_year = 0;
  std::string section;  // sections()
  int grade = 0;        // see grade_label()
  int class_no = 0;     // 1, 2, 3 …
  std::string name;     // 七年级(2)班
  std::optional<int64_t> head_teacher_id;
};

struct Student {
  int64_t id = 0;
  std::string id_number;  // 身份证号, natural key; 全国学籍号 = "G" + id_number
  std::string name;
  std::string gender;  // genders()
  Date birth_date;
  std::string ethnicity;  // ethnicities()
  int64_t school_id = 0;
  std::optional<int64_t> class_id;  // current class (school year = current)
  std::string status;               // student_statuses()
  Date enrolled_on;                 // 入学日期
  std::string household;            // households()
  bool left_behind = false;         // 留守儿童
  bool disabled = false;            // 随班就读 / 残疾
};

// Where a student was in a given school year: the register's history.
struct Enrolment {
  int64_t student_id = 0;
  int school_year = 0;
  int64_t school_id = 0;
  int64_t class_id = 0;
  int grade = 0;
  std::string status;  // status at the end of that year (在读, 毕业, 辍学, 转出 …)
};

struct Teacher {
  int64_t id = 0;
  std::string id_number;
  std::string name;
  std::string gender;
  Date birth_date;
  int64_t school_id = 0;
  std::string post;       // posts()
  std::string education;  // educations()
  std::string title;      // titles()
  std::string subject;    // subjects()
  std::string backbone;   // backbones()
  std::string section;    // sections(): the 学段 taught; "" = by core/teacher_section.h
  bool on_staff = true;   // 在编
  Date hired_on;          // 参加工作日期
};

// Where a teacher worked in a given school year, and as what: the staff's
// history (table teacher_years), written when a rollover closes the year and
// kept in step with the register for the current year.
struct TeacherYear {
  int64_t teacher_id = 0;
  int school_year = 0;
  int64_t school_id = 0;
  std::string section;  // as Teacher::section
  std::string post, education, title, subject, backbone;
  bool on_staff = true;
};

struct Conditions {  // 办学条件 per school and school year
  int64_t school_id = 0;
  int school_year = 0;
  double building_area = 0;    // 校舍建筑面积 m²
  double teaching_area = 0;    // 教学及辅助用房面积 m²
  double sports_area = 0;      // 体育运动场馆面积 m²
  double equipment_value = 0;  // 教学仪器设备值 元
  int64_t books = 0;           // 图书 册
  int64_t computers = 0;       // 计算机 台
  int64_t multimedia_rooms = 0;  // 网络多媒体教室 间
};

struct Catchment {  // 划片: the 初中 a 小学 feeds (itself, for a 九年一贯制学校)
  int64_t school_id = 0;         // the 小学 (or a school teaching 小学)
  int64_t middle_school_id = 0;  // the 初中 its 六年级 graduates go to
};

// A whole set of registers, as loaded in bulk (the demo county, a restore).
struct Registers {
  std::vector<Area> areas;
  std::vector<School> schools;
  std::vector<SchoolClass> classes;
  std::vector<Student> students;
  std::vector<Enrolment> enrolments;
  std::vector<Teacher> teachers;
  std::vector<TeacherYear> teacher_years;
  std::vector<Conditions> conditions;
};

}  // namespace edu
