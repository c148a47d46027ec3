#include "core/validate.h"

#include <cstdlib>

#include "core/enums.h"
#include "core/id_number.h"

namespace edu {
namespace {

Status required(const std::string& value, const char* field, const char* label) {
  if (value.empty()) return Status::Error("validation", std::string(label) + "不能为空", field);
  return Status::Ok();
}

Status in_enum(const std::string& value, const Enumeration& e, const char* field) {
  if (!e.contains(value)) {
    std::string allowed;
    for (const auto& v : e.values) allowed += (allowed.empty() ? "" : "、") + v;
    return Status::Error("validation",
                         e.label + "“" + value + "”不在可选范围内(可选:" + allowed + ")", field);
  }
  return Status::Ok();
}

Status valid_date(const Date& d, const char* field, const char* label, const Date& today) {
  if (!is_valid_date(d.year, d.month, d.day))
    return Status::Error("validation", std::string(label) + "不是有效日期", field);
  if (d > today)
    return Status::Error("validation", std::string(label) + d.iso() + "晚于今天", field);
  return Status::Ok();
}

// Checks the ID number and that gender and birth date agree with it.
Status person_id(const std::string& id_number, const std::string& gender, const Date& birth,
                 const Date& today) {
  auto info = check_id_number(id_number, today);
  if (!info.ok()) return info.status();
  if (info->birth_date != birth)
    return Status::Error("validation",
                         "出生日期" + birth.iso() + "与身份证号中的出生日期" +
                             info->birth_date.iso() + "不一致",
                         "birth_date");
  if (info->gender != gender)
    return Status::Error("validation",
                         "性别“" + gender + "”与身份证号(第17位表示" + info->gender + ")不一致",
                         "gender");
  return Status::Ok();
}

#define EDU_CHECK(expr)     \
  do {                      \
    Status s_ = (expr);     \
    if (!s_.ok()) return s_; \
  } while (0)

}  // namespace

Status validate_school(const School& s) {
  EDU_CHECK(required(s.name, "name", "学校名称"));
  if (s.code.size() != 10 || s.code.find_first_not_of("0123456789") != std::string::npos)
    return Status::Error("validation", "学校标识码应为10位数字", "code");
  EDU_CHECK(in_enum(s.kind, school_kinds(), "kind"));
  EDU_CHECK(in_enum(s.ownership, ownerships(), "ownership"));
  EDU_CHECK(in_enum(s.location, locations(), "location"));
  if (s.area_id <= 0) return Status::Error("validation", "请选择所属乡镇", "area_id");
  if (s.founded_year != 0 && (s.founded_year < 1800 || s.founded_year > 2100))
    return Status::Error("validation", "建校年份应在1800至2100之间", "founded_year");
  return Status::Ok();
}

Status validate_student(const Student& s, const Date& today, int school_year) {
  EDU_CHECK(required(s.name, "name", "姓名"));
  EDU_CHECK(in_enum(s.gender, genders(), "gender"));
  EDU_CHECK(valid_date(s.birth_date, "birth_date", "出生日期", today));
  EDU_CHECK(person_id(s.id_number, s.gender, s.birth_date, today));
  EDU_CHECK(in_enum(s.ethnicity, ethnicities(), "ethnicity"));
  EDU_CHECK(in_enum(s.status, student_statuses(), "status"));
  EDU_CHECK(in_enum(s.household, households(), "household"));
  const Date term_start{school_year, 9, 1};
  if (s.enrolled_on != term_start || term_start <= today) {
    EDU_CHECK(valid_date(s.enrolled_on, "enrolled_on", "入学日期", today));
  }
  if (s.enrolled_on <= s.birth_date)
    return Status::Error("validation", "入学日期不能早于出生日期", "enrolled_on");
  if (s.school_id <= 0) return Status::Error("validation", "请选择学校", "school_id");
  return Status::Ok();
}

Status validate_teacher(const Teacher& t, const Date& today) {
  EDU_CHECK(required(t.name, "name", "姓名"));
  EDU_CHECK(in_enum(t.gender, genders(), "gender"));
  EDU_CHECK(valid_date(t.birth_date, "birth_date", "出生日期", today));
  EDU_CHECK(person_id(t.id_number, t.gender, t.birth_date, today));
  EDU_CHECK(in_enum(t.post, posts(), "post"));
  EDU_CHECK(in_enum(t.education, educations(), "education"));
  EDU_CHECK(in_enum(t.title, titles(), "title"));
  EDU_CHECK(in_enum(t.subject, subjects(), "subject"));
  EDU_CHECK(in_enum(t.backbone, backbones(), "backbone"));
  if (!t.section.empty()) EDU_CHECK(in_enum(t.section, sections(), "section"));
  EDU_CHECK(valid_date(t.hired_on, "hired_on", "参加工作日期", today));
  if (age_on(t.birth_date, t.hired_on) < 16)
    return Status::Error("validation", "参加工作时年龄不足16周岁", "hired_on");
  if (t.school_id <= 0) return Status::Error("validation", "请选择学校", "school_id");
  return Status::Ok();
}

Status check_age_for_grade(const Date& birth, int grade, const std::string& section,
                           int school_year) {
  if (!grade_in_section(section, grade))
    return Status::Error("validation", "年级与学段“" + section + "”不符", "class_id");
  if (section == "特教") return Status::Ok();  // special education spans all ages
  int age = age_on(birth, Date{school_year, 9, 1});
  int usual = usual_entry_age(grade);
  if (std::abs(age - usual) > 2)
    return Status::Error("validation",
                         "出生日期与年级不符:" + grade_label(section, grade) + "学生通常" +
                             std::to_string(usual) + "周岁,该生" + std::to_string(school_year) +
                             "年9月1日为" + std::to_string(age) + "周岁",
                         "birth_date");
  return Status::Ok();
}

}  // namespace edu
