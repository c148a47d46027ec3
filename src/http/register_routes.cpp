#include <algorithm>
#include <map>

#include "http/case_json.h"
#include "http/json_input.h"
#include "http/json_views.h"
#include "http/list_filters.h"
#include "http/routes.h"
#include "workflow/case_engine.h"
#include "workflow/class_commands.h"
#include "workflow/register_commands.h"

namespace edu {
namespace {

Status forbidden() { return Status::Error("forbidden", "您的角色无权执行此操作"); }
Status not_found(const std::string& what) {
  return Status::Error("not_found", what + "不存在或不在您的管辖范围内");
}

RegisterContext context(const ApiCall& call) { return {call.today(), call.school_year}; }

// ---- schools ----

Result<Reply> list_schools_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kSchool)) return forbidden();
  auto page = call.page();
  if (!page.ok()) return page.status();
  auto filter = school_filter(call);
  if (!filter.ok()) return filter.status();
  auto result = list_schools(call.db, call.who().scope, *filter, *page, call.school_year);
  if (!result.ok()) return result.status();
  return Reply(page_json(*result));
}

Result<Reply> get_school_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kSchool)) return forbidden();
  auto school = get_school(call.db, call.who().scope, call.path_id(), call.school_year);
  if (!school.ok()) return school.status();
  if (!*school) return not_found("学校");
  auto classes = list_classes(call.db, (*school)->school.id, call.school_year);
  if (!classes.ok()) return classes.status();
  auto conditions = list_conditions(call.db, (*school)->school.id);
  if (!conditions.ok()) return conditions.status();
  // Sections in the order their classes come (by grade), with totals.
  std::vector<std::string> section_order;
  std::map<std::string, std::pair<int64_t, int64_t>> section_totals;  // students, classes
  Json class_list = Json::array();
  for (const ClassView& c : *classes) {
    class_list.push_back(to_json(c));
    if (!section_totals.count(c.klass.section)) section_order.push_back(c.klass.section);
    auto& [students, count] = section_totals[c.klass.section];
    students += c.student_count;
    count += 1;
  }
  Json sections = Json::array();
  for (const std::string& name : section_order)
    sections.push_back({{"section", name},
                        {"students", section_totals[name].first},
                        {"classes", section_totals[name].second}});
  Json condition_list = Json::array();
  for (const Conditions& c : *conditions) condition_list.push_back(to_json(c));
  return Reply(Json{{"school", to_json(**school)},
                    {"sections", sections},
                    {"classes", class_list},
                    {"conditions", condition_list},
                    {"counts",
                     {{"students", (*school)->student_count},
                      {"teachers", (*school)->teacher_count}}}});
}

// ---- students and teachers share one shape of routes ----

template <class Record, class View>
struct PersonRoutes {
  Entity entity;
  const char* noun;  // 学生 / 教职工
  Result<std::optional<View>> (*get)(Database&, const Scope&, int64_t);
  Result<Record> (*from_json)(const nlohmann::json&);
  Result<View> (*save)(Database&, const Actor&, Record, const RegisterContext&);
};

template <class Record, class View>
Result<Reply> get_person(ApiCall& call, const PersonRoutes<Record, View>& r) {
  if (!allowed(call.who().user, Action::kRead, r.entity)) return forbidden();
  auto found = r.get(call.db, call.who().scope, call.path_id());
  if (!found.ok()) return found.status();
  if (!*found) return not_found(r.noun);
  return Reply(Json{{r.entity == Entity::kStudent ? "student" : "teacher", to_json(**found)}});
}

template <class Record, class View>
Result<Reply> save_person(ApiCall& call, const PersonRoutes<Record, View>& r, int64_t id) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  auto record = r.from_json(*body);
  if (!record.ok()) return record.status();
  record->id = id;
  if (id == 0 && record->id_number.empty())
    return Status::Error("validation", "缺少必填字段“身份证号”", "id_number");
  auto saved = r.save(call.db, call.who(), *record, context(call));
  if (!saved.ok()) return saved.status();
  return Reply(id == 0 ? 201 : 200,
               Json{{r.entity == Entity::kStudent ? "student" : "teacher", to_json(*saved)}});
}

Result<Reply> reveal(ApiCall& call, Entity entity) {
  auto id_number = reveal_id_number(call.db, call.who(), entity, call.path_id());
  if (!id_number.ok()) return id_number.status();
  return Reply(Json{{"id_number", *id_number}});
}

