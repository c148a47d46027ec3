#include "store/scope.h"

namespace edu {

const char* const kAreaSubtreeSql =
    "WITH RECURSIVE subtree(id) AS (SELECT id FROM areas WHERE id = ? UNION ALL "
    "SELECT a.id FROM areas a JOIN subtree ON a.parent_id = subtree.id) SELECT id FROM subtree";

void SqlWhere::add(const std::string& clause, std::vector<Value> values) {
  sql += " AND (" + clause + ")";
  for (auto& v : values) params.push_back(std::move(v));
}

namespace {

template <typename T>
void add_in_values(SqlWhere& where, const std::string& column, const std::vector<T>& values) {
  std::string marks;
  std::vector<Value> bound;
  for (const T& v : values) {
    marks += marks.empty() ? "?" : ",?";
    bound.emplace_back(v);
  }
  where.add(column + " IN (" + marks + ")", std::move(bound));
}

}  // namespace

void SqlWhere::add_in(const std::string& column, const std::vector<std::string>& values) {
  add_in_values(*this, column, values);
}

void SqlWhere::add_in(const std::string& column, const std::vector<int64_t>& values) {
  add_in_values(*this, column, values);
}

std::string like_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string sql_case(const std::string& column,
                     const std::vector<std::pair<std::string, std::string>>& key_to_value) {
  std::string sql = "(CASE " + column;
  for (const auto& [key, value] : key_to_value) sql += " WHEN '" + key + "' THEN " + value;
  return sql + " END)";
}

void SqlWhere::add_prefix(const std::vector<std::string>& columns, const std::string& prefix) {
  const std::string upper = prefix + "\xF4\x8F\xBF\xBF";  // U+10FFFF sorts after any suffix
  std::string clause;
  std::vector<Value> values;
  for (const auto& column : columns) {
    clause += (clause.empty() ? "(" : " OR (") + column + " >= ? AND " + column + " < ?)";
    values.push_back(prefix);
    values.push_back(upper);
  }
  add(clause, std::move(values));
}

void restrict_schools(SqlWhere& where, const Scope& scope, const std::string& column) {
  switch (scope.kind) {
    case Scope::Kind::kAll: return;
    case Scope::Kind::kArea:
      where.add(column + " IN (SELECT id FROM schools WHERE area_id IN (" +
                    std::string(kAreaSubtreeSql) + "))",
                {scope.area_id});
      return;
    case Scope::Kind::kSchool:
    case Scope::Kind::kHeadTeacher:
      where.add(column + " = ?", {scope.school_id});
      return;
  }
}

void restrict_students(SqlWhere& where, const Scope& scope, const std::string& alias) {
  restrict_schools(where, scope, alias + ".school_id");
  if (scope.kind == Scope::Kind::kHeadTeacher)
    where.add(alias + ".class_id IN (SELECT id FROM classes WHERE head_teacher_id = ?)",
              {scope.teacher_id});
}

void restrict_teachers(SqlWhere& where, const Scope& scope, const std::string& alias) {
  restrict_schools(where, scope, alias + ".school_id");
  if (scope.kind == Scope::Kind::kHeadTeacher) where.add(alias + ".id = ?", {scope.teacher_id});
}

}  // namespace edu
