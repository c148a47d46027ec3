// The registers as a whole. load_registers: a bulk load of a whole set of
// registers into an empty database (test and benchmark fixtures), in one
// transaction through bulk_insert (COPY on PostgreSQL): all rows or none; its
// rows are not audited, so it forgets the database's kept list totals
// (store/page_anchors.h) when it commits; then the planner's statistics of the
// registers (refresh_statistics). read_registers: every
// row of every register, by id, e.g. to generate the demo county's exams from
// the registers its real paths wrote. read_staff: the schools and the staff
// alone.
#pragma once

#include "core/model.h"
#include "store/database.h"

namespace edu {

Status load_registers(Database& db, const Registers& registers);
// After a bulk load, outside a transaction: PostgreSQL's planner statistics
// of `tables` (ANALYZE; none named: every table), which autovacuum would
// refresh only a minute or more later — until then a list by school scans
// instead of using its index (10× slower at 370,000 students). SQLite:
// nothing (its planner needs none).
Status refresh_statistics(Database& db, const std::vector<std::string>& tables);
Result<Registers> read_registers(Database& db);
// Only the schools, teachers and teacher_years (交流轮岗's plan reads them).
Result<Registers> read_staff(Database& db);

}  // namespace edu
