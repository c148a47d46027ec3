// The filters of the register lists, read from a request's query string
// (docs/API.md): the list endpoints and the exports of the same lists read
// them here, so an export holds exactly the rows the list shows.
// A malformed integer parameter is a 400 naming it. q of the person lists is a
// name prefix, or an ID-number prefix (any digit in it) for the roles that may
// see full ID numbers only (403 for the others).
#pragma once

#include "http/router.h"
#include "store/class_size_store.h"
#include "store/school_store.h"
#include "store/student_store.h"
#include "store/teacher_store.h"
#include "workflow/register_export.h"

namespace edu {

Result<SchoolFilter> school_filter(const ApiCall& call);          // area_id kind location ownership weak q
Result<StudentFilter> student_filter(const ApiCall& call);        // area_id school_id class_id grade section gender status location school_year entrant student_ids q
Result<TeacherFilter> teacher_filter(const ApiCall& call);        // area_id school_id post education title subject backbone section location education_standard is_backbone q
Result<ClassSizeFilter> class_size_filter(const ApiCall& call);    // school_year (default: the current) area_id school_id location section band
Result<SchoolRecordsFilter> school_records_filter(const ApiCall& call);  // area_id school_id school_year
// q of a person search (`entity`: student or teacher) split into a name prefix or an
// ID-number prefix, with the role rule above; the lists and 学生报告's search use it.
Status read_person_query(const ApiCall& call, Entity entity, std::string& name_prefix,
                         std::string& id_number_prefix);

}  // namespace edu