// The audit history of one record the caller may see.
Result<Reply> history(ApiCall& call, Entity entity, const char* entity_name) {
  if (!allowed(call.who().user, Action::kReadHistory, entity)) return forbidden();
  int64_t id = call.path_id();
  bool visible = false;
  if (entity == Entity::kSchool) {
    auto s = get_school(call.db, call.who().scope, id, call.school_year);
    if (!s.ok()) return s.status();
    visible = s->has_value();
  } else if (entity == Entity::kStudent) {
    auto s = get_student(call.db, call.who().scope, id);
    if (!s.ok()) return s.status();
    visible = s->has_value();
  } else {
    auto t = get_teacher(call.db, call.who().scope, id);
    if (!t.ok()) return t.status();
    visible = t->has_value();
  }
  if (!visible) return not_found("记录");
  auto page = call.page();
  if (!page.ok()) return page.status();
  page->size = PageRequest::kMaxPageSize;
  auto entries = list_audit(call.db, {entity_name, id}, *page);
  if (!entries.ok()) return entries.status();
  return Reply(page_json(*entries));
}

// GET /students/{id}/history (学生档案): the student as the caller sees them,
// their enrolments by school year, the changes to their record from the audit
// log (ID numbers masked there already; only for roles that read the audit
// history) and the cases the caller sees, each with its log.
Result<Reply> student_history_route(ApiCall& call) {
  const Actor& actor = call.who();
  if (!allowed(actor.user, Action::kRead, Entity::kStudent)) return forbidden();
  auto student = get_student(call.db, actor.scope, call.path_id());
  if (!student.ok()) return student.status();
  if (!*student) return not_found("学生");
  const int64_t id = (*student)->student.id;
  auto enrolments = student_enrolments(call.db, id);
  if (!enrolments.ok()) return enrolments.status();
  const bool reads_changes = allowed(actor.user, Action::kReadHistory, Entity::kStudent);
  Result<std::vector<AuditEntry>> changes = std::vector<AuditEntry>{};
  if (reads_changes) changes = record_changes(call.db, "student", id);
  if (!changes.ok()) return changes.status();
  auto cases = student_cases(call.db, actor, id, call.today());
  if (!cases.ok()) return cases.status();
  Json years = Json::array(), edits = Json::array(), case_list = Json::array();
  for (const EnrolmentView& e : *enrolments)
    years.push_back({{"school_year", e.enrolment.school_year}, {"school_id", e.enrolment.school_id},
                     {"school_name", e.school_name}, {"class_id", e.enrolment.class_id},
                     {"class_name", e.class_name}, {"section", e.section}, {"grade", e.enrolment.grade},
                     {"status", e.enrolment.status}});
  for (const AuditEntry& e : *changes) edits.push_back(to_json(e));
  for (const CaseWithLog& c : *cases) {
    Json one = case_json(c.view, actor.user, call.today());
    one["log"] = case_log_json(c.view.record.kind, c.log, c.attachments);
    case_list.push_back(std::move(one));
  }
  return Reply(Json{{"student", to_json(**student)}, {"enrolments", years}, {"changes", edits},
                    {"changes_shown", reads_changes}, {"cases", case_list}});
}

const PersonRoutes<Student, StudentView> kStudents{Entity::kStudent, "学生", get_student,
                                                   student_from_json, save_student};
const PersonRoutes<Teacher, TeacherView> kTeachers{Entity::kTeacher, "教职工", get_teacher,
                                                   teacher_from_json, save_teacher};

Result<Reply> list_students_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kStudent)) return forbidden();
  auto page = call.page();
  if (!page.ok()) return page.status();
  auto filter = student_filter(call);
  if (!filter.ok()) return filter.status();
  auto result = list_students(call.db, call.who().scope, *filter, *page);
  if (!result.ok()) return result.status();
  return Reply(page_json(*result));
}

Result<Reply> list_teachers_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kTeacher)) return forbidden();
  auto page = call.page();
  if (!page.ok()) return page.status();
  auto filter = teacher_filter(call);
  if (!filter.ok()) return filter.status();
  auto result = list_teachers(call.db, call.who().scope, *filter, *page);
  if (!result.ok()) return result.status();
  return Reply(page_json(*result));
}

