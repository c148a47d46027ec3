// Scope: which records a user may see, as the store applies it to every query.
// Derived from the user by access/ (the one place that decides access); the
// store only turns it into SQL predicates, so no query can forget it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace edu {

struct Scope {
  enum class Kind { kAll, kArea, kSchool, kHeadTeacher };
  Kind kind = Kind::kAll;
  int64_t area_id = 0;     // kArea: this area and everything below it
  int64_t school_id = 0;   // kSchool, kHeadTeacher
  int64_t teacher_id = 0;  // kHeadTeacher: the teacher's own record and classes

  static Scope All() { return {}; }
  static Scope Area(int64_t area) { return {Kind::kArea, area, 0, 0}; }
  static Scope School(int64_t school) { return {Kind::kSchool, 0, school, 0}; }
  static Scope HeadTeacher(int64_t school, int64_t teacher) {
    return {Kind::kHeadTeacher, 0, school, teacher};
  }
};

// A WHERE clause under construction: "1=1 AND …" with its parameters.
struct SqlWhere {
  std::string sql = "1=1";
  std::vector<Value> params;
  void add(const std::string& clause, std::vector<Value> values = {});
  // `column` is one of `values` (not empty).
  void add_in(const std::string& column, const std::vector<std::string>& values);
  void add_in(const std::string& column, const std::vector<int64_t>& values);
  // Any of `columns` starts with `prefix`, as index-friendly ranges
  // (column >= prefix AND column < prefix + U+10FFFF).
  void add_prefix(const std::vector<std::string>& columns, const std::string& prefix);
};

// `text` as a LIKE pattern matching itself literally: the wildcards % and _
// and the escape character \ are escaped by \, for "LIKE ? ESCAPE '\'".
std::string like_escaped(const std::string& text);

// "(CASE column WHEN 'key' THEN value … END)" for fixed keys (enumeration
// values, never user input); each value is SQL as written.
std::string sql_case(const std::string& column,
                     const std::vector<std::pair<std::string, std::string>>& key_to_value);

// Predicates limiting a query to the scope. `school_column` names the column
// holding the school id (e.g. "s.school_id"); the others are the record's own
// id and class columns, used by the head-teacher scope.
void restrict_schools(SqlWhere& where, const Scope& scope, const std::string& school_id_column);
void restrict_students(SqlWhere& where, const Scope& scope, const std::string& alias);
void restrict_teachers(SqlWhere& where, const Scope& scope, const std::string& alias);

// SQL selecting the ids of an area and all areas below it (one parameter: the area id).
extern const char* const kAreaSubtreeSql;

}  // namespace edu
