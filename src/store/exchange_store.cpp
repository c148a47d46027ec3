#include "store/exchange_store.h"

#include "store/scope.h"

namespace edu {

Result<int64_t> insert_exchange(Database& db, const TeacherExchange& e) {
  auto rows = db.query(
      "INSERT INTO teacher_exchanges (case_id, teacher_id, home_school_id, host_school_id, start_on, "
      "return_on, created_at) VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP) RETURNING id",
      {e.case_id, e.teacher_id, e.home_school_id, e.host_school_id, e.start_on, e.return_on});
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Status set_exchange_returned(Database& db, int64_t case_id, const std::string& day) {
  return db.exec("UPDATE teacher_exchanges SET returned_on = ? WHERE case_id = ?", {day, case_id});
}

Result<std::vector<TeacherExchange>> list_exchanges(Database& db, const ExchangeFilter& f) {
  SqlWhere where;
  if (f.teacher_id) where.add("e.teacher_id = ?", {*f.teacher_id});
  if (f.away_only) where.add("e.returned_on IS NULL");
  auto rows = db.query(
      "SELECT e.id, e.case_id, e.teacher_id, e.home_school_id, e.host_school_id, e.start_on, e.return_on, "
      "COALESCE(e.returned_on, ''), t.name, h.name, x.name FROM teacher_exchanges e "
      "JOIN teachers t ON t.id = e.teacher_id JOIN schools h ON h.id = e.home_school_id "
      "JOIN schools x ON x.id = e.host_school_id WHERE " + where.sql + " ORDER BY e.start_on, e.id",
      where.params);
  if (!rows.ok()) return rows.status();
  std::vector<TeacherExchange> out;
  for (const Row& r : *rows)
    out.push_back({r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.integer(4), r.text(5), r.text(6),
                   r.text(7), r.text(8), r.text(9), r.text(10)});
  return out;
}

}  // namespace edu
