#include <filesystem>

#include "http/json_views.h"
#include "ingest/spreadsheet.h"
#include "report/error_report.h"
#include "http/routes.h"
#include "workflow/import_commands.h"

namespace edu {
namespace {

Status unknown_kind(const std::string& kind) {
  return Status::Error("not_found", "未知的登记表类型“" + kind + "”(可用:school、student、teacher、conditions)");
}

// Non-admins see only their own imports.
std::optional<int64_t> owner_filter(const ApiCall& call) {
  if (call.who().user.role == role::kBureauAdmin) return std::nullopt;
  return call.who().user.id;
}

Result<Reply> upload(ApiCall& call) {
  std::string kind = call.request.matches[1];
  const RegisterSpec* spec = find_register_spec(kind);
  if (!spec) return unknown_kind(kind);
  if (!call.request.has_file("file"))
    return Status::Error("bad_request", "请以 multipart/form-data 上传文件(字段名 file)", "file");
  const auto file = call.request.get_file_value("file");
  auto record = preview_import(call.db, call.who(), *spec, file.filename, file.content,
                               {call.today(), call.app.school_year});
  if (!record.ok()) return record.status();
  return Reply(Json{{"import", to_json(*record)}});
}

Result<Reply> show(ApiCall& call) {
  auto record = get_import(call.db, call.path_id(), owner_filter(call));
  if (!record.ok()) return record.status();
  if (!*record) return Status::Error("not_found", "导入记录不存在");
  return Reply(Json{{"import", to_json(**record)}});
}

Result<Reply> list(ApiCall& call) {
  auto records = list_imports(call.db, owner_filter(call));
  if (!records.ok()) return records.status();
  Json items = Json::array();
  for (auto& r : *records) items.push_back(to_json(r));
  return Reply(Json{{"items", items}});
}

Result<Reply> commit(ApiCall& call) {
  auto record = get_import(call.db, call.path_id(), owner_filter(call));
  if (!record.ok()) return record.status();
  if (!*record) return Status::Error("not_found", "导入记录不存在");
  auto committed = commit_import(call.db, call.who(), **record, {call.today(), call.app.school_year});
  if (!committed.ok()) return committed.status();
  return Reply(Json{{"import", to_json(*committed)}});
}

// The uploaded sheet with every problem marked and a 错误说明 column.
Result<Reply> errors_sheet(ApiCall& call) {
  auto record = get_import(call.db, call.path_id(), owner_filter(call));
  if (!record.ok()) return record.status();
  if (!*record) return Status::Error("not_found", "导入记录不存在");
  auto content = import_content(call.db, (*record)->id);
  if (!content.ok()) return content.status();
  auto sheet = ingest::read_spreadsheet_bytes(*content, (*record)->file_name);
  if (!sheet.ok()) return Status::Error("bad_file", sheet.status().message());
  std::vector<ingest::RowProblem> problems;
  for (const ImportProblemRecord& p : (*record)->problems) problems.push_back({p.row, p.column, p.message});
  std::string stem = std::filesystem::path((*record)->file_name).stem().string();
  return file_reply(stem + "-错误说明.xlsx", [&](const std::string& path) {
    return report::write_error_report(*sheet, problems, path);
  });
}

}  // namespace

void add_import_routes(Router& router) {
  router.post("/imports/([a-z]+)", upload);
  router.get("/imports", list);
  router.get(R"(/imports/(\d+))", show);
  router.post(R"(/imports/(\d+)/commit)", commit);
  router.get(R"(/imports/(\d+)/errors\.xlsx)", errors_sheet);
}

}  // namespace edu
