// How register commands write the audit log: one entry per changed record,
// with reference fields shown as names ("桃洪镇中心小学", not 7).
#pragma once

#include <string>
#include <vector>

#include "access/policy.h"
#include "core/record_fields.h"

namespace edu {

const char* entity_name(Entity entity);  // "student", "school" …

// `actor` is null when the server's operator acts from the command line.
Status audit(Database& db, const Actor* actor, const std::string& action, Entity entity,
             int64_t id, std::vector<FieldChange> changes);

// Replaces the ids of area_id, parent_id, school_id, parent_school_id, class_id
// and head_teacher_id by names.
Result<FieldValues> with_names(Database& db, FieldValues fields);

}  // namespace edu
