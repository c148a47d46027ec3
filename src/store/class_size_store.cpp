#include "store/class_size_store.h"

#include "core/class_size.h"

namespace edu {
namespace {

// Classes with their enrolled count, from one grouped pass over the enrolments
// (a count per class would scan them once per class); the join leaves out
// classes nobody is enrolled in.
const char* kTable =
    "(SELECT c.id, c.school_id, c.school_year, c.section, c.grade, c.class_no, c.name, "
    "n.enrolled FROM classes c JOIN (SELECT class_id, school_year, COUNT(*) AS enrolled FROM "
    "enrolments GROUP BY class_id, school_year) n ON n.class_id = c.id AND n.school_year = "
    "c.school_year) k";

ClassSizeView view_from(const Row& r) {
  ClassSizeView v;
  v.klass = {r.integer(0), r.integer(1), static_cast<int>(r.integer(2)), r.text(3),
             static_cast<int>(r.integer(4)), static_cast<int>(r.integer(5)), r.text(6),
             std::nullopt};
  v.students = r.integer(7);
  v.school_name = r.text(8);
  return v;
}

}  // namespace

Result<Page<ClassSizeView>> list_class_sizes(Database& db, const Scope& scope,
                                             const ClassSizeFilter& f, PageRequest page) {
  SqlWhere where;
  restrict_schools(where, scope, "k.school_id");
  where.add("k.school_year = ?", {int64_t{f.school_year}});
  if (f.area_id)
    where.add("k.school_id IN (SELECT id FROM schools WHERE area_id IN (" +
                  std::string(kAreaSubtreeSql) + "))",
              {*f.area_id});
  if (f.school_id) where.add("k.school_id = ?", {*f.school_id});
  if (!f.location.empty())
    where.add("k.school_id IN (SELECT id FROM schools WHERE location = ?)", {f.location});
  if (!f.section.empty()) where.add("k.section = ?", {f.section});
  if (f.band == kLargeBand)
    where.add("k.enrolled >= ? AND k.enrolled < ?", {int64_t{kLargeClass}, int64_t{kHugeClass}});
  else if (f.band == kHugeBand)
    where.add("k.enrolled >= ?", {int64_t{kHugeClass}});
  return fetch_page<ClassSizeView>(
      db,
      {"k.id, k.school_id, k.school_year, k.section, k.grade, k.class_no, k.name, k.enrolled, "
       "sc.name",
       kTable, "k.id", "JOIN schools sc ON sc.id = k.school_id", "k.id",
       {{"students", "k.enrolled"}, {"grade", "k.grade"},
        {"school", "(SELECT name FROM schools WHERE id = k.school_id)"}},
       PagedQuery::Total::kPerRegistersVersion},
      where, page, view_from);
}

}  // namespace edu
