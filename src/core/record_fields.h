// A record as (field, Chinese label, text value) triples: what the audit log
// compares to write "old → new", and what exports and error messages name.
// ID numbers appear masked: the audit log never holds a full one, yet a
// number changed where the mask hides it still counts as a change.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace edu {

struct FieldValue {
  std::string key;    // "name"
  std::string label;  // "姓名"
  std::string value;  // text form
  std::string compared;  // when set, what diff_fields compares instead of value (a
                         // masked ID number's full text; never rendered or stored)
};

using FieldValues = std::vector<FieldValue>;

FieldValues fields_of(const School& school);
FieldValues fields_of(const Student& student);
FieldValues fields_of(const Teacher& teacher);
FieldValues fields_of(const Conditions& conditions);
FieldValues fields_of(const Area& area);
FieldValues fields_of(const SchoolClass& klass);
FieldValues fields_of(const Catchment& catchment);

// The Chinese label of a field key of any register ("id_number" -> "身份证号").
std::string field_label(const std::string& key);

struct FieldChange {
  std::string key;
  std::string old_value;  // empty for a created record
  std::string new_value;
};

// Fields whose value differs (both lists from the same fields_of overload);
// `before` may be empty for a newly created record.
std::vector<FieldChange> diff_fields(const FieldValues& before, const FieldValues& after);

}  // namespace edu
