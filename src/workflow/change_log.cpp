#include "workflow/change_log.h"

#include "store/area_store.h"
#include "store/audit_store.h"
#include "store/school_store.h"
#include "store/teacher_store.h"

namespace edu {

const char* entity_name(Entity e) {
  switch (e) {
    case Entity::kSchool: return "school";
    case Entity::kStudent: return "student";
    case Entity::kTeacher: return "teacher";
    case Entity::kConditions: return "conditions";
    case Entity::kUser: return "user";
    case Entity::kAudit: return "audit";
    case Entity::kStatistics: return "statistics";
    case Entity::kBalancePlan: return "balance_plan";
    case Entity::kExam: return "exam";
    case Entity::kExamScores: return "exam_scores";
    case Entity::kExamExemption: return "exam_exemption";
    case Entity::kExamIntegrity: return "exam_integrity";
    case Entity::kArea: return "area";
    case Entity::kClass: return "class";
    case Entity::kSchoolYear: return "school_year";
    case Entity::kCatchment: return "catchment";
    case Entity::kTransition: return "transition";
    case Entity::kCase: return "case";
    case Entity::kCheck: return "check";
    case Entity::kSetting: return "setting";
    case Entity::kCaseAttachment: return "case_attachment";
    case Entity::kTrainingCourse: return "training_course";
    case Entity::kTrainingRoster: return "training_roster";
    case Entity::kTitle: return "title";
  }
  return "";
}

const std::vector<AuditTerm>& audit_actions() {
  static const std::vector<AuditTerm> terms = {
      {"create", "新增"}, {"update", "修改"},       {"import", "导入"},
      {"export", "导出"}, {"view_id_number", "查看身份证号"}, {"rollover", "学年升级"},
      {"login", "登录"},  {"logout", "退出登录"},     {"workflow", "办理"}};
  return terms;
}

const std::vector<AuditTerm>& audit_entities() {
  static const std::vector<AuditTerm> terms = {
      {"school", "学校"},        {"student", "学生"},       {"teacher", "教职工"},
      {"conditions", "办学条件"}, {"class", "班级"},          {"area", "行政区划"},
      {"catchment", "小升初划片"}, {"school_year", "学年"},    {"user", "用户账号"},
      {"exam", "考试"},          {"exam_scores", "考试成绩"}, {"exam_exemption", "免考"},
      {"exam_integrity", "诚信报告"}, {"session", "登录"}, {"case", "学籍异动"},
      {"check", "数据核查"}, {"setting", "系统设置"},
      {"case_attachment", "证明材料"}, {"training_course", "培训项目"}, {"training_roster", "培训名单"},
      {"title", "职称评聘"}};
  return terms;
}

std::string audit_label(const std::vector<AuditTerm>& terms, const std::string& value) {
  for (const AuditTerm& t : terms)
    if (value == t.value) return t.label;
  return value;
}

AuditEntry audit_entry(const Actor* actor, const std::string& action, Entity entity, int64_t id,
                       std::vector<FieldChange> changes) {
  AuditEntry e;
  if (actor && actor->user.id) e.user_id = actor->user.id;  // 0: the system (case_engine.h sweep)
  e.username = actor ? actor->user.username : "(命令行)";
  e.action = action;
  e.entity = entity_name(entity);
  e.entity_id = id;
  e.ip = actor ? actor->ip : "";
  e.changes = std::move(changes);
  return e;
}

Status audit(Database& db, const Actor* actor, const std::string& action, Entity entity,
             int64_t id, std::vector<FieldChange> changes) {
  return record_audit(db, audit_entry(actor, action, entity, id, std::move(changes)));
}

// Reference fields as the audit log shows them: names ("桃洪镇中心小学"), not ids.
Result<FieldValues> with_names(Database& db, FieldValues fields) {
  for (FieldValue& f : fields) {
    const bool reference = f.key == "area_id" || f.key == "parent_id" || f.key == "school_id" ||
                           f.key == "parent_school_id" || f.key == "middle_school_id" ||
                           f.key == "class_id" ||
                           f.key == "head_teacher_id";
    if (!reference || f.value.empty()) continue;
    int64_t id = std::stoll(f.value);
    if (f.key == "area_id" || f.key == "parent_id") {
      auto area = get_area(db, id);
      if (!area.ok()) return area.status();
      if (*area) f.value = (*area)->name;
    } else if (f.key == "school_id" || f.key == "parent_school_id" || f.key == "middle_school_id") {
      auto school = find_school_by_id(db, id);
      if (!school.ok()) return school.status();
      if (*school) f.value = (*school)->name;
    } else if (f.key == "class_id") {
      auto klass = get_class(db, id);
      if (!klass.ok()) return klass.status();
      if (*klass) f.value = (*klass)->name;
    } else if (f.key == "head_teacher_id") {
      auto teacher = get_teacher(db, Scope::All(), id);
      if (!teacher.ok()) return teacher.status();
      if (*teacher) f.value = (*teacher)->teacher.name;
    }
  }
  return fields;
}

Status audit_update(Database& db, const Actor& actor, Entity entity, int64_t id, const FieldValues& before,
                    const FieldValues& after) {
  auto old_names = with_names(db, before);
  if (!old_names.ok()) return old_names.status();
  auto new_names = with_names(db, after);
  if (!new_names.ok()) return new_names.status();
  return audit(db, &actor, "update", entity, id, diff_fields(*old_names, *new_names));
}

}  // namespace edu
