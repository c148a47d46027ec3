// A record as a row of its register's spreadsheet (ingest/register_spec.h):
// the record's fields (core/record_fields.h) in the spec's column order, each
// `overrides` entry replacing or adding the field of its key — references as a
// file writes them (学校标识码, 班级名称, 所属乡镇, 班主任身份证号), ID numbers
// in full or masked. Exports write these rows; register_sheet() makes a sheet
// of them that reads exactly as the same file would, so rows built in memory
// (the demo county) go through the import like an uploaded file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/record_fields.h"
#include "ingest/register_spec.h"
#include "ingest/table.h"

namespace edu {

using FieldOverrides = std::map<std::string, std::string>;

std::vector<std::string> register_row(const RegisterSpec& spec, const FieldValues& fields,
                                      const FieldOverrides& overrides);

// The spec's headers as row 1, then `rows` (cells as text) as rows 2, 3 …
ingest::SheetTable register_sheet(const RegisterSpec& spec,
                                  const std::vector<std::vector<std::string>>& rows);

}  // namespace edu
