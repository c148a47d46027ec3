// Evidence files (证明材料) on cases: uploaded by whoever handles cases, then
// named by an action's field of type "file" (workflow/workflow_spec.h) and
// attached to the case in that action's transaction (case_engine.cpp).
//
// Contract:
//  - An upload is a PDF, JPG or PNG, told by its first bytes (not its name or
//    the browser's word), of 1 byte to kMaxAttachmentBytes; anything else is
//    refused with a Chinese reason naming the file, and nothing is stored.
//    The stored content type is the one the bytes show. Each upload is
//    audited (who, file name, size).
//  - A "file" field takes an attachment the actor uploaded that is attached
//    to no case yet; another user's upload, or one already attached, is
//    refused naming the field.
//  - A download is answered only for an attachment of a case the caller may
//    see (visible_case), asked for under that case's id; anything else is the
//    same 404 as a missing one.
#pragma once

#include <cstdint>
#include <string>

#include "access/policy.h"
#include "store/case_attachment_store.h"
#include "workflow/workflow_spec.h"

namespace edu {

inline constexpr int64_t kMaxAttachmentBytes = 5 << 20;

Result<CaseAttachment> upload_case_attachment(Database& db, const Actor& actor, const std::string& file_name,
                                              const std::string& bytes);
// The field's value (an attachment id) is the actor's, not yet attached.
Status check_file_field(Database& db, const Actor& actor, const FieldSpec& field, const std::string& value);

struct AttachmentDownload {
  CaseAttachment attachment;
  std::string bytes;
};
Result<AttachmentDownload> case_attachment_for(Database& db, const Actor& actor, int64_t case_id,
                                               int64_t attachment_id);

}  // namespace edu
