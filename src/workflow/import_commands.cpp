#include "workflow/import_commands.h"

#include "ingest/spreadsheet.h"
#include "store/password.h"

namespace edu {
namespace {

Result<ingest::SheetTable> read_upload(const std::string& file_name, const std::string& content) {
  if (content.empty()) return Status::Error("bad_file", "文件“" + file_name + "”是空的");
  auto sheet = ingest::read_spreadsheet_bytes(content, file_name);
  if (!sheet.ok()) return Status::Error("bad_file", sheet.status().message());
  return sheet;
}

}  // namespace

Result<ImportRecord> preview_import(Database& db, const Actor& actor, const RegisterSpec& spec,
                                    const std::string& file_name, const std::string& content,
                                    const RegisterContext& ctx, ingest::SheetTable* parsed) {
  auto sheet = read_upload(file_name, content);
  if (!sheet.ok()) return sheet.status();
  auto plan = plan_import(db, actor, spec, *sheet, ctx);
  if (!plan.ok()) {
    if (plan.status().code() == "bad_file")
      return Status::Error("bad_file", file_name + ":" + plan.status().message());
    return plan.status();
  }
  ImportRecord record;
  record.kind = spec.kind;
  record.file_name = file_name;
  record.checksum = sha256_hex(content);
  record.status = "previewed";
  record.rows = plan->rows;
  record.valid_rows = plan->valid_rows;
  record.to_create = plan->to_create;
  record.to_update = plan->to_update;
  record.unchanged = plan->unchanged;
  record.unknown_columns = plan->unknown_columns;
  record.missing_columns = plan->missing_columns;
  record.problems = plan->problems;
  record.created_by = actor.user.id;
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto id = insert_import(db, record, content);
  if (!id.ok()) return id.status();
  Status s = tx.commit();
  if (!s.ok()) return s;
  auto stored = get_import(db, *id, std::nullopt);
  if (!stored.ok()) return stored.status();
  if (parsed) *parsed = std::move(*sheet);
  return **stored;
}

Result<ImportRecord> commit_import(Database& db, const Actor& actor, const ImportRecord& record,
                                   const RegisterContext& ctx, const ingest::SheetTable* parsed) {
  if (record.status == "committed")
    return Status::Error("already_committed", "该文件已于" + record.committed_at + "导入,不能重复提交");
  const RegisterSpec* spec = find_register_spec(record.kind);
  if (!spec) return Status::Error("internal", "未知的登记表类型“" + record.kind + "”");
  ingest::SheetTable reread;
  if (!parsed) {
    auto content = import_content(db, record.id);
    if (!content.ok()) return content.status();
    auto sheet = read_upload(record.file_name, *content);
    if (!sheet.ok()) return sheet.status();
    reread = std::move(*sheet);
    parsed = &reread;
  }
  auto outcome = apply_import(db, actor, *spec, *parsed, ctx, record.id);
  if (!outcome.ok()) return outcome.status();
  auto stored = get_import(db, record.id, std::nullopt);
  if (!stored.ok()) return stored.status();
  return **stored;
}

}  // namespace edu
