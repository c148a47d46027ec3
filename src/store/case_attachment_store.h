// The files a case's actions carry (migration 15), as stored. An attachment
// is uploaded first, belonging to no case (case_id 0), then attached once, in
// the transaction of the action that names it; it is never detached, changed
// or deleted afterwards. What may be uploaded and who may read it is decided
// above (workflow/case_attachments.h); this only reads and writes rows.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace edu {

struct CaseAttachment {
  int64_t id = 0;
  int64_t case_id = 0;  // 0 until attached
  int64_t uploaded_by = 0;  // 0: no user (the demo county's casework)
  std::string uploaded_at;
  std::string file_name, content_type;
  int64_t size = 0;
  std::string sha256;  // hex
};

// Stores the bytes; sets uploaded_at and sha256. Returns the new id.
Result<int64_t> insert_case_attachment(Database& db, const CaseAttachment& a, const std::string& bytes);
// Without the bytes.
Result<std::optional<CaseAttachment>> get_case_attachment(Database& db, int64_t id);
Result<std::string> case_attachment_bytes(Database& db, int64_t id);
// Attaches a not yet attached file to the case; a "conflict" if it is gone or
// already attached (another action took it first).
Status attach_to_case(Database& db, int64_t attachment_id, int64_t case_id);
// The attachments of these cases, by id (without the bytes).
Result<std::map<int64_t, CaseAttachment>> attachments_of_cases(Database& db, const std::vector<int64_t>& case_ids);

}  // namespace edu
