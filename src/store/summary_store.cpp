#include "store/summary_store.h"

#include "core/class_size.h"

namespace edu {
namespace {

Result<Counts> grouped(Database& db, const std::string& sql, const SqlWhere& where) {
  auto rows = db.query(sql, where.params);
  if (!rows.ok()) return rows.status();
  Counts counts;
  for (const Row& r : *rows) counts.emplace_back(r.text(0), r.integer(1));
  return counts;
}

Result<int64_t> scalar(Database& db, const std::string& sql, const SqlWhere& where) {
  auto rows = db.query(sql, where.params);
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

}  // namespace

#define EDU_ASSIGN(target, expr)          \
  do {                                    \
    auto r_ = (expr);                     \
    if (!r_.ok()) return r_.status();     \
    target = std::move(r_.value());       \
  } while (0)

Result<Summary> summarize(Database& db, const Scope& scope, int school_year) {
  Summary s;
  SqlWhere schools;
  restrict_schools(schools, scope, "s.id");
  SqlWhere teachers;
  restrict_teachers(teachers, scope, "t");
  SqlWhere classes;
  restrict_schools(classes, scope, "c.school_id");
  classes.add("c.school_year = ?", {int64_t{school_year}});

  EDU_ASSIGN(s.schools, scalar(db, "SELECT COUNT(*) FROM schools s WHERE " + schools.sql, schools));
  EDU_ASSIGN(s.teachers,
             scalar(db, "SELECT COUNT(*) FROM teachers t WHERE " + teachers.sql, teachers));
  EDU_ASSIGN(s.classes, scalar(db, "SELECT COUNT(*) FROM classes c WHERE " + classes.sql, classes));
  EDU_ASSIGN(s.schools_by_kind,
             grouped(db,
                     "SELECT s.kind, COUNT(*) FROM schools s WHERE " + schools.sql +
                         " GROUP BY s.kind ORDER BY COUNT(*) DESC, s.kind",
                     schools));
  EDU_ASSIGN(s.schools_by_area,
             grouped(db,
                     "SELECT a.name, COUNT(*) FROM schools s JOIN areas a ON a.id = s.area_id "
                     "WHERE " + schools.sql + " GROUP BY a.id, a.name ORDER BY a.id",
                     schools));
  EDU_ASSIGN(s.teachers_by_education,
             grouped(db,
                     "SELECT t.education, COUNT(*) FROM teachers t WHERE " + teachers.sql +
                         " GROUP BY t.education ORDER BY COUNT(*) DESC",
                     teachers));
  EDU_ASSIGN(s.teachers_by_title,
             grouped(db,
                     "SELECT t.title, COUNT(*) FROM teachers t WHERE " + teachers.sql +
                         " GROUP BY t.title ORDER BY COUNT(*) DESC",
                     teachers));
  Counts sizes;
  EDU_ASSIGN(sizes,
             grouped(db,
                     "SELECT CASE WHEN n >= " + std::to_string(kHugeClass) + " THEN 'huge' WHEN n >= " +
                         std::to_string(kLargeClass) + " THEN 'large' ELSE "
                     "'normal' END, COUNT(*) FROM (SELECT c.id, (SELECT COUNT(*) FROM students st "
                     "WHERE st.class_id = c.id AND st.status = '在读') AS n FROM classes c WHERE " +
                         classes.sql + ") sizes GROUP BY 1",
                     classes));
  for (auto& [kind, n] : sizes) {
    if (kind == "huge") s.huge_classes = n;
    else if (kind == "large") s.large_classes = n;
    else s.normal_classes = n;
  }
  return s;
}

#undef EDU_ASSIGN

}  // namespace edu
