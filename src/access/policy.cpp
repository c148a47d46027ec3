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

// What a record is, never changed by anyone once it is made.
const std::map<Entity, std::set<std::string>>& identity_fields() {
  static const std::map<Entity, std::set<std::string>> fields = {
      {Entity::kClass, {"school_id", "school_year", "section", "grade", "class_no"}}};
  return fields;
}

bool listed(const std::map<Entity, std::set<std::string>>& lists, Entity entity, const std::string& key) {
  auto it = lists.find(entity);
  return it != lists.end() && it->second.count(key) > 0;
}

Status refused(const std::string& key, const std::string& why) {
  return Status::Error("forbidden", why, key);
}

Status conferred_refusal(const std::string& key, const std::string& value) {
  return refused(key, "“" + field_label(key) + "”由教育局认定,新建记录时只能填“" + value + "”");
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
             entity == Entity::kTrainingCourse || entity == Entity::kTrainingRoster ||
             (entity == Entity::kExamIntegrity && (r == role::kAreaOfficer || r == role::kInspector)) ||
             (entity == Entity::kTransition && r != role::kTeacher) ||
             ((entity == Entity::kCheck || entity == Entity::kTitle) &&
              (r == role::kAreaOfficer || r == role::kSchoolAdmin));
    case Action::kCreate:
      return r == role::kSchoolAdmin && (entity == Entity::kStudent || entity == Entity::kTeacher ||
                                         entity == Entity::kExamScores || entity == Entity::kExamExemption ||
                                         entity == Entity::kClass || entity == Entity::kTrainingCourse);
    case Action::kUpdate:
      return r == role::kSchoolAdmin && (entity == Entity::kSchool || entity == Entity::kStudent ||
                                         entity == Entity::kTeacher || entity == Entity::kClass ||
                                         entity == Entity::kTrainingCourse || entity == Entity::kTrainingRoster);
    case Action::kRevealIdNumber:
      return r == role::kSchoolAdmin && (entity == Entity::kStudent || entity == Entity::kTeacher);
    case Action::kReadHistory:
      return (r == role::kSchoolAdmin || r == role::kAreaOfficer || r == role::kInspector) &&
             (entity == Entity::kSchool || entity == Entity::kStudent || entity == Entity::kTeacher);
  }
  return false;
}

Status field_right(const User& user, Entity entity, const std::string& key, bool creating) {
  if (creating) {
    if (!allowed(user, Action::kCreate, entity)) return refused(key, "您的角色无权新增此类记录");
    auto conferred = conferred_fields().find(entity);
    if (user.role == role::kBureauAdmin || conferred == conferred_fields().end()) return Status::Ok();
    auto rule = conferred->second.find(key);
    return rule == conferred->second.end() ? Status::Ok() : conferred_refusal(key, rule->second);
  }
  if (listed(identity_fields(), entity, key))
    return refused(key, "“" + field_label(key) + "”是记录本身的标识,建立后不能修改");
  if (!allowed(user, Action::kUpdate, entity)) return refused(key, "您的角色无权修改此类记录");
  if (user.role == role::kBureauAdmin ||
      (user.role == role::kSchoolAdmin && listed(school_admin_fields(), entity, key)))
    return Status::Ok();
  return refused(key, "您的角色无权修改“" + field_label(key) + "”:该字段由教育局维护");
}

Status check_field_rights(const User& user, Entity entity, const std::vector<FieldChange>& changes) {
  for (const FieldChange& c : changes)
    if (Status s = field_right(user, entity, c.key, false); !s.ok()) return s;
  return Status::Ok();
}

bool new_records_checked(const User& user, Entity entity) {
  return user.role != role::kBureauAdmin && conferred_fields().contains(entity);
}

Status check_new_record_rights(const User& user, Entity entity, const FieldValues& created) {
  if (!new_records_checked(user, entity)) return Status::Ok();
  auto conferred = conferred_fields().find(entity);
  for (const FieldValue& f : created) {
    auto rule = conferred->second.find(f.key);
    if (rule != conferred->second.end() && f.value != rule->second) return conferred_refusal(f.key, rule->second);
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
