// The steps of an import as the API and the CLI run them: preview (read the
// file, plan every row, keep the file and the plan as an import record,
// change no register), commit (re-check and apply the kept file in one
// transaction, mark the record committed), and both in one pass for the
// command line. The file is read by read_upload_sheet (at most
// import_max_rows data rows). A record counts every problem but lists only
// the first kListedProblems (by row, then column): a file of 800,000 bad rows
// keeps 1,000 problem rows, not millions; the error sheet finds them all
// again from the kept file.
#pragma once

#include <string>

#include "workflow/register_import.h"

namespace edu {

inline constexpr size_t kListedProblems = 1000;

// A file that cannot be read at all fails with code "bad_file".
Result<ImportRecord> preview_import(Database& db, const Actor& actor, const RegisterSpec& spec,
                                    const std::string& file_name, const std::string& content,
                                    const RegisterContext& ctx);
// Errors: "already_committed", "has_problems" (nothing written).
Result<ImportRecord> commit_import(Database& db, const Actor& actor, const ImportRecord& record,
                                   const RegisterContext& ctx);
// Checks and commits in one pass; when the file has problems nothing is
// written to the registers and the returned record is the stored preview
// (status "previewed") listing them.
Result<ImportRecord> import_file(Database& db, const Actor& actor, const RegisterSpec& spec,
                                 const std::string& file_name, const std::string& content,
                                 const RegisterContext& ctx);

// The kept file with every problem marked (report/error_report.h), the
// problems found again by re-checking it as its uploader: all of them, also
// those beyond the listed ones. Errors: "not_found", "bad_file".
Status write_import_error_sheet(Database& db, const ImportRecord& record, const RegisterContext& ctx,
                                const std::string& path);

}  // namespace edu
