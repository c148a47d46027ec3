#include "workflow/register_commands.h"

#include <type_traits>

#include "core/record_fields.h"
#include "core/validate.h"
#include "store/area_store.h"
#include "store/audit_store.h"
#include "workflow/change_log.h"

namespace edu {
namespace {

Status forbidden() { return Status::Error("forbidden", "您的角色无权执行此操作"); }
Status not_found(const std::string& what) {
  return Status::Error("not_found", what + "不存在或不在您的管辖范围内");
}

// The school must exist and lie in the actor's scope.
Status check_school_in_scope(Database& db, const Actor& actor, int64_t school_id,
                             const RegisterContext& ctx) {
  auto school = get_school(db, actor.scope, school_id, ctx.school_year);
  if (!school.ok()) return school.status();
  if (!*school) return Status::Error("validation", "学校不存在或不在您的管辖范围内", "school_id");
  return Status::Ok();
}

// A person's ID number must be unused by any other record. The 409 names the
// holder only when the actor may see it: of a record out of their scope it
// says no more than that one exists.
template <class Traits>
Status check_unique_id_number(Database& db, const Actor& actor,
                              const typename Traits::Record& r, const RegisterContext& ctx) {
  auto other = Traits::find_by_id_number(db, r.id_number);
  if (!other.ok()) return other.status();
  const int64_t other_id = *other ? Traits::record(**other).id : 0;
  if (!*other || other_id == r.id) return Status::Ok();
  auto visible = Traits::get(db, actor.scope, other_id, ctx);
  if (!visible.ok()) return visible.status();
  if (*visible) return Status::Error("duplicate", "身份证号已被" + Traits::holder(**visible) + "使用", "id_number");
  return Status::Error("duplicate",
                       std::string("身份证号已登记在您管辖范围以外的学校,不能重复登记;") +
                           Traits::kElsewhere,
                       "id_number");
}

// What differs between the registers; save_record() is the one flow.
struct SchoolTraits {
  using Record = School;
  using View = SchoolView;
  static constexpr Entity kEntity = Entity::kSchool;
  static const Record& record(const View& v) { return v.school; }
  static Result<std::optional<View>> get(Database& db, const Scope& scope, int64_t id,
                                         const RegisterContext& ctx) {
    return get_school(db, scope, id, ctx.school_year);
  }
  static Status check(Database& db, const Actor& actor, const Record& s,
                      const RegisterContext& ctx) {
    Status v = validate_school(s);
    if (!v.ok()) return v;
    auto area = get_area(db, s.area_id);
    if (!area.ok()) return area.status();
    if (!*area) return Status::Error("validation", "所属乡镇不存在", "area_id");
    auto same_code = find_school_by_code(db, s.code);
    if (!same_code.ok()) return same_code.status();
    if (*same_code && (*same_code)->id != s.id)
      return Status::Error("duplicate", "学校标识码" + s.code + "已被“" + (*same_code)->name + "”使用",
                           "code");
    return Status::Ok();
  }
  static Result<int64_t> insert(Database& db, const Record& s) { return insert_school(db, s); }
  static Status update(Database& db, const Record& s) { return update_school(db, s); }
};

struct StudentTraits {
  using Record = Student;
  using View = StudentView;
  static constexpr Entity kEntity = Entity::kStudent;
  static const Record& record(const View& v) { return v.student; }
  static Result<std::optional<View>> get(Database& db, const Scope& scope, int64_t id,
                                         const RegisterContext&) {
    return get_student(db, scope, id);
  }
  static Result<std::optional<View>> find_by_id_number(Database& db, const std::string& id_number) {
    return find_student_by_id_number(db, id_number);
  }
  static std::string holder(const View& v) {
    return v.school_name + "的学生“" + v.student.name + "”(学籍状态:" + v.student.status + ")";
  }
  static constexpr const char* kElsewhere = "如该生转入本校,请由原校办理转出后再登记";
  static Status check(Database& db, const Actor& actor, const Record& s,
                      const RegisterContext& ctx) {
    Status v = validate_student(s, ctx.today, ctx.school_year);
    if (!v.ok()) return v;
    v = check_school_in_scope(db, actor, s.school_id, ctx);
    if (!v.ok()) return v;
    v = check_unique_id_number<StudentTraits>(db, actor, s, ctx);
    if (!v.ok()) return v;
    if (!s.class_id) return Status::Ok();
    auto klass = get_class(db, *s.class_id);
    if (!klass.ok()) return klass.status();
    if (!*klass || (*klass)->school_id != s.school_id || (*klass)->school_year != ctx.school_year)
      return Status::Error("validation", "班级不属于所选学校的本学年班级", "class_id");
    return check_age_for_grade(s.birth_date, (*klass)->grade, (*klass)->section, ctx.school_year);
  }
  static Result<int64_t> insert(Database& db, const Record& s) { return insert_student(db, s); }
  static Status update(Database& db, const Record& s) { return update_student(db, s); }
};

struct TeacherTraits {
  using Record = Teacher;
  using View = TeacherView;
  static constexpr Entity kEntity = Entity::kTeacher;
  static const Record& record(const View& v) { return v.teacher; }
  static Result<std::optional<View>> get(Database& db, const Scope& scope, int64_t id,
                                         const RegisterContext&) {
    return get_teacher(db, scope, id);
  }
  static Result<std::optional<View>> find_by_id_number(Database& db, const std::string& id_number) {
    return find_teacher_by_id_number(db, id_number);
  }
  static std::string holder(const View& v) {
    return v.school_name + "的教职工“" + v.teacher.name + "”";
  }
  static constexpr const char* kElsewhere = "如该教职工调入本校,请由教育局办理调动";
  static Status check(Database& db, const Actor& actor, const Record& t,
                      const RegisterContext& ctx) {
    Status v = validate_teacher(t, ctx.today);
    if (!v.ok()) return v;
    v = check_school_in_scope(db, actor, t.school_id, ctx);
    if (!v.ok()) return v;
    return check_unique_id_number<TeacherTraits>(db, actor, t, ctx);
  }
  static Result<int64_t> insert(Database& db, const Record& t) { return insert_teacher(db, t); }
  static Status update(Database& db, const Record& t) { return update_teacher(db, t); }
};

template <class Traits>
Result<typename Traits::View> save_record(Database& db, const Actor& actor,
                                          typename Traits::Record record,
                                          const RegisterContext& ctx) {
  using View = typename Traits::View;
  const bool creating = record.id == 0;
  if (!allowed(actor.user, creating ? Action::kCreate : Action::kUpdate, Traits::kEntity))
    return forbidden();
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  FieldValues before;
  Status s;
  if (!creating) {
    auto existing = Traits::get(db, actor.scope, record.id, ctx);
    if (!existing.ok()) return existing.status();
    if (!*existing) return not_found("记录");
    const auto& old = Traits::record(**existing);
    if constexpr (!std::is_same_v<typename Traits::Record, School>) {
      if (record.id_number.empty()) record.id_number = old.id_number;
    }
    if constexpr (std::is_same_v<typename Traits::Record, Teacher>) {
      if (record.section.empty()) record.section = old.section;  // a form without 任教学段
    }
    s = check_field_rights(actor.user, Traits::kEntity, diff_fields(fields_of(old), fields_of(record)));
    if (!s.ok()) return s;
    auto named = with_names(db, fields_of(old));
    if (!named.ok()) return named.status();
    before = std::move(*named);
  } else {
    s = check_new_record_rights(actor.user, Traits::kEntity, fields_of(record));
    if (!s.ok()) return s;
  }
  s = Traits::check(db, actor, record, ctx);
  if (!s.ok()) return s;
  if (creating) {
    auto id = Traits::insert(db, record);
    if (!id.ok()) return id.status();
    record.id = *id;
  } else {
    s = Traits::update(db, record);
    if (!s.ok()) return s;
  }
  auto after = with_names(db, fields_of(record));
  if (!after.ok()) return after.status();
  s = audit(db, &actor, creating ? "create" : "update", Traits::kEntity, record.id,
            diff_fields(before, *after));
  if (!s.ok()) return s;
  auto saved = Traits::get(db, actor.scope, record.id, ctx);
  if (!saved.ok()) return saved.status();
  if (!*saved) return not_found("记录");  // moved out of the actor's scope
  View view = **saved;
  s = tx.commit();
  if (!s.ok()) return s;
  return view;
}

}  // namespace

Result<SchoolView> save_school(Database& db, const Actor& actor, School school,
                               const RegisterContext& ctx) {
  return save_record<SchoolTraits>(db, actor, std::move(school), ctx);
}

Result<StudentView> save_student(Database& db, const Actor& actor, Student student,
                                 const RegisterContext& ctx) {
  return save_record<StudentTraits>(db, actor, std::move(student), ctx);
}

Status check_new_student(Database& db, const Actor& actor, const Student& student,
                         const RegisterContext& ctx) {
  return StudentTraits::check(db, actor, student, ctx);
}

Result<TeacherView> save_teacher(Database& db, const Actor& actor, Teacher teacher,
                                 const RegisterContext& ctx) {
  return save_record<TeacherTraits>(db, actor, std::move(teacher), ctx);
}

Result<std::string> reveal_id_number(Database& db, const Actor& actor, Entity entity, int64_t id) {
  if (!allowed(actor.user, Action::kRevealIdNumber, entity)) return forbidden();
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  std::string id_number;
  if (entity == Entity::kStudent) {
    auto found = get_student(db, actor.scope, id);
    if (!found.ok()) return found.status();
    if (!*found) return not_found("学生");
    id_number = (*found)->student.id_number;
  } else {
    auto found = get_teacher(db, actor.scope, id);
    if (!found.ok()) return found.status();
    if (!*found) return not_found("教职工");
    id_number = (*found)->teacher.id_number;
  }
  Status s = audit(db, &actor, "view_id_number", entity, id, {});
  if (!s.ok()) return s;
  s = tx.commit();
  if (!s.ok()) return s;
  return id_number;
}

}  // namespace edu
