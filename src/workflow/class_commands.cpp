#include "workflow/class_commands.h"

#include <algorithm>

#include "core/enums.h"
#include "core/text_field.h"
#include "store/teacher_store.h"
#include "workflow/change_log.h"

namespace edu {

Result<std::vector<SchoolClass>> open_classes(Database& db, const Actor& actor, const NewClasses& r,
                                              const RegisterContext& ctx) {
  if (!allowed(actor.user, Action::kCreate, Entity::kClass))
    return Status::Error("forbidden", "您的角色无权开设班级");
  if (r.count < 1 || r.count > kMaxClassesOpened)
    return Status::Error("validation", "班级数应为1至" + std::to_string(kMaxClassesOpened), "count");
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto school = get_school(db, actor.scope, r.school_id, ctx.school_year);
  if (!school.ok()) return school.status();
  if (!*school) return Status::Error("not_found", "学校不存在或不在您的管辖范围内", "school_id");
  const School& s = (*school)->school;
  auto taught = sections_of_kind(s.kind);
  if (std::find(taught.begin(), taught.end(), r.section) == taught.end())
    return Status::Error("validation", "“" + s.name + "”(" + s.kind + ")没有“" + r.section + "”学段",
                         "section");
  if (r.grade < -2 || r.grade > 12 || !grade_in_section(r.section, static_cast<int>(r.grade)))
    return Status::Error("validation", "年级不是" + r.section + "的年级(可选:" +
                                           grade_labels(r.section) + ")", "grade");
  auto existing = list_classes(db, s.id, ctx.school_year);
  if (!existing.ok()) return existing.status();
  const int grade = static_cast<int>(r.grade);
  int last = 0;
  for (const ClassView& v : *existing)
    if (v.klass.section == r.section && v.klass.grade == grade) last = std::max(last, v.klass.class_no);
  std::vector<SchoolClass> opened;
  for (int no = last + 1; no <= last + r.count; ++no) {
    SchoolClass c{0, s.id, ctx.school_year, r.section, grade, no, class_label(r.section, grade, no),
                  std::nullopt};
    for (const ClassView& v : *existing)
      if (v.klass.name == c.name)
        return Status::Error("validation", "本校已有名为“" + c.name + "”的班级,请先改名", "grade");
    auto id = insert_class(db, c);
    if (!id.ok()) return id.status();
    c.id = *id;
    auto fields = with_names(db, fields_of(c));
    if (!fields.ok()) return fields.status();
    Status a = audit(db, &actor, "create", Entity::kClass, c.id, diff_fields({}, *fields));
    if (!a.ok()) return a;
    opened.push_back(c);
  }
  Status committed = tx.commit();
  if (!committed.ok()) return committed;
  return opened;
}

Result<SchoolClass> update_class_command(Database& db, const Actor& actor, int64_t class_id,
                                         const ClassChange& change) {
  if (!allowed(actor.user, Action::kUpdate, Entity::kClass))
    return Status::Error("forbidden", "您的角色无权修改班级");
  auto name = clean_text(change.name, "name", "班级名称");
  if (!name.ok()) return name.status();
  if (name->empty()) return Status::Error("validation", "请填写班级名称", "name");
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto found = get_class(db, class_id);
  if (!found.ok()) return found.status();
  const auto not_found = Status::Error("not_found", "班级不存在或不在您的管辖范围内");
  if (!*found) return not_found;
  const SchoolClass before = **found;
  auto school = get_school(db, actor.scope, before.school_id, before.school_year);
  if (!school.ok()) return school.status();
  if (!*school) return not_found;
  SchoolClass after = before;
  after.name = *name;
  after.head_teacher_id = change.head_teacher_id;
  auto siblings = list_classes(db, before.school_id, before.school_year);
  if (!siblings.ok()) return siblings.status();
  for (const ClassView& v : *siblings)
    if (v.klass.id != before.id && v.klass.name == after.name)
      return Status::Error("validation", "本校本学年已有名为“" + after.name + "”的班级", "name");
  if (after.head_teacher_id) {
    auto teacher = get_teacher(db, Scope::All(), *after.head_teacher_id);
    if (!teacher.ok()) return teacher.status();
    if (!*teacher || (*teacher)->teacher.school_id != before.school_id)
      return Status::Error("validation", "班主任须是“" + (*school)->school.name + "”的教职工",
                           "head_teacher_id");
  }
  const auto changes = diff_fields(fields_of(before), fields_of(after));
  if (changes.empty()) return after;
  if (Status s = check_field_rights(actor.user, Entity::kClass, changes); !s.ok()) return s;
  Status s = update_class(db, after);
  if (s.ok()) s = audit_update(db, actor, Entity::kClass, after.id, fields_of(before), fields_of(after));
  if (s.ok()) s = tx.commit();
  if (!s.ok()) return s;
  return after;
}

}  // namespace edu
