// 继续教育 commands (core/training.h, store/training_store.h). Each checks the
// actor's rights and scope, validates, writes and audits in one transaction:
// on any error nothing changes. Errors are Chinese and name the field.
//
// Who does what (access/policy.h kTrainingCourse, kTrainingRoster):
//  - the bureau creates and edits courses of every level, and records any
//    teacher on any course;
//  - a school admin creates and edits 校本 courses of their own school only
//    (a county course, or another school's, is refused), and records the
//    roster rows of their own school's teachers, on any course they see;
//  - a 校本 course's roster holds its school's teachers only;
//  - other roles read.
// A roster row names a teacher the actor sees (another school's teacher is
// "not_found", as if absent); a row's values obey check_roster_entry.
//
// The roster import (xlsx or csv, workflow/upload_sheet.h) has the columns of
// roster_import_spec(): 身份证号, 姓名 (checked against the register when
// given), 是否必训 (default 是), 是否参训, 是否合格 (default 否), 认定学时
// (default: the course's hours when attended, else 0). Every problem is named
// by file, row, column, value and reason; a file with any problem changes
// nothing (the error report, report/error_report.h, marks them); a clean file
// saves every row at once, one audit entry per changed row.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "access/policy.h"
#include "ingest/register_spec.h"
#include "ingest/row_mapping.h"
#include "store/training_store.h"

namespace edu {

// id == 0 creates, otherwise updates that course. Errors: "forbidden",
// "not_found", "validation".
Result<CourseView> save_course(Database& db, const Actor& actor, TrainingCourse course);

// Saves each row (insert or replace) of the course's roster.
// Errors: "forbidden", "not_found", "validation".
Status save_roster(Database& db, const Actor& actor, int64_t course_id, const std::vector<RosterEntry>& rows);

const RegisterSpec& roster_import_spec();

struct RosterImportProblem {
  int row = 0;
  int column = -1;      // 0-based; -1 = the whole row
  std::string header;   // the column's header
  std::string value;    // the cell as read
  std::string message;  // 文件“x.xlsx”第3行“是否参训”列:…
};

struct RosterImport {
  std::string file_name;
  int64_t rows = 0;   // data rows read
  int64_t saved = 0;  // rows written (0 when there are problems)
  std::vector<RosterImportProblem> problems;
  ingest::SheetTable sheet;  // the sheet as read (for the error report)
};

// Reads and checks the file; saves it when it has no problem. A file that
// cannot be read at all is "bad_file"; problems are returned, not an error.
Result<RosterImport> import_roster(Database& db, const Actor& actor, int64_t course_id,
                                   const std::string& file_name, std::string_view content);
// The file's error report (report/error_report.h) at `path`; nothing is saved.
Status write_roster_error_report(Database& db, const Actor& actor, int64_t course_id,
                                 const std::string& file_name, std::string_view content,
                                 const std::string& path);

}  // namespace edu
