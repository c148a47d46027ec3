#include "workflow/import_commands.h"

#include "report/error_report.h"
#include "store/password.h"
#include "store/user_store.h"
#include "workflow/upload_sheet.h"

namespace edu {
namespace {

Result<ImportPlan> plan_file(Database& db, const Actor& actor, const RegisterSpec& spec,
                             const std::string& file_name, const ingest::SheetTable& sheet,
                             const RegisterContext& ctx) {
  auto plan = plan_import(db, actor, spec, sheet, ctx);
  if (!plan.ok() && plan.status().code() == "bad_file")
    return Status::Error("bad_file", file_name + ":" + plan.status().message());
  return plan;
}

ImportRecord record_of(const RegisterSpec& spec, const std::string& file_name,
                       const std::string& content, const ImportPlan& plan, const Actor& actor) {
  ImportRecord record;
  record.kind = spec.kind;
  record.file_name = file_name;
  record.checksum = sha256_hex(content);
  record.status = "previewed";
  record.rows = plan.rows;
  record.valid_rows = plan.valid_rows;
  record.to_create = plan.to_create;
  record.to_update = plan.to_update;
  record.unchanged = plan.unchanged;
  record.unknown_columns = plan.unknown_columns;
  record.missing_columns = plan.missing_columns;
  record.problem_count = static_cast<int64_t>(plan.problems.size());
  record.created_by = actor.user.id;
  return record;
}

Result<ImportRecord> stored(Database& db, int64_t id) {
  auto record = get_import(db, id, std::nullopt);
  if (!record.ok()) return record.status();
  if (!*record) return Status::Error("not_found", "导入记录不存在");
  return **record;
}

// Applies `sheet` and marks `record` committed; the caller holds the transaction.
Status apply_and_mark(Database& db, const Actor& actor, const RegisterSpec& spec,
                      const ingest::SheetTable& sheet, const RegisterContext& ctx,
                      ImportRecord record) {
  auto outcome = apply_import(db, actor, spec, sheet, ctx);
  if (!outcome.ok()) return outcome.status();
  const ImportPlan& plan = outcome->plan;
  record.rows = plan.rows;
  record.valid_rows = plan.valid_rows;
  record.to_create = plan.to_create;
  record.to_update = plan.to_update;
  record.unchanged = plan.unchanged;
  record.created = outcome->created;
  record.updated = outcome->updated;
  return mark_import_committed(db, record);
}

// Plans the sheet and keeps file and plan as a previewed import record.
Result<ImportRecord> store_preview(Database& db, const Actor& actor, const RegisterSpec& spec,
                                   const std::string& file_name, const std::string& content,
                                   const ingest::SheetTable& sheet, const RegisterContext& ctx) {
  auto plan = plan_file(db, actor, spec, file_name, sheet, ctx);
  if (!plan.ok()) return plan.status();
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto id = insert_import(db, record_of(spec, file_name, content, *plan, actor),
                          listed_problems(*plan, sheet, kListedProblems), content);
  if (!id.ok()) return id.status();
  Status s = tx.commit();
  if (!s.ok()) return s;
  return stored(db, *id);
}

}  // namespace

Result<ImportRecord> preview_import(Database& db, const Actor& actor, const RegisterSpec& spec,
                                    const std::string& file_name, const std::string& content,
                                    const RegisterContext& ctx) {
  auto sheet = read_upload_sheet(db, file_name, content);
  if (!sheet.ok()) return sheet.status();
  return store_preview(db, actor, spec, file_name, content, *sheet, ctx);
}

Result<ImportRecord> commit_import(Database& db, const Actor& actor, const ImportRecord& record,
                                   const RegisterContext& ctx) {
  if (record.status == "committed")
    return Status::Error("already_committed", "该文件已于" + record.committed_at + "导入,不能重复提交");
  const RegisterSpec* spec = find_register_spec(record.kind);
  if (!spec) return Status::Error("internal", "未知的登记表类型“" + record.kind + "”");
  auto content = import_content(db, record.id);
  if (!content.ok()) return content.status();
  auto sheet = read_upload_sheet(db, record.file_name, *content);
  if (!sheet.ok()) return sheet.status();
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  Status s = apply_and_mark(db, actor, *spec, *sheet, ctx, record);
  if (s.ok()) s = tx.commit();
  if (!s.ok()) return s;
  return stored(db, record.id);
}

Result<ImportRecord> import_file(Database& db, const Actor& actor, const RegisterSpec& spec,
                                 const std::string& file_name, const std::string& content,
                                 const RegisterContext& ctx) {
  auto sheet = read_upload_sheet(db, file_name, content);
  if (!sheet.ok()) return sheet.status();
  {
    Transaction tx(db);
    if (!tx.begun().ok()) return tx.begun();
    auto id = insert_import(db, record_of(spec, file_name, content, ImportPlan{}, actor), {}, content);
    if (!id.ok()) return id.status();
    ImportRecord record;
    record.id = *id;
    Status s = apply_and_mark(db, actor, spec, *sheet, ctx, record);
    if (s.ok()) s = tx.commit();
    if (s.ok()) return stored(db, *id);
    if (s.code() != "has_problems") return s;
  }  // rolled back: keep a preview that lists the problems
  return store_preview(db, actor, spec, file_name, content, *sheet, ctx);
}

Status write_import_error_sheet(Database& db, const ImportRecord& record, const RegisterContext& ctx,
                                const std::string& path) {
  const RegisterSpec* spec = find_register_spec(record.kind);
  if (!spec) return Status::Error("internal", "未知的登记表类型“" + record.kind + "”");
  auto creator = get_user(db, record.created_by);
  if (!creator.ok()) return creator.status();
  if (!*creator) return Status::Error("not_found", "导入记录的上传用户不存在");
  auto scope = scope_of(**creator);
  if (!scope.ok()) return scope.status();
  auto content = import_content(db, record.id);
  if (!content.ok()) return content.status();
  auto sheet = read_upload_sheet(db, record.file_name, *content);
  if (!sheet.ok()) return sheet.status();
  auto plan = plan_file(db, Actor{**creator, *scope, ""}, *spec, record.file_name, *sheet, ctx);
  if (!plan.ok()) return plan.status();
  return report::write_error_report(*sheet, plan->problems, path);
}

}  // namespace edu
