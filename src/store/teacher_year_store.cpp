#include "store/teacher_year_store.h"

namespace edu {

Status record_teacher_years(Database& db, int school_year, std::optional<int64_t> teacher_id) {
  std::string sql =
      "INSERT INTO teacher_years (teacher_id, school_year, school_id, section, post, education, "
      "title, subject, backbone, on_staff) SELECT id, ?, school_id, section, post, education, "
      "title, subject, backbone, on_staff FROM teachers";
  std::vector<Value> params = {int64_t{school_year}};
  if (teacher_id) {
    sql += " WHERE id = ?";
    params.push_back(*teacher_id);
  } else {
    sql += " WHERE true";  // SQLite's upsert after INSERT … SELECT needs a WHERE
  }
  sql +=
      " ON CONFLICT (teacher_id, school_year) DO UPDATE SET school_id = excluded.school_id, "
      "section = excluded.section, post = excluded.post, education = excluded.education, "
      "title = excluded.title, subject = excluded.subject, backbone = excluded.backbone, "
      "on_staff = excluded.on_staff";
  return db.exec(sql, params);
}

}  // namespace edu
