#include <filesystem>

#include "http/json_views.h"
#include "http/release_memory.h"
#include "http/routes.h"
#include "workflow/import_commands.h"

namespace edu {
namespace {

Status unknown_kind(const std::string& kind) {
  return Status::Error("not_found", "未知的登记表类型“" + kind + "”(可用:" + register_kinds() + ")");
}

// Non-admins see only their own imports.
std::optional<int64_t> owner_filter(const ApiCall& call) {
  if (call.who().user.role == role::kBureauAdmin) return std::nullopt;
  return call.who().user.id;
}

// The import as the client sees it, with the first kProblemsInImport listed
// problems; the rest page through GET /imports/{id}/problems.
constexpr int64_t kProblemsInImport = 100;

Result<Reply> import_reply(ApiCall& call, const ImportRecord& record) {
  auto problems = list_import_problems(call.db, record.id, {1, kProblemsInImport});
  if (!problems.ok()) return problems.status();
  Json j = to_json(record);
  j["problems"] = page_json(*problems)["items"];
  j["problems_listed"] = problems->total;
  return Reply(Json{{"import", j}});
}

Result<ImportRecord> visible_import(ApiCall& call) {
  auto record = get_import(call.db, call.path_id(), owner_filter(call));
  if (!record.ok()) return record.status();
  if (!*record) return Status::Error("not_found", "导入记录不存在");
  return **record;
}

RegisterContext context(const ApiCall& call) { return {call.today(), call.school_year}; }

Result<Reply> upload(ApiCall& call) {
  std::string kind = call.request.matches[1];
  const RegisterSpec* spec = find_register_spec(kind);
  if (!spec) return unknown_kind(kind);
  if (!call.request.has_file("file"))
    return Status::Error("bad_request", "请以 multipart/form-data 上传文件(字段名 file)", "file");
  const auto file = call.request.get_file_value("file");
  auto record = preview_import(call.db, call.who(), *spec, file.filename, file.content, context(call));
  if (!record.ok()) return record.status();
  return import_reply(call, *record);
}

Result<Reply> show(ApiCall& call) {
  auto record = visible_import(call);
  if (!record.ok()) return record.status();
  return import_reply(call, *record);
}

// The listed problems, a page at a time, with the count of all problems.
Result<Reply> problems(ApiCall& call) {
  auto record = visible_import(call);
  if (!record.ok()) return record.status();
  auto page = call.page();
  if (!page.ok()) return page.status();
  auto problems = list_import_problems(call.db, record->id, *page);
  if (!problems.ok()) return problems.status();
  Json j = page_json(*problems);
  j["problem_count"] = record->problem_count;
  return Reply(j);
}

Result<Reply> list(ApiCall& call) {
  auto records = list_imports(call.db, owner_filter(call));
  if (!records.ok()) return records.status();
  Json items = Json::array();
  for (auto& r : *records) items.push_back(to_json(r));
  return Reply(Json{{"items", items}});
}

Result<Reply> commit(ApiCall& call) {
  auto record = visible_import(call);
  if (!record.ok()) return record.status();
  auto committed = commit_import(call.db, call.who(), *record, context(call));
  if (!committed.ok()) return committed.status();
  return import_reply(call, *committed);
}

// The uploaded sheet with every problem marked and a 错误说明 column.
Result<Reply> errors_sheet(ApiCall& call) {
  auto record = visible_import(call);
  if (!record.ok()) return record.status();
  std::string stem = std::filesystem::path(record->file_name).stem().string();
  return file_reply(stem + "-错误说明.xlsx", [&](const std::string& path) {
    return write_import_error_sheet(call.db, *record, context(call), path);
  });
}

}  // namespace

void add_import_routes(Router& router) {
  router.post("/imports/([a-z]+)", releasing_memory(upload));
  router.get("/imports", list);
  router.get(R"(/imports/(\d+))", show);
  router.get(R"(/imports/(\d+)/problems)", problems);
  router.post(R"(/imports/(\d+)/commit)", releasing_memory(commit));
  router.get(R"(/imports/(\d+)/errors\.xlsx)", releasing_memory(errors_sheet));
}

}  // namespace edu
