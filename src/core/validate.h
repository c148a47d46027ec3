// Field rules of the registers, without I/O: required fields, enumerations,
// ID number (GB 11643), dates and their consistency. The first problem found is
// returned as a Chinese Status naming the field; references to other records
// (does the school exist, is the class in it) are checked by workflow/.
#pragma once

#include "core/model.h"
#include "core/status.h"

namespace edu {

Status validate_school(const School& school);
// `today` bounds birth and hire dates. A student's 入学日期 may also be the
// first day (9月1日) of `school_year`, the current one, before it comes:
// 招生 is entered in the summer, after the 学年升级 opened the new year.
Status validate_student(const Student& student, const Date& today, int school_year);
Status validate_teacher(const Teacher& teacher, const Date& today);

// Is a student born on `birth` of a plausible age for `grade` in `school_year`
// (age at 1 September within 2 years of the usual)? Errors name the ages.
Status check_age_for_grade(const Date& birth, int grade, const std::string& section,
                           int school_year);

}  // namespace edu
