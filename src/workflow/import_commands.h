// The two steps of an import as the API and the CLI run them: preview (read
// the file, plan every row, keep the file and the plan as an import record,
// change no register) and commit (re-read the kept file, apply it in one
// transaction, mark the record committed). Both are shared by every caller.
#pragma once

#include <string>

#include "workflow/register_import.h"

namespace edu {

// A file that cannot be read at all fails with code "bad_file". `parsed`, when
// given, receives the file's sheet for a commit in the same process.
Result<ImportRecord> preview_import(Database& db, const Actor& actor, const RegisterSpec& spec,
                                    const std::string& file_name, const std::string& content,
                                    const RegisterContext& ctx,
                                    ingest::SheetTable* parsed = nullptr);
// 409-style errors: "already_committed", "has_problems". Re-reads the kept file
// unless `parsed` (from the preview) is given; the rows are checked again either way.
Result<ImportRecord> commit_import(Database& db, const Actor& actor, const ImportRecord& record,
                                   const RegisterContext& ctx,
                                   const ingest::SheetTable* parsed = nullptr);

}  // namespace edu
