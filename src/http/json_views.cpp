#include "http/json_views.h"

#include "access/policy.h"
#include "core/enums.h"
#include "core/id_number.h"
#include "ingest/cell_ref.h"
#include "ingest/register_spec.h"
#include "workflow/change_log.h"

namespace edu {

using nlohmann::json;

static json optional_id(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

json to_json(const SchoolView& v) {
  const School& s = v.school;
  return {{"id", s.id},
          {"code", s.code},
          {"name", s.name},
          {"kind", s.kind},
          {"ownership", s.ownership},
          {"location", s.location},
          {"area_id", s.area_id},
          {"area_name", v.area_name},
          {"parent_school_id", optional_id(s.parent_school_id)},
          {"address", s.address},
          {"principal", s.principal},
          {"phone", s.phone},
          {"founded_year", s.founded_year},
          {"weak", s.weak},
          {"student_count", v.student_count},
          {"teacher_count", v.teacher_count},
          {"class_count", v.class_count}};
}

json to_json(const StudentView& v) {
  const Student& s = v.student;
  return {{"id", s.id},
          {"name", s.name},
          {"gender", s.gender},
          {"id_number", mask_id_number(s.id_number)},
          {"birth_date", s.birth_date.iso()},
          {"ethnicity", s.ethnicity},
          {"school_id", s.school_id},
          {"school_name", v.school_name},
          {"class_id", optional_id(s.class_id)},
          {"class_name", v.class_name},
          {"section", v.section},
          {"grade", v.grade ? json(*v.grade) : json(nullptr)},
          {"grade_label", v.grade ? json(grade_label(v.section, *v.grade)) : json("")},
          {"status", s.status},
          {"enrolled_on", s.enrolled_on.iso()},
          {"household", s.household},
          {"left_behind", s.left_behind},
          {"disabled", s.disabled}};
}

json to_json(const TeacherView& v) {
  const Teacher& t = v.teacher;
  return {{"id", t.id},
          {"name", t.name},
          {"gender", t.gender},
          {"id_number", mask_id_number(t.id_number)},
          {"birth_date", t.birth_date.iso()},
          {"school_id", t.school_id},
          {"school_name", v.school_name},
          {"post", t.post},
          {"education", t.education},
          {"title", t.title},
          {"subject", t.subject},
          {"backbone", t.backbone},
          {"section", t.section},
          {"on_staff", t.on_staff},
          {"hired_on", t.hired_on.iso()}};
}

json to_json(const ClassView& v) {
  const SchoolClass& c = v.klass;
  return {{"id", c.id},
          {"school_id", c.school_id},
          {"school_year", c.school_year},
          {"section", c.section},
          {"grade", c.grade},
          {"grade_label", grade_label(c.section, c.grade)},
          {"class_no", c.class_no},
          {"name", c.name},
          {"student_count", v.student_count},
          {"head_teacher_id", optional_id(c.head_teacher_id)},
          {"head_teacher_name", v.head_teacher_name}};
}

json to_json(const ClassSizeView& v) {
  const SchoolClass& c = v.klass;
  return {{"id", c.id},
          {"school_id", c.school_id},
          {"school_name", v.school_name},
          {"school_year", c.school_year},
          {"section", c.section},
          {"grade", c.grade},
          {"grade_label", grade_label(c.section, c.grade)},
          {"name", c.name},
          {"students", v.students}};
}

json to_json(const Conditions& c) {
  return {{"school_year", c.school_year},     {"building_area", c.building_area},
          {"teaching_area", c.teaching_area}, {"sports_area", c.sports_area},
          {"equipment_value", c.equipment_value}, {"books", c.books},
          {"computers", c.computers},         {"multimedia_rooms", c.multimedia_rooms}};
}

json to_json(const AuditEntry& e) {
  json changes = json::array();
  for (const auto& c : e.changes)
    changes.push_back({{"field", c.key},
                       {"label", field_label(c.key)},
                       {"old", c.old_value},
                       {"new", c.new_value}});
  return {{"id", e.id},
          {"at", e.at},
          {"username", e.username},
          {"user_display_name", e.user_display_name},
          {"action", e.action},
          {"action_label", audit_label(audit_actions(), e.action)},
          {"entity", e.entity},
          {"entity_label", audit_label(audit_entities(), e.entity)},
          {"entity_id", optional_id(e.entity_id)},
          {"record_name", e.record_name},
          {"ip", e.ip},
          {"changes", changes}};
}

json to_json(const Counts& counts) {
  json list = json::array();
  for (const auto& [name, value] : counts) list.push_back({{"name", name}, {"value", value}});
  return list;
}

json to_json(const ImportProblemRecord& p) {
  return {{"row", p.row},
          {"column", p.column >= 0 ? ingest::column_letters(p.column) : ""},
          {"header", p.header},
          {"value", p.value},
          {"message", p.message}};
}

json to_json(const ImportRecord& r) {
  const RegisterSpec* spec = find_register_spec(r.kind);
  return {{"id", r.id},
          {"kind", r.kind},
          {"kind_label", spec ? spec->title : r.kind},
          {"file_name", r.file_name},
          {"checksum", r.checksum},
          {"status", r.status},
          {"rows", r.rows},
          {"valid_rows", r.valid_rows},
          {"to_create", r.to_create},
          {"to_update", r.to_update},
          {"unchanged", r.unchanged},
          {"created", r.created},
          {"updated", r.updated},
          {"problem_count", r.problem_count},
          {"unknown_columns", r.unknown_columns},
          {"missing_columns", r.missing_columns},
          {"created_by", r.created_by_name},
          {"created_at", r.created_at},
          {"committed_at", r.committed_at}};
}

json user_json(const User& u, const std::string& scope_name) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", u.role},
          {"role_label", role_label(u.role)},
          {"area_id", optional_id(u.area_id)},
          {"school_id", optional_id(u.school_id)},
          {"teacher_id", optional_id(u.teacher_id)},
          {"scope_name", scope_name},
          {"active", u.active},
          {"can_see_id_numbers", allowed(u, Action::kRevealIdNumber, Entity::kStudent)},
          {"can_edit", allowed(u, Action::kUpdate, Entity::kStudent)},
          {"can_read_history", allowed(u, Action::kReadHistory, Entity::kStudent)}};
}

}  // namespace edu
