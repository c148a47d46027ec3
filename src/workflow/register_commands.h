// Commands that change the registers: create or update a school, student or
// teacher, and reveal a full ID number. Each checks the actor's permission and
// scope, validates the record (core/validate.h) and its references, writes,
// and records the audit entry, all in one transaction: on any error nothing
// changes. Errors are Chinese and name the field.
#pragma once

#include <string>

#include "access/policy.h"
#include "store/school_store.h"
#include "store/student_store.h"
#include "store/teacher_store.h"

namespace edu {

struct RegisterContext {
  Date today;
  int school_year;  // the current school year (classes must belong to it)
};

// id == 0 creates, otherwise updates that record.
Result<SchoolView> save_school(Database& db, const Actor& actor, School school,
                               const RegisterContext& ctx);
// On update, an empty id_number keeps the stored one.
Result<StudentView> save_student(Database& db, const Actor& actor, Student student,
                                 const RegisterContext& ctx);
Result<TeacherView> save_teacher(Database& db, const Actor& actor, Teacher teacher,
                                 const RegisterContext& ctx);

// What save_student checks of a new student (fields, school in scope, the ID
// number unused, the class of the school's current year and the age for its
// grade), without writing: for a 转入 case (case_engine.h), which creates the
// student in its own transaction on approval.
Status check_new_student(Database& db, const Actor& actor, const Student& student,
                         const RegisterContext& ctx);

// The full ID number of a student or teacher in scope; audited.
Result<std::string> reveal_id_number(Database& db, const Actor& actor, Entity entity, int64_t id);

}  // namespace edu
