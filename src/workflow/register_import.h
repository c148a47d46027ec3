// Importing a register file (乡镇(街道), 学校, 班级, 学生, 教职工, 办学条件,
// 小升初划片):
// plan_import() checks every row — types, field rules, references (school by
// 学校标识码, class by name in this school year, township by name, head teacher
// by 身份证号 in the class's school), duplicates inside the file (of the
// natural key, and of the name where names must be unique: a township in the
// county, a class in its school's year), a student already enrolled at another
// school, the actor's scope — and counts what would be created, updated or
// left unchanged, changing nothing.
// apply_import() does the same and, only when no problem remains, writes
// every row (the caller holds the transaction that makes it all or none) (upsert by natural key: 身份证号 for
// people, 学校标识码 for schools, 行政区划代码 for townships (9 or 12 digits
// under the county's code), school + year for conditions, school + year +
// 学段 + 年级 + 班号 for classes of the current year, the 小学 for 划片, whose
// 小学 must teach 小学 and whose 初中 must teach 初中: a 九年一贯制学校 may
// feed itself): all or none.
// Re-importing the same file finds every row unchanged.
//
// How apply_import writes: the rows to update one by one (each UPDATE, then
// its fields before and after read with names); the rows to create in one
// batch — their ids taken up front by one Database::next_ids (MAX(id)+1 … under
// SQLite's write lock, the table's identity sequence on PostgreSQL: see
// store/database.h), then written through bulk_insert (COPY on PostgreSQL)
// with what follows from them (a student's enrolment, a teacher's row of the
// current year) in one statement per batch; last, one audit entry per row
// written, in the order of the rows, through record_audits. The entries are
// those a row-by-row write made: action "import", the register's entity, the
// record's id, and the changed fields (reference fields by name) of an update,
// none of a created row (the import record keeps the file). On SQLite the
// ids, of records and entries, are the very ones row-by-row INSERTs gave.
#pragma once

#include <string>
#include <vector>

#include "ingest/register_spec.h"
#include "ingest/row_mapping.h"
#include "ingest/table.h"
#include "store/import_store.h"
#include "workflow/register_commands.h"

namespace edu {

struct ImportPlan {
  int64_t rows = 0, valid_rows = 0, to_create = 0, to_update = 0, unchanged = 0;
  std::vector<ingest::RowProblem> problems;  // every problem, by row, then column
  std::vector<std::string> headers;          // the header row as written, by column
  std::vector<std::string> unknown_columns, missing_columns;
  bool ok() const { return problems.empty() && missing_columns.empty(); }
};

Result<ImportPlan> plan_import(Database& db, const Actor& actor, const RegisterSpec& spec,
                               const ingest::SheetTable& sheet, const RegisterContext& ctx);

// The first `limit` problems of a plan of `sheet`, each with its column's
// header and the cell's text as the user wrote them.
std::vector<ImportProblemRecord> listed_problems(const ImportPlan& plan, const ingest::SheetTable& sheet,
                                                 size_t limit);

struct ImportOutcome {
  ImportPlan plan;
  int64_t created = 0, updated = 0;
};

// Fails with code "has_problems" (and writes nothing) unless the plan is clean.
// Call inside a Transaction.
Result<ImportOutcome> apply_import(Database& db, const Actor& actor, const RegisterSpec& spec,
                                   const ingest::SheetTable& sheet, const RegisterContext& ctx);

}  // namespace edu
