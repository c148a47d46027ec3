#include "store/summary_store.h"

#include <map>

#include "core/area_tree.h"
#include "core/class_size.h"
#include "store/area_store.h"

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

// Schools per township (core/area_tree.h: a 学区's schools count in its
// township), in area order.
Result<Counts> schools_by_township(Database& db, const SqlWhere& schools) {
  auto areas = list_areas(db, Scope::All());
  if (!areas.ok()) return areas.status();
  const AreaTree tree(*areas);
  auto rows = db.query("SELECT s.area_id, COUNT(*) FROM schools s WHERE " + schools.sql + " GROUP BY s.area_id",
                       schools.params);
  if (!rows.ok()) return rows.status();
  std::map<int64_t, std::pair<std::string, int64_t>> by_township;  // by id: area order
  for (const Row& r : *rows)
    if (const Area* t = tree.township_of(r.integer(0))) {
      auto& entry = by_township[t->id];
      entry.first = t->name;
      entry.second += r.integer(1);
    }
  Counts counts;
  for (const auto& [id, entry] : by_township) counts.push_back(entry);
  return counts;
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
  EDU_ASSIGN(s.schools_by_area, schools_by_township(db, schools));
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