Result<Reply> list_classes_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kSchool)) return forbidden();
  auto school_id = call.query_int("school_id");
  if (!school_id.ok()) return school_id.status();
  if (!*school_id) return Status::Error("bad_request", "缺少参数“school_id”", "school_id");
  auto school = get_school(call.db, call.who().scope, **school_id, call.school_year);
  if (!school.ok()) return school.status();
  if (!*school) return not_found("学校");
  auto classes = list_classes(call.db, **school_id, call.school_year);
  if (!classes.ok()) return classes.status();
  Json items = Json::array();
  for (const ClassView& c : *classes) items.push_back(to_json(c));
  return Reply(Json{{"items", items}});
}

// POST /schools/{id}/classes {section, grade, count}: 开设班级 (workflow/class_commands.h).
Result<Reply> open_classes_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader in(*body);
  NewClasses request{call.path_id(), in.text("section"), in.integer("grade"), in.integer("count")};
  if (!in.status().ok()) return in.status();
  auto opened = open_classes(call.db, call.who(), request, context(call));
  if (!opened.ok()) return opened.status();
  Json items = Json::array();
  for (const SchoolClass& c : *opened) items.push_back(to_json(ClassView{c, 0, ""}));
  return Reply(201, Json{{"items", items}});
}

// PUT /classes/{id} {name, head_teacher_id}: 编辑班级 (workflow/class_commands.h).
Result<Reply> update_class_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader in(*body);
  ClassChange change{in.text("name"), in.optional_integer("head_teacher_id")};
  if (!in.status().ok()) return in.status();
  auto updated = update_class_command(call.db, call.who(), call.path_id(), change);
  if (!updated.ok()) return updated.status();
  return Reply(Json{{"class", to_json(ClassView{*updated, 0, ""})}});
}

Result<Reply> list_class_sizes_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kSchool)) return forbidden();
  auto page = call.page();
  if (!page.ok()) return page.status();
  auto filter = class_size_filter(call);
  if (!filter.ok()) return filter.status();
  auto result = list_class_sizes(call.db, call.who().scope, *filter, *page);
  if (!result.ok()) return result.status();
  return Reply(page_json(*result));
}

Result<Reply> save_school_route(ApiCall& call, int64_t id) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  auto school = school_from_json(*body);
  if (!school.ok()) return school.status();
  school->id = id;
  auto saved = save_school(call.db, call.who(), *school, context(call));
  if (!saved.ok()) return saved.status();
  return Reply(id == 0 ? 201 : 200, Json{{"school", to_json(*saved)}});
}

}  // namespace

void add_register_routes(Router& router) {
  const std::string id = R"((\d+))";
  router.get("/schools", list_schools_route);
  router.get("/schools/" + id, get_school_route);
  router.post("/schools", [](ApiCall& c) { return save_school_route(c, 0); });
  router.put("/schools/" + id, [](ApiCall& c) { return save_school_route(c, c.path_id()); });
  router.get("/schools/" + id + "/audit",
             [](ApiCall& c) { return history(c, Entity::kSchool, "school"); });
  router.post("/schools/" + id + "/classes", open_classes_route);

  router.get("/students", list_students_route);
  router.get("/students/" + id, [](ApiCall& c) { return get_person(c, kStudents); });
  router.get("/students/" + id + "/id-number",
             [](ApiCall& c) { return reveal(c, Entity::kStudent); });
  router.post("/students", [](ApiCall& c) { return save_person(c, kStudents, 0); });
  router.put("/students/" + id,
             [](ApiCall& c) { return save_person(c, kStudents, c.path_id()); });
  router.get("/students/" + id + "/history", student_history_route);
  router.get("/students/" + id + "/audit",
             [](ApiCall& c) { return history(c, Entity::kStudent, "student"); });

  router.get("/teachers", list_teachers_route);
  router.get("/teachers/" + id, [](ApiCall& c) { return get_person(c, kTeachers); });
  router.get("/teachers/" + id + "/id-number",
             [](ApiCall& c) { return reveal(c, Entity::kTeacher); });
  router.post("/teachers", [](ApiCall& c) { return save_person(c, kTeachers, 0); });
  router.put("/teachers/" + id,
             [](ApiCall& c) { return save_person(c, kTeachers, c.path_id()); });
  router.get("/teachers/" + id + "/audit",
             [](ApiCall& c) { return history(c, Entity::kTeacher, "teacher"); });

  router.get("/classes", list_classes_route);
  router.put("/classes/" + id, update_class_route);
  router.get("/class-sizes", list_class_sizes_route);
}

}  // namespace edu
