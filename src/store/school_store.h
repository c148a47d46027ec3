// Schools and their parts (classes, conditions), read through a Scope.
// A record outside the scope reads as absent (nullopt), never as forbidden, so
// the API cannot be used to probe other schools' ids.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "store/paging.h"
#include "store/scope.h"

namespace edu {

struct SchoolFilter {
  std::optional<int64_t> area_id;  // this area and below
  std::string kind, location, ownership;
  std::optional<bool> weak;  // 薄弱学校: only the marked (true) or the others (false)
  std::string q;  // name contains, or code prefix
};

struct SchoolView {
  School school;
  std::string area_name;
  int64_t student_count = 0;  // 在读 students
  int64_t teacher_count = 0;
  int64_t class_count = 0;    // classes of the current school year
};

struct ClassView {
  SchoolClass klass;
  int64_t student_count = 0;  // 在读 students whose current class it is
  std::string head_teacher_name;
};

// Sortable (PageRequest::sort): name, code, kind, area.
Result<Page<SchoolView>> list_schools(Database& db, const Scope& scope, const SchoolFilter& filter,
                                      PageRequest page, int school_year);
Result<std::optional<SchoolView>> get_school(Database& db, const Scope& scope, int64_t id,
                                             int school_year);
// Unscoped, without the view's counts (for references: names, codes).
Result<std::optional<School>> find_school_by_code(Database& db, const std::string& code);
Result<std::optional<School>> find_school_by_id(Database& db, int64_t id);
// Every school's area (id → area_id), unscoped: where a school counts by township (core/area_tree.h).
Result<std::map<int64_t, int64_t>> school_areas(Database& db);
Result<int64_t> insert_school(Database& db, const School& school);
// Bulk writes (insert_schools, insert_classes, insert_conditions): many new
// rows in one batch through bulk_insert (COPY on PostgreSQL), schools and
// classes each with the id Database::next_ids gave it; the caller holds the
// transaction.
Status insert_schools(Database& db, const std::vector<School>& schools);
Status update_school(Database& db, const School& school);

// Classes of a school in a school year, in section/grade/class order.
Result<std::vector<ClassView>> list_classes(Database& db, int64_t school_id, int school_year);
Result<std::optional<SchoolClass>> get_class(Database& db, int64_t class_id);
Result<std::vector<Conditions>> list_conditions(Database& db, int64_t school_id);
// Every school's classes of one school year / every conditions row (bulk imports).
Result<std::vector<SchoolClass>> list_year_classes(Database& db, int school_year);
Result<int64_t> insert_class(Database& db, const SchoolClass& klass);
Status insert_classes(Database& db, const std::vector<SchoolClass>& classes);
// Changes a class's name and head teacher (what a class is never changes).
Status update_class(Database& db, const SchoolClass& klass);
Result<std::vector<Conditions>> list_all_conditions(Database& db);
// Inserts or replaces the conditions of (school, school year).
Status upsert_conditions(Database& db, const Conditions& c);
// New (school, school year) rows only.
Status insert_conditions(Database& db, const std::vector<Conditions>& conditions);

}  // namespace edu
