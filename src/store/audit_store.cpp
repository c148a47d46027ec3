#include "store/audit_store.h"

namespace edu {

Status record_audit(Database& db, const AuditEntry& e) {
  auto rows = db.query(
      "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, ip) VALUES "
      "(CURRENT_TIMESTAMP, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.user_id ? Value(*e.user_id) : Value(nullptr), e.username, e.action, e.entity,
       e.entity_id ? Value(*e.entity_id) : Value(nullptr), e.ip});
  if (!rows.ok()) return rows.status();
  int64_t audit_id = rows->front().integer(0);
  for (const FieldChange& c : e.changes) {
    Status s = db.exec(
        "INSERT INTO audit_changes (audit_id, field, old_value, new_value) VALUES (?, ?, ?, ?)",
        {audit_id, c.key, c.old_value, c.new_value});
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Result<Page<AuditEntry>> list_audit(Database& db, const AuditFilter& f, PageRequest request) {
  SqlWhere where;
  if (!f.entity.empty()) where.add("l.entity = ?", {f.entity});
  if (f.entity_id) where.add("l.entity_id = ?", {*f.entity_id});
  PagedQuery query{"l.id, l.at, l.user_id, l.username, l.action, l.entity, l.entity_id, l.ip",
                   "audit_log l", "l.id", "", "l.id DESC"};
  auto page = fetch_page<AuditEntry>(db, query, where, request, [](const Row& r) {
        AuditEntry e;
        e.id = r.integer(0);
        e.at = r.text(1);
        if (!r.is_null(2)) e.user_id = r.integer(2);
        e.username = r.text(3);
        e.action = r.text(4);
        e.entity = r.text(5);
        if (!r.is_null(6)) e.entity_id = r.integer(6);
        e.ip = r.text(7);
        return e;
      });
  if (!page.ok()) return page;
  for (AuditEntry& e : page->items) {
    auto rows = db.query(
        "SELECT field, old_value, new_value FROM audit_changes WHERE audit_id = ? ORDER BY rowid",
        {e.id});
    if (!rows.ok()) return rows.status();
    for (const Row& r : *rows) e.changes.push_back({r.text(0), r.text(1), r.text(2)});
  }
  return page;
}

}  // namespace edu
