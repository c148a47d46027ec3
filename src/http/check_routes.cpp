// 数据核查 (workflow/standing_checks.h): GET /checks, each check with its
// title, rule and count of rows in the caller's scope; GET /checks/{kind},
// its rows, paged; GET /exports/checks/{kind}.xlsx, all its rows as a sheet.
#include "http/json_sheet.h"
#include "http/routes.h"
#include "workflow/standing_checks.h"

namespace edu {
namespace {

Json row_json(const CheckRow& r) {
  return {{"student_id", r.student_id},
          {"student_name", r.student_name},
          {"school_name", r.school_name},
          {"status", r.status},
          {"student_in_scope", r.student_in_scope},
          {"other_student_id", r.other_student_id},
          {"other_name", r.other_name},
          {"other_school_name", r.other_school_name},
          {"other_status", r.other_status},
          {"other_in_scope", r.other_in_scope},
          {"reason", r.reason},
          {"detail", r.detail}};
}

Json kind_json(const CheckKind& k) {
  return {{"key", k.key}, {"title", k.title}, {"description", k.description}};
}

Result<Reply> counts_route(ApiCall& call) {
  std::vector<std::string> kinds;
  for (const CheckKind& k : check_kinds()) kinds.push_back(k.key);
  auto rows = run_checks(call.db, call.who(), kinds, call.today());
  if (!rows.ok()) return rows.status();
  Json items = Json::array();
  for (size_t i = 0; i < kinds.size(); ++i) {
    Json item = kind_json(check_kinds()[i]);
    item["count"] = (*rows)[i].size();
    items.push_back(std::move(item));
  }
  return Reply(Json{{"items", items}});
}

Result<Reply> rows_route(ApiCall& call) {
  const std::string kind = call.request.matches[1];
  auto page = call.page();
  if (!page.ok()) return page.status();
  auto found = run_checks(call.db, call.who(), {kind}, call.today());
  if (!found.ok()) return found.status();
  const std::vector<CheckRow>* rows = &found->front();
  Json items = Json::array();
  const size_t from = static_cast<size_t>((page->page - 1) * page->size);
  for (size_t i = from; i < rows->size() && i < from + static_cast<size_t>(page->size); ++i)
    items.push_back(row_json((*rows)[i]));
  Json out = kind_json(*find_check_kind(kind));
  out.update({{"items", items}, {"total", rows->size()}, {"page", page->page}, {"size", page->size}});
  return Reply(out);
}

// Each check's columns, named for what its "other" fields hold.
std::vector<JsonColumn> columns_of(const std::string& kind) {
  if (kind == "duplicates")
    return {{"学生", "/student_name"}, {"学校", "/school_name"}, {"学籍状态", "/status"},
            {"另一条学籍", "/other_name"}, {"其学校", "/other_school_name"}, {"其学籍状态", "/other_status"},
            {"依据", "/reason"}};
  if (kind == "sat_elsewhere")
    return {{"学生", "/student_name"}, {"学籍学校", "/school_name"}, {"考试所在学校", "/other_school_name"},
            {"说明", "/reason"}, {"考试", "/detail"}};
  return {{"学生", "/student_name"}, {"学校", "/school_name"}, {"学籍状态", "/status"},
          {"转入学校", "/other_school_name"}, {"原因", "/reason"}, {"说明", "/detail"}};
}

Result<Reply> export_route(ApiCall& call) {
  const std::string kind = call.request.matches[1];
  auto found = run_checks(call.db, call.who(), {kind}, call.today());
  if (!found.ok()) return found.status();
  const std::vector<CheckRow>* rows = &found->front();
  const CheckKind& k = *find_check_kind(kind);
  JsonSheet sheet{k.title, columns_of(kind)};
  for (const CheckRow& r : *rows) sheet.rows.push_back(row_json(r));
  auto name = scoped_file_name(call, "数据核查-" + k.title);
  if (!name.ok()) return name.status();
  return file_reply(*name, [&](const std::string& path) { return write_json_sheets(path, {sheet}); });
}

}  // namespace

void add_check_routes(Router& router) {
  router.get("/checks", counts_route);
  router.get(R"(/checks/([a-z_]+))", rows_route);
  router.get(R"(/exports/checks/([a-z_]+)\.xlsx)", export_route);
}

}  // namespace edu
