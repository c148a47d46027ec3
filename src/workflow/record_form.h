// The form of a register record — 学校, 学生, 教职工, 班级 — as the web UI's one
// generic dialog renders it (GET /meta/forms/{kind}). Nothing here decides a
// rule; it gathers the three places that do:
//  - the fields, in order, with their Chinese label, input type, enumeration,
//    whether required and a hint: the register's columns (ingest/register_spec),
//    so the form, the import template and the export always agree. A column
//    naming another record (学校标识码, 班级, 班主任身份证号) is a choice of that
//    record, keyed by the record field holding its id (school_id …) and
//    labelled as core/record_fields labels that field (学校, 班级, 班主任);
//  - a text field's length cap: core/text_field's text_limit;
//  - whether the user may set the field on a new record and on a stored one,
//    with the reason when not: access/policy's field_right, the one place
//    that decides, asked field by field.
// A form is the same for every record of its kind; record scope (which
// school's records the user may write) is the policy's too, checked on write.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "store/user_store.h"

namespace edu {

struct FieldRight {
  bool may_set = false;
  std::string reason;  // why not (Chinese), when may_set is false
};

struct FormField {
  std::string key;    // the API body's field: a core/record_fields key ("school_id")
  std::string label;  // 姓名, 学校 …
  // text, enum, id_number, date, number, yes_no, or the kind of record it names:
  // area, school, class, teacher.
  std::string type;
  std::string enum_name;  // for "enum": the /meta/enums list ("gender")
  bool required = false;
  size_t max_length = 0;  // characters, for "text"; 0 otherwise
  std::string hint;       // the register's note ("" when it speaks of the spreadsheet cell)
  std::string initial;    // a new record's value ("" when none; yes_no: 是/否)
  FieldRight create;      // on a new record the user creates
  FieldRight edit;        // on a stored record
};

struct RecordForm {
  std::string kind;   // school, student, teacher, class
  std::string title;  // 学校 / 学生 / 教职工 / 班级
  std::vector<FormField> fields;
};

// The kinds with a form, joined by "、" (for the message naming an unknown kind).
std::string form_kinds();

// The form of `kind` for `user`; a "not_found" Status naming the kinds for an
// unknown one.
Result<RecordForm> record_form(const User& user, const std::string& kind);

}  // namespace edu
