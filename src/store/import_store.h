// Import records: each uploaded register file with its checksum, the
// preview's counts and problems, and whether (and when) it was committed.
// The file itself is kept (base64) so the commit re-reads exactly what was
// previewed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace edu {

struct ImportProblemRecord {
  int row = 0;
  int column = -1;  // 0-based, -1 = whole row
  std::string header, value, message;
};

struct ImportRecord {
  int64_t id = 0;
  std::string kind, file_name, checksum;  // checksum: SHA-256 of the file, hex
  std::string status;                     // previewed / committed
  int64_t rows = 0, valid_rows = 0, to_create = 0, to_update = 0, unchanged = 0;
  int64_t created = 0, updated = 0;
  std::vector<std::string> unknown_columns, missing_columns;
  int64_t created_by = 0;
  std::string created_by_name;  // filled when read
  std::string created_at, committed_at;
  std::vector<ImportProblemRecord> problems;  // filled by get_import
};

Result<int64_t> insert_import(Database& db, const ImportRecord& record, const std::string& content);
// nullopt when absent or (for a non-admin) created by someone else.
Result<std::optional<ImportRecord>> get_import(Database& db, int64_t id,
                                               std::optional<int64_t> only_by_user);
Result<std::string> import_content(Database& db, int64_t id);
Result<std::vector<ImportRecord>> list_imports(Database& db, std::optional<int64_t> only_by_user);
// Stores the counts of the commit (rows … unchanged, created, updated) and
// marks the record committed now.
Status mark_import_committed(Database& db, const ImportRecord& counts);

}  // namespace edu
