#include "access/policy.h"

#include <map>
#include <set>

namespace edu {
namespace {

// What a school admin may change on a stored record of their school; every
// other field is the bureau's (see policy.h).
const std::map<Entity, std::set<std::string>>& school_admin_fields() {
  static const std::map<Entity, std::set<std::string>> fields = {
      {Entity::kSchool, {"address", "principal", "phone"}},
      {Entity::kStudent,
       {"id_number", "name", "gender", "birth_date", "ethnicity", "class_id", "status",
        "enrolled_on", "household", "left_behind", "disabled"}},
      {Entity::kTeacher,
       {"id_number", "name", "gender", "birth_date", "post", "education", "title", "subject",
        "section", "hired_on"}},
      {Entity::kClass, {"name", "head_teacher_id"}}};
  return fields;
}

// Fields the bureau confers (骨干 is named by the county or above): a new
// record made by anyone else carries the value given here.
const std::map<Entity, std::map<std::string, std::string>>& conferred_fields() {
  static const std::map<Entity, std::map<std::string, std::string>> fields = {
      {Entity::kTeacher, {{"backbone", "无"}}}};
  return fields;
}

bool may_change_field(const User& user, Entity entity, const std::string& key) {
  if (!allowed(user, Action::kUpdate, entity)) return false;
  if (user.role == role::kBureauAdmin) return true;
  auto it = school_admin_fields().find(entity);
  return user.role == role::kSchoolAdmin && it != school_admin_fields().end() &&
         it->second.count(key) > 0;
}

}  // namespace

const std::vector<RoleInfo>& all_roles() {
  static const std::vector<RoleInfo> roles = {{role::kBureauAdmin, "教育局管理员"},
                                              {role::kAreaOfficer, "乡镇(学区)专干"},
                                              {role::kSchoolAdmin, "学校管理员"},
                                              {role::kTeacher, "教师"},
                                              {role::kInspector, "督学"}};
  return roles;
}

std::string role_label(const std::string& r) {
  for (const auto& info : all_roles())
    if (info.value == r) return info.label;
  return r;
}

bool allowed(const User& user, Action action, Entity entity) {
  const std::string& r = user.role;
  if (!user.active) return false;
  if (r == role::kBureauAdmin) return true;
  switch (action) {
    case Action::kRead:
      return entity == Entity::kSchool || entity == Entity::kStudent || entity == Entity::kTeacher ||
             entity == Entity::kStatistics || entity == Entity::kExam || entity == Entity::kCatchment ||
             entity == Entity::kArea || entity == Entity::kClass ||
             (entity == Entity::kExamIntegrity && (r == role::kAreaOfficer || r == role::kInspector)) ||
             (entity == Entity::kTransition && r != role::kTeacher) ||
             (entity == Entity::kCheck && (r == role::kAreaOfficer || r == role::kSchoolAdmin));
    case Action::kCreate:
      return r == role::kSchoolAdmin && (entity == Entity::kStudent || entity == Entity::kTeacher ||
                                         entity == Entity::kExamScores || entity == Entity::kExamExemption ||
                                         entity == Entity::kClass);
    case Action::kUpdate:
      return r == role::kSchoolAdmin && (entity == Entity::kSchool || entity == Entity::kStudent ||
                                         entity == Entity::kTeacher || entity == Entity::kClass);
    case Action::kRevealIdNumber:
      return r == role::kSchoolAdmin && (entity == Entity::kStudent || entity == Entity::kTeacher);
    case Action::kReadHistory:
      return (r == role::kSchoolAdmin || r == role::kAreaOfficer || r == role::kInspector) &&
             (entity == Entity::kSchool || entity == Entity::kStudent || entity == Entity::kTeacher);
  }
  return false;
}

std::vector<std::string> changeable_fields(const User& user, Entity entity) {
  const FieldValues all = entity == Entity::kSchool    ? fields_of(School{})
                          : entity == Entity::kStudent ? fields_of(Student{})
                                                       : fields_of(Teacher{});
  std::vector<std::string> keys;
  for (const FieldValue& f : all)
    if (may_change_field(user, entity, f.key)) keys.push_back(f.key);
  return keys;
}

Status check_field_rights(const User& user, Entity entity, const std::vector<FieldChange>& changes) {
  for (const FieldChange& c : changes)
    if (!may_change_field(user, entity, c.key))
      return Status::Error("forbidden",
                           "您的角色无权修改“" + field_label(c.key) + "”:该字段由教育局维护", c.key);
  return Status::Ok();
}

Status check_new_record_rights(const User& user, Entity entity, const FieldValues& created) {
  if (user.role == role::kBureauAdmin) return Status::Ok();
  auto conferred = conferred_fields().find(entity);
  if (conferred == conferred_fields().end()) return Status::Ok();
  for (const FieldValue& f : created) {
    auto rule = conferred->second.find(f.key);
    if (rule != conferred->second.end() && f.value != rule->second)
      return Status::Error("forbidden",
                           "“" + f.label + "”由教育局认定,新建记录时只能填“" + rule->second + "”",
                           f.key);
  }
  return Status::Ok();
}

Status check_role_links(const User& u) {
  if (u.role == role::kBureauAdmin) return Status::Ok();
  if (u.role == role::kAreaOfficer || u.role == role::kInspector) {
    if (!u.area_id) return Status::Error("validation", "该角色须指定所辖乡镇(区域)", "area_id");
    return Status::Ok();
  }
  if (u.role == role::kSchoolAdmin) {
    if (!u.school_id) return Status::Error("validation", "学校管理员须指定学校", "school_id");
    return Status::Ok();
  }
  if (u.role == role::kTeacher) {
    if (!u.school_id || !u.teacher_id)
      return Status::Error("validation", "教师账号须关联学校和教职工记录", "teacher_id");
    return Status::Ok();
  }
  return Status::Error("validation", "未知角色“" + u.role + "”", "role");
}

Result<Scope> scope_of(const User& u) {
  Status links = check_role_links(u);
  if (!links.ok()) return Status::Error("forbidden", "账号配置不完整:" + links.message());
  if (u.role == role::kBureauAdmin) return Scope::All();
  if (u.role == role::kAreaOfficer || u.role == role::kInspector) return Scope::Area(*u.area_id);
  if (u.role == role::kSchoolAdmin) return Scope::School(*u.school_id);
  return Scope::HeadTeacher(*u.school_id, *u.teacher_id);
}

}  // namespace edu
