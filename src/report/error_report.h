// The error report of an import: the uploaded sheet written back with every
// problem marked, for the user to correct and upload again.
//  - Every row as read, at its own row number (so "第12行" in a message is
//    row 12 of the report), each cell as it came: text as text, numbers as
//    numbers, dates as dates. The first row is taken as the header row (bold,
//    frozen) and written as row 1.
//  - Each problem's cell gets a red fill; a problem of the whole row
//    (column < 0) marks the row's first cell.
//  - A last column 错误说明 holds each row's messages joined by ";". A
//    problem naming a row missing from the table still gets its row; one
//    naming the header row or above goes into the header: "错误说明：…".
// Problems are ingest::RowProblem, as the import produces them.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/row_mapping.h"
#include "ingest/table.h"

namespace edu::report {

Status write_error_report(const ingest::SheetTable& upload, const std::vector<ingest::RowProblem>& problems,
                          const std::string& path);

}  // namespace edu::report
