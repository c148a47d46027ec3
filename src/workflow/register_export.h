// Exports of the registers (乡镇(街道), 学校, 班级, 学生, 教职工, 办学条件,
// 小升初划片) as .xlsx, with the
// columns of the import templates (ingest/register_spec.h), so an exported
// file imports again unchanged. The rows are the records the actor's scope
// and the filter select — the list the UI shows — read in batches and written
// as they come, so memory stays flat however long the list is.
//
// ID numbers (of students, teachers, classes' 班主任) are written in full for roles that may see them (the export is
// then audited: action "export", entity, the row count) and masked for the
// others. A role that may not read the register gets "forbidden".
// Each returns the number of rows written.
#pragma once

#include <optional>
#include <string>

#include "access/policy.h"
#include "store/school_store.h"
#include "store/student_store.h"
#include "store/teacher_store.h"

namespace edu {

struct SchoolRecordsFilter {
  std::optional<int64_t> area_id, school_id;
  std::optional<int> school_year;  // all years when absent
};

Result<int64_t> export_schools(Database& db, const Actor& actor, const SchoolFilter& filter,
                               int school_year, const std::string& path);
Result<int64_t> export_students(Database& db, const Actor& actor, const StudentFilter& filter,
                                const std::string& path);
Result<int64_t> export_teachers(Database& db, const Actor& actor, const TeacherFilter& filter,
                                const std::string& path);
Result<int64_t> export_conditions(Database& db, const Actor& actor, const SchoolRecordsFilter& filter,
                                  int school_year, const std::string& path);
// The areas below the county (the county itself is made by `init`).
Result<int64_t> export_areas(Database& db, const Actor& actor, const std::string& path);
// The classes of the filter's school year (`school_year` when it names none).
Result<int64_t> export_classes(Database& db, const Actor& actor, const SchoolRecordsFilter& filter,
                               int school_year, const std::string& path);
// The 划片 rows whose 小学 or 初中 lies in the actor's scope.
Result<int64_t> export_catchments(Database& db, const Actor& actor, const std::string& path);

}  // namespace edu
