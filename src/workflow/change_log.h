// How register commands write the audit log: one entry per changed record,
// with reference fields shown as names ("桃洪镇中心小学", not 7).
#pragma once

#include <string>
#include <vector>

#include "access/policy.h"
#include "core/record_fields.h"
#include "store/audit_store.h"

namespace edu {

const char* entity_name(Entity entity);  // "student", "school" …

// The audit log's words in Chinese, declared once for the server and the web
// UI (GET /meta/enums lists them; GET /audit labels each row): actions
// ("import" → 导入) and entities ("school" → 学校), session logins included.
struct AuditTerm {
  const char* value;
  const char* label;
};
const std::vector<AuditTerm>& audit_actions();
const std::vector<AuditTerm>& audit_entities();
// The label of `value` in `terms`, or `value` itself when unknown.
std::string audit_label(const std::vector<AuditTerm>& terms, const std::string& value);

// `actor` is null when the server's operator acts from the command line.
Status audit(Database& db, const Actor* actor, const std::string& action, Entity entity,
             int64_t id, std::vector<FieldChange> changes);
// The entry audit() writes, for writing many at once (record_audits).
AuditEntry audit_entry(const Actor* actor, const std::string& action, Entity entity, int64_t id,
                       std::vector<FieldChange> changes);

// Replaces the ids of area_id, parent_id, school_id, parent_school_id, class_id
// and head_teacher_id by names.
Result<FieldValues> with_names(Database& db, FieldValues fields);

// An "update" of the record `id`: the fields that differ between `before` and
// `after` (one fields_of overload), reference fields named (with_names).
Status audit_update(Database& db, const Actor& actor, Entity entity, int64_t id, const FieldValues& before,
                    const FieldValues& after);

}  // namespace edu
