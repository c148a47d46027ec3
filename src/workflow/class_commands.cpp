#include "workflow/class_commands.h"

#include <algorithm>

#include "core/enums.h"
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

}  // namespace edu
