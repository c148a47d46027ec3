// Teachers (教职工): listing with filters and paging, reading and writing, all
// through a Scope. Out-of-scope records read as absent.
#pragma once

#include <optional>
#include <string>

#include "core/model.h"
#include "store/paging.h"
#include "store/scope.h"

namespace edu {

// With `school_year`, the attributes filtered on (area_id school_id post
// education title subject backbone section location education_standard
// is_backbone) are the teacher's in that year (store/teacher_year_store.h),
// and that year's school is kept to the scope as the current one is; the
// teacher is shown as the register has them now.
struct TeacherFilter {
  std::optional<int64_t> area_id, school_id;
  std::optional<int> school_year;
  std::string post, education, title, subject, backbone;
  std::string section, location;  // the teacher's 学段; the school's 城区 / 镇区 / 乡村
  std::string education_standard;  // 达标 / 高于规定: against the 学历 norm of the teacher's section
  bool is_backbone = false;        // a 骨干 of any level
  std::string name_prefix;       // name starts with it (indexed)
  std::string id_number_prefix;  // ID number starts with it (indexed)
  std::vector<std::string> id_numbers;  // one of these ID numbers (indexed); empty: any
};

struct TeacherView {
  Teacher teacher;
  std::string school_name;
};

// Sortable (PageRequest::sort): name, birth_date, school.
Result<Page<TeacherView>> list_teachers(Database& db, const Scope& scope,
                                        const TeacherFilter& filter, PageRequest page);
Result<std::optional<TeacherView>> get_teacher(Database& db, const Scope& scope, int64_t id);
Result<std::optional<TeacherView>> find_teacher_by_id_number(Database& db,
                                                             const std::string& id_number);
Result<int64_t> insert_teacher(Database& db, const Teacher& teacher);
Status update_teacher(Database& db, const Teacher& teacher);

// Many new teachers, each with the id Database::next_ids gave it, in one
// batch through bulk_insert (COPY on PostgreSQL); the caller holds the
// transaction. The rows alone: a bulk load brings its own teacher_years, an
// import then calls record_current_years.
Status insert_teachers(Database& db, const std::vector<Teacher>& teachers);
// The current school year's teacher_years row insert_teacher writes, in one
// statement for every teacher whose id lies in [first_id, last_id] (another
// teacher there gets the row it holds already, as record_enrolments says).
Status record_current_years(Database& db, int64_t first_id, int64_t last_id);

}  // namespace edu
