// The registers as files: for each register (乡镇(街道), 学校, 班级, 学生,
// 教职工, 办学条件, 小升初划片) the columns of its spreadsheet — Chinese header, accepted
// aliases, type, whether required, allowed values, a note and a sample. One list serves the
// template, the import's header matching and the export, so an exported file
// can be imported again unchanged; the same list is the record's form in the
// web UI (workflow/record_form.h), where a column naming another record is a
// choice of that record.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/enums.h"

namespace edu {

enum class ColumnType { kText, kIdNumber, kDate, kInteger, kNumber, kYesNo, kSchoolYear };

// A column that names another record (a school by its 标识码, a class by its
// name, a teacher by the ID number …): the kind of that record ("area",
// "school", "class", "teacher") and the record field (core/record_fields key)
// holding its id. Empty for a column that holds a value of its own.
struct ColumnRef {
  std::string kind{};
  std::string field{};
};

struct ColumnSpec {
  std::string key{};     // record field, e.g. "id_number"
  std::string header{};  // 身份证号
  std::vector<std::string> aliases{};  // 身份证件号, 证件号码 …
  ColumnType type = ColumnType::kText;
  bool required = true;
  const Enumeration* choices = nullptr;  // enumerated values, when there are
  std::string note{};                    // shown in the template's notes sheet
  std::string sample{};                  // the template's sample row
  ColumnRef refers{};                    // the record it names, when it names one
  std::string initial{};                 // a new record's value in the web form ("" when none)
};

struct RegisterSpec {
  std::string kind;   // "area", "school", "class", "student", "teacher", "conditions", "catchment"
  std::string title;  // 学校 / 学生 / 教职工 / 办学条件 (sheet and file names)
  std::vector<ColumnSpec> columns;
  std::vector<std::string> natural_key;  // keys identifying a row: {"id_number"} …
};

const std::vector<RegisterSpec>& all_register_specs();
// The kinds, joined by "、" (for the message naming an unknown kind).
std::string register_kinds();
// nullptr for an unknown kind.
const RegisterSpec* find_register_spec(const std::string& kind);

// The column a header names (after trimming spaces, full-width ones too, and
// a trailing "*" or "(必填)"), or nullptr.
const ColumnSpec* match_header(const RegisterSpec& spec, const std::string& header);

}  // namespace edu
