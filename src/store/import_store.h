// Import records: each uploaded register file with its checksum, the
// preview's counts, how many problems it found and the first of them (as many
// as the caller lists, by row then column), and whether (and when) it was
// committed. The file itself is kept (base64) so the commit re-reads exactly
// what was previewed and the error sheet can find every problem again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/paging.h"

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
  int64_t problem_count = 0;  // every problem found, listed or not
};

// `listed`: the problems kept for the record (the first ones; their number
// may be below record.problem_count).
Result<int64_t> insert_import(Database& db, const ImportRecord& record,
                              const std::vector<ImportProblemRecord>& listed, const std::string& content);
// nullopt when absent or (for a non-admin) created by someone else.
Result<std::optional<ImportRecord>> get_import(Database& db, int64_t id,
                                               std::optional<int64_t> only_by_user);
// A page of the listed problems, by row then column; total = how many are listed.
Result<Page<ImportProblemRecord>> list_import_problems(Database& db, int64_t import_id, PageRequest page);
Result<std::string> import_content(Database& db, int64_t id);
Result<std::vector<ImportRecord>> list_imports(Database& db, std::optional<int64_t> only_by_user);
// Stores the counts of the commit (rows … unchanged, created, updated) and
// marks the record committed now.
Status mark_import_committed(Database& db, const ImportRecord& counts);

}  // namespace edu
