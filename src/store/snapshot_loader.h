// Loads the analytics Snapshot (analytics/snapshot.h) of the whole county in
// a few bulk SELECTs — areas, schools, conditions, classes, enrolments,
// teachers, teacher_years — never per school or per cell — each streamed
// (Database::query_each: COPY … TO STDOUT on PostgreSQL) straight into the
// snapshot's columns (analytics/snapshot_builder.h SnapshotBuilder): a
// province's millions of enrolments are never held as result rows, structs
// or strings, only as the snapshot's columns. The snapshot is the one
// build_snapshot makes of the same registers read whole (read_registers). The
// teachers of `current_year` are those on the register now; those of earlier
// years come from teacher_years (store/teacher_year_store.h); a teacher
// without a recorded 学段 gets the default of core/teacher_section.h.
#pragma once

#include "analytics/snapshot.h"
#include "store/database.h"

namespace edu {

Result<analytics::Snapshot> load_snapshot(Database& db, int current_year);

}  // namespace edu
