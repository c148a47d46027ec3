#include <functional>
#include <map>

#include "http/json_sheet.h"
#include "http/json_views.h"
#include "http/list_filters.h"
#include "http/routes.h"
#include "ingest/register_spec.h"
#include "report/register_template.h"

namespace edu {
namespace {

Entity entity_of_kind(const std::string& kind) {
  if (kind == "school") return Entity::kSchool;
  if (kind == "student") return Entity::kStudent;
  if (kind == "teacher") return Entity::kTeacher;
  if (kind == "area") return Entity::kArea;
  if (kind == "class") return Entity::kClass;
  if (kind == "catchment") return Entity::kCatchment;
  return Entity::kConditions;
}

// GET /templates/{kind}.xlsx: the blank template, for those who may create that kind.
Result<Reply> template_route(ApiCall& call) {
  const RegisterSpec* spec = find_register_spec(call.request.matches[1]);
  if (!spec) return Status::Error("not_found", "未知的登记表类型“" + call.request.matches[1].str() + "”");
  if (!allowed(call.who().user, Action::kCreate, entity_of_kind(spec->kind)))
    return Status::Error("forbidden", "您的角色不能导入" + spec->title + "登记表");
  return file_reply(spec->title + "导入模板.xlsx",
                    [&](const std::string& path) { return report::write_template(*spec, path); });
}

// Runs one list's export: reads its filter from the query, writes the file,
// named after the caller's scope (青山县实验小学-学生名册-2026-11-23.xlsx).
template <class Filter>
std::function<Result<Reply>(ApiCall&)> export_route(
    const char* title, Result<Filter> (*read_filter)(const ApiCall&),
    std::function<Result<int64_t>(ApiCall&, const Filter&, const std::string&)> run) {
  return [=](ApiCall& call) -> Result<Reply> {
    auto filter = read_filter(call);
    if (!filter.ok()) return filter.status();
    auto name = scoped_file_name(call, std::string(title) + "-" + call.today().iso());
    if (!name.ok()) return name.status();
    return file_reply(*name, [&](const std::string& path) { return run(call, *filter, path).status(); });
  };
}

// GET /exports/class-sizes.xlsx: the 班额 list (GET /class-sizes) with the same
// filters and sort, every page of it.
Result<Reply> class_sizes_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kSchool))
    return Status::Error("forbidden", "您的角色无权执行此操作");
  auto filter = class_size_filter(call);
  if (!filter.ok()) return filter.status();
  PageRequest page{1, PageRequest::kMaxPageSize, call.query("sort")};
  JsonSheet sheet{"班额",
                  {{"学校", "/school_name"}, {"学段", "/section"}, {"年级", "/grade_label"},
                   {"班级", "/name"}, {"学生数", "/students", ColumnType::kInteger}}};
  for (;; ++page.page) {
    auto result = list_class_sizes(call.db, call.who().scope, *filter, page);
    if (!result.ok()) return result.status();
    for (const ClassSizeView& v : result->items) sheet.rows.push_back(to_json(v));
    if (page.page * page.size >= result->total) break;
  }
  auto name = scoped_file_name(call, std::to_string(filter->school_year) + "学年班额");
  if (!name.ok()) return name.status();
  return file_reply(*name, [&](const std::string& path) { return write_json_sheets(path, {sheet}); });
}

}  // namespace

void add_export_routes(Router& router) {
  router.get("/templates/([a-z]+)\\.xlsx", template_route);
  router.get("/exports/class-sizes\\.xlsx", class_sizes_route);
  router.get("/exports/schools\\.xlsx",
             export_route<SchoolFilter>("学校名录", school_filter,
                                        [](ApiCall& c, const SchoolFilter& f, const std::string& path) {
                                          return export_schools(c.db, c.who(), f, c.school_year, path);
                                        }));
  router.get("/exports/students\\.xlsx",
             export_route<StudentFilter>("学生名册", student_filter,
                                         [](ApiCall& c, const StudentFilter& f, const std::string& path) {
                                           return export_students(c.db, c.who(), f, path);
                                         }));
  router.get("/exports/teachers\\.xlsx",
             export_route<TeacherFilter>("教职工名册", teacher_filter,
                                         [](ApiCall& c, const TeacherFilter& f, const std::string& path) {
                                           return export_teachers(c.db, c.who(), f, path);
                                         }));
  router.get("/exports/conditions\\.xlsx",
             export_route<SchoolRecordsFilter>(
                 "办学条件", school_records_filter,
                 [](ApiCall& c, const SchoolRecordsFilter& f, const std::string& path) {
                   return export_conditions(c.db, c.who(), f, c.school_year, path);
                 }));
  router.get("/exports/classes\\.xlsx",
             export_route<SchoolRecordsFilter>(
                 "班级", school_records_filter,
                 [](ApiCall& c, const SchoolRecordsFilter& f, const std::string& path) {
                   return export_classes(c.db, c.who(), f, c.school_year, path);
                 }));
  router.get("/exports/areas\\.xlsx",
             export_route<SchoolRecordsFilter>(
                 "乡镇(街道)", school_records_filter,
                 [](ApiCall& c, const SchoolRecordsFilter&, const std::string& path) {
                   return export_areas(c.db, c.who(), path);
                 }));
  router.get("/exports/catchments\\.xlsx",
             export_route<SchoolRecordsFilter>(
                 "小升初划片", school_records_filter,
                 [](ApiCall& c, const SchoolRecordsFilter&, const std::string& path) {
                   return export_catchments(c.db, c.who(), path);
                 }));
}

}  // namespace edu
