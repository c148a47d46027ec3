#include "store/head_teacher_store.h"

#include "core/in_school.h"
#include "store/scope.h"

namespace edu {

Result<std::vector<HeadTeacherClass>> head_teacher_classes(Database& db, int64_t teacher_id) {
  SqlWhere counted;
  counted.add("e.class_id = c.id");
  counted.add_in("e.status", in_school_statuses());
  std::vector<Value> params = counted.params;
  params.emplace_back(teacher_id);
  auto rows = db.query(
      "SELECT c.id, c.name, c.school_year, c.section, c.grade, c.school_id, s.name, "
      "(SELECT COUNT(*) FROM enrolments e WHERE " + counted.sql + ") "
      "FROM classes c JOIN schools s ON s.id = c.school_id WHERE c.head_teacher_id = ? "
      "ORDER BY c.school_year DESC, c.grade, c.class_no",
      params);
  if (!rows.ok()) return rows.status();
  std::vector<HeadTeacherClass> out;
  for (const Row& r : *rows)
    out.push_back({r.integer(0), r.text(1), static_cast<int>(r.integer(2)), r.text(3),
                   static_cast<int>(r.integer(4)), r.integer(5), r.text(6), r.integer(7)});
  return out;
}

}  // namespace edu
