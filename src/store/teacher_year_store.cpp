#include "store/teacher_year_store.h"

namespace edu {

Status record_teacher_years(Database& db, int school_year, int64_t first_id, int64_t last_id) {
  return db.exec(
      "INSERT INTO teacher_years (teacher_id, school_year, school_id, section, post, education, "
      "title, subject, backbone, on_staff) SELECT id, ?, school_id, section, post, education, "
      "title, subject, backbone, on_staff FROM teachers WHERE id BETWEEN ? AND ? "
      "ON CONFLICT (teacher_id, school_year) DO UPDATE SET school_id = excluded.school_id, "
      "section = excluded.section, post = excluded.post, education = excluded.education, "
      "title = excluded.title, subject = excluded.subject, backbone = excluded.backbone, "
      "on_staff = excluded.on_staff",
      {int64_t{school_year}, first_id, last_id});
}

Result<std::vector<TeacherYearView>> teacher_years_of(Database& db, int64_t teacher_id) {
  auto rows = db.query("SELECT y.school_year, y.school_id, y.section, y.post, y.education, y.title, y.subject, "
                       "y.backbone, y.on_staff, sc.name FROM teacher_years y JOIN schools sc ON sc.id = y.school_id "
                       "WHERE y.teacher_id = ? ORDER BY y.school_year",
                       {teacher_id});
  if (!rows.ok()) return rows.status();
  std::vector<TeacherYearView> out;
  for (const Row& r : *rows) {
    TeacherYear y{teacher_id, static_cast<int>(r.integer(0)), r.integer(1), r.text(2), r.text(3), r.text(4),
                  r.text(5), r.text(6), r.text(7), r.integer(8) != 0};
    out.push_back({std::move(y), r.text(9)});
  }
  return out;
}

}  // namespace edu
