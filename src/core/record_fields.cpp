#include "core/record_fields.h"

#include <cstdio>
#include <map>

#include "core/id_number.h"

namespace edu {
namespace {

std::string optional_id(const std::optional<int64_t>& id) {
  return id ? std::to_string(*id) : "";
}
std::string yes_no(bool b) { return b ? "是" : "否"; }

const std::map<std::string, std::string>& labels() {
  static const std::map<std::string, std::string> m = {
      {"code", "学校标识码"},      {"name", "名称/姓名"},     {"kind", "学校类别"},
      {"ownership", "办学性质"},   {"location", "城乡类别"},   {"area_id", "所属乡镇"},
      {"parent_school_id", "所属中心校"}, {"middle_school_id", "划片初中"}, {"address", "地址"}, {"principal", "校长"},
      {"phone", "联系电话"},       {"founded_year", "建校年份"}, {"weak", "薄弱学校"}, {"id_number", "身份证号"},
      {"gender", "性别"},          {"birth_date", "出生日期"}, {"ethnicity", "民族"},
      {"school_id", "学校"},       {"class_id", "班级"},       {"status", "学籍状态"},
      {"enrolled_on", "入学日期"}, {"household", "户口性质"},   {"left_behind", "留守儿童"},
      {"disabled", "随班就读"},    {"post", "岗位类别"},       {"education", "最高学历"},
      {"title", "职称"},           {"subject", "任教学科"},     {"backbone", "骨干级别"},
      {"section", "任教学段"},    {"on_staff", "在编"},        {"hired_on", "参加工作日期"},
      {"school_year", "学年"},     {"building_area", "校舍建筑面积"},
      {"teaching_area", "教学及辅助用房面积"}, {"sports_area", "体育运动场馆面积"},
      {"equipment_value", "教学仪器设备值"}, {"books", "图书"}, {"computers", "计算机"},
      {"multimedia_rooms", "网络多媒体教室"}, {"username", "用户名"},
      {"display_name", "显示名称"}, {"password", "密码"}, {"reason", "原因"},
      {"area_code", "行政区划代码"}, {"parent_id", "上级区划"}, {"level", "区划级别"},
      {"grade", "年级"}, {"class_no", "班号"}, {"head_teacher_id", "班主任"},
      // the counts a 学年升级 audits (workflow/rollover.h)
      {"classes_opened", "开设班级"}, {"students_moved", "升级学生"}, {"graduates", "毕业"},
      {"kept", "休学留原年级"}, {"problems", "问题"},
      // accounts and exports
      {"role", "角色"}, {"teacher_id", "对应教职工"}, {"active", "账号状态"},
      {"rows", "导出行数"}, {"id_numbers", "身份证号"},
      // exams
      {"exam_id", "考试"}, {"student_id", "学生"}, {"exempt_subject", "免考科目"},
      {"decision", "审批结果"}, {"rewards", "奖励规则"}, {"file", "文件"}, {"counted", "计入成绩"},
      // cases (workflow/case_engine.h)
      {"workflow", "流程"}, {"action", "操作"}, {"state", "状态"}, {"comment", "办理意见"},
      {"target_school_id", "转入学校"}, {"date", "日期"}};
  return m;
}

FieldValue field(const std::string& key, std::string value) {
  return {key, field_label(key), std::move(value), ""};
}

FieldValue id_number_field(const std::string& id_number) {
  return {"id_number", field_label("id_number"), mask_id_number(id_number), id_number};
}

const std::string& compared(const FieldValue& f) { return f.compared.empty() ? f.value : f.compared; }

}  // namespace

std::string field_label(const std::string& key) {
  auto it = labels().find(key);
  return it == labels().end() ? key : it->second;
}

FieldValues fields_of(const School& s) {
  return {field("code", s.code),          field("name", s.name),
          field("kind", s.kind),          field("ownership", s.ownership),
          field("location", s.location),  field("area_id", std::to_string(s.area_id)),
          field("parent_school_id", optional_id(s.parent_school_id)),
          field("address", s.address),    field("principal", s.principal),
          field("phone", s.phone),        field("founded_year", std::to_string(s.founded_year)),
          field("weak", yes_no(s.weak))};
}

FieldValues fields_of(const Student& s) {
  return {id_number_field(s.id_number),
          field("name", s.name),
          field("gender", s.gender),
          field("birth_date", s.birth_date.iso()),
          field("ethnicity", s.ethnicity),
          field("school_id", std::to_string(s.school_id)),
          field("class_id", optional_id(s.class_id)),
          field("status", s.status),
          field("enrolled_on", s.enrolled_on.iso()),
          field("household", s.household),
          field("left_behind", yes_no(s.left_behind)),
          field("disabled", yes_no(s.disabled))};
}

FieldValues fields_of(const Teacher& t) {
  return {id_number_field(t.id_number),
          field("name", t.name),
          field("gender", t.gender),
          field("birth_date", t.birth_date.iso()),
          field("school_id", std::to_string(t.school_id)),
          field("post", t.post),
          field("education", t.education),
          field("title", t.title),
          field("subject", t.subject),
          field("backbone", t.backbone),
          field("section", t.section),
          field("on_staff", yes_no(t.on_staff)),
          field("hired_on", t.hired_on.iso())};
}

static std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

FieldValues fields_of(const Conditions& c) {
  return {field("school_id", std::to_string(c.school_id)),
          field("school_year", std::to_string(c.school_year)),
          field("building_area", number(c.building_area)),
          field("teaching_area", number(c.teaching_area)),
          field("sports_area", number(c.sports_area)),
          field("equipment_value", number(c.equipment_value)),
          field("books", std::to_string(c.books)),
          field("computers", std::to_string(c.computers)),
          field("multimedia_rooms", std::to_string(c.multimedia_rooms))};
}

FieldValues fields_of(const Area& a) {
  return {field("area_code", a.code), field("name", a.name), field("level", a.level),
          field("parent_id", optional_id(a.parent_id))};
}

FieldValues fields_of(const SchoolClass& c) {
  return {field("school_id", std::to_string(c.school_id)),
          field("school_year", std::to_string(c.school_year)),
          field("section", c.section),
          field("grade", std::to_string(c.grade)),
          field("class_no", std::to_string(c.class_no)),
          field("name", c.name),
          field("head_teacher_id", optional_id(c.head_teacher_id))};
}

FieldValues fields_of(const Catchment& c) {
  return {field("school_id", std::to_string(c.school_id)),
          field("middle_school_id", std::to_string(c.middle_school_id))};
}

std::vector<FieldChange> diff_fields(const FieldValues& before, const FieldValues& after) {
  std::vector<FieldChange> changes;
  for (size_t i = 0; i < after.size(); ++i) {
    std::string old_value = i < before.size() ? before[i].value : "";
    if (before.empty() || compared(before[i]) != compared(after[i]))
      changes.push_back({after[i].key, old_value, after[i].value});
  }
  return changes;
}

}  // namespace edu
