#include "workflow/record_form.h"

#include "access/policy.h"
#include "core/record_fields.h"
#include "core/text_field.h"
#include "ingest/register_spec.h"

namespace edu {
namespace {

struct FormKind {
  const char* kind;
  Entity entity;
};

constexpr FormKind kKinds[] = {{"school", Entity::kSchool},
                               {"student", Entity::kStudent},
                               {"teacher", Entity::kTeacher},
                               {"class", Entity::kClass}};

std::string input_type(const ColumnSpec& c) {
  if (!c.refers.kind.empty()) return c.refers.kind;
  if (c.choices) return "enum";
  switch (c.type) {
    case ColumnType::kText: return "text";
    case ColumnType::kIdNumber: return "id_number";
    case ColumnType::kDate: return "date";
    case ColumnType::kYesNo: return "yes_no";
    case ColumnType::kInteger:
    case ColumnType::kNumber:
    case ColumnType::kSchoolYear: return "number";
  }
  return "text";
}

FieldRight right(const User& user, Entity entity, const std::string& key, bool creating) {
  Status s = field_right(user, entity, key, creating);
  return {s.ok(), s.ok() ? "" : s.message()};
}

FormField form_field(const User& user, Entity entity, const ColumnSpec& c) {
  const bool names_record = !c.refers.kind.empty();
  FormField f;
  f.key = names_record ? c.refers.field : c.key;
  f.label = names_record ? field_label(f.key) : c.header;
  f.type = input_type(c);
  f.enum_name = c.choices ? c.choices->key : "";
  f.required = c.required;
  f.max_length = f.type == "text" ? text_limit(f.key) : 0;
  f.hint = names_record ? "" : c.note;
  f.initial = c.initial;
  f.create = right(user, entity, f.key, true);
  f.edit = right(user, entity, f.key, false);
  return f;
}

}  // namespace

std::string form_kinds() {
  std::string kinds;
  for (const FormKind& k : kKinds) kinds += (kinds.empty() ? "" : "、") + std::string(k.kind);
  return kinds;
}

Result<RecordForm> record_form(const User& user, const std::string& kind) {
  for (const FormKind& k : kKinds) {
    if (kind != k.kind) continue;
    const RegisterSpec* spec = find_register_spec(kind);
    RecordForm form{kind, spec->title, {}};
    for (const ColumnSpec& c : spec->columns) form.fields.push_back(form_field(user, k.entity, c));
    return form;
  }
  return Status::Error("not_found", "没有名为“" + kind + "”的表单;可用的表单:" + form_kinds());
}

}  // namespace edu
