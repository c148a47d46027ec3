#include "workflow/case_attachments.h"

#include "core/text_field.h"
#include "workflow/case_engine.h"
#include "workflow/change_log.h"

namespace edu {
namespace {

// The file's type by its first bytes: "application/pdf", "image/jpeg",
// "image/png", or "" for anything else.
std::string content_type_of(const std::string& bytes) {
  if (bytes.starts_with("%PDF-")) return "application/pdf";
  if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return "image/png";
  return "";
}

// The name without any folder a browser may send ("C:\\扫描\\诊断证明.pdf").
std::string base_name(const std::string& name) {
  const size_t slash = name.find_last_of("/\\");
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

}  // namespace

Result<CaseAttachment> upload_case_attachment(Database& db, const Actor& actor, const std::string& file_name,
                                              const std::string& bytes) {
  if (!handles_cases(actor.user)) return Status::Error("forbidden", "您的角色不办理学籍异动,不能上传证明材料");
  auto name = clean_text(base_name(file_name), "file_name", "文件名");
  if (!name.ok()) return name.status();
  if (name->empty())
    return Status::Error("validation", "请选择要上传的证明材料(multipart/form-data 字段 file,须有文件名)", "file");
  const std::string what = "文件“" + *name + "”";
  if (bytes.empty()) return Status::Error("validation", what + "是空文件,请重新选择", "file");
  if (static_cast<int64_t>(bytes.size()) > kMaxAttachmentBytes)
    return Status::Error("too_large", what + "超过5MB(" + std::to_string(bytes.size() / 1024) +
                                          "KB),请压缩或分页扫描后上传", "file");
  CaseAttachment a;
  a.content_type = content_type_of(bytes);
  if (a.content_type.empty())
    return Status::Error("validation", what + "不是PDF、JPG或PNG文件(按文件内容判断),请转换格式后上传", "file");
  a.uploaded_by = actor.user.id;
  a.file_name = *name;
  a.size = static_cast<int64_t>(bytes.size());
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto id = insert_case_attachment(db, a, bytes);
  if (!id.ok()) return id.status();
  a.id = *id;
  Status s = audit(db, &actor, "create", Entity::kCaseAttachment, a.id,
                   {{"file_name", "", a.file_name}, {"content_type", "", a.content_type},
                    {"size", "", std::to_string(a.size)}});
  if (s.ok()) s = tx.commit();
  if (!s.ok()) return s;
  return a;
}

Status check_file_field(Database& db, const Actor& actor, const FieldSpec& field, const std::string& value) {
  auto found = get_case_attachment(db, std::stoll(value));
  if (!found.ok()) return found.status();
  if (!*found || (*found)->uploaded_by != actor.user.id)
    return Status::Error("validation", "“" + field.label + "”不是您上传的文件,请重新上传", field.key);
  if ((*found)->case_id)
    return Status::Error("validation", "“" + field.label + "”(" + (*found)->file_name + ")已用于其他事项,请重新上传",
                         field.key);
  return Status::Ok();
}

Result<AttachmentDownload> case_attachment_for(Database& db, const Actor& actor, int64_t case_id,
                                               int64_t attachment_id) {
  auto c = visible_case(db, actor, case_id);
  if (!c.ok()) return c.status();
  auto found = get_case_attachment(db, attachment_id);
  if (!found.ok()) return found.status();
  if (!*found || (*found)->case_id != case_id) return Status::Error("not_found", "附件不存在或不在您的管辖范围内");
  auto bytes = case_attachment_bytes(db, attachment_id);
  if (!bytes.ok()) return bytes.status();
  return AttachmentDownload{**found, *bytes};
}

}  // namespace edu
