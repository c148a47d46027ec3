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
  for (size_t i = 0; i < e.changes.size(); ++i) {
    const FieldChange& c = e.changes[i];
    Status s = db.exec(
        "INSERT INTO audit_changes (audit_id, field, old_value, new_value, position) VALUES (?, ?, ?, ?, ?)",
        {audit_id, c.key, c.old_value, c.new_value, static_cast<int64_t>(i)});
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status record_audits(Database& db, const std::vector<AuditEntry>& entries) {
  if (entries.empty()) return Status::Ok();
  auto ids = db.next_ids("audit_log", static_cast<int64_t>(entries.size()));
  if (!ids.ok()) return ids.status();
  auto now = db.query("SELECT CURRENT_TIMESTAMP");
  if (!now.ok()) return now.status();
  const std::string at = now->front().text(0);
  struct Change {
    int64_t audit_id;
    const FieldChange* change;
    int64_t position;
  };
  struct Head {
    int64_t audit_id;
    const AuditEntry* entry;
  };
  std::vector<Change> changes;
  std::vector<Head> heads;  // each row's values made as it is written, not all held at once
  heads.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    const AuditEntry& e = entries[i];
    const int64_t id = (*ids)[i];
    heads.push_back({id, &e});
    for (size_t k = 0; k < e.changes.size(); ++k) changes.push_back({id, &e.changes[k], static_cast<int64_t>(k)});
  }
  Status s = insert_all(db, "audit_log", {"id", "at", "user_id", "username", "action", "entity", "entity_id", "ip"},
                        heads, [&](const Head& h) -> std::vector<Value> {
                          const AuditEntry& e = *h.entry;
                          return {h.audit_id, at, e.user_id ? Value(*e.user_id) : Value(nullptr), e.username,
                                  e.action, e.entity, e.entity_id ? Value(*e.entity_id) : Value(nullptr), e.ip};
                        });
  if (!s.ok()) return s;
  return insert_all(db, "audit_changes", {"audit_id", "field", "old_value", "new_value", "position"}, changes,
                    [](const Change& c) -> std::vector<Value> {
                      return {c.audit_id, c.change->key, c.change->old_value, c.change->new_value, c.position};
                    });
}

namespace {

// The first five columns of every read of audit_log here: id, at, user_id, username, action.
AuditEntry audit_head(const Row& r) {
  AuditEntry e;
  e.id = r.integer(0);
  e.at = r.text(1);
  if (!r.is_null(2)) e.user_id = r.integer(2);
  e.username = r.text(3);
  e.action = r.text(4);
  return e;
}

}  // namespace

Result<std::vector<AuditEntry>> record_changes(Database& db, const std::string& entity, int64_t entity_id) {
  auto rows = db.query(
      "SELECT l.id, l.at, l.user_id, l.username, l.action, COALESCE(u.display_name, ''), c.field, "
      "c.old_value, c.new_value FROM audit_log l JOIN audit_changes c ON c.audit_id = l.id "
      "LEFT JOIN users u ON u.id = l.user_id WHERE l.entity = ? AND l.entity_id = ? "
      "ORDER BY l.id, c.position",
      {entity, entity_id});
  if (!rows.ok()) return rows.status();
  std::vector<AuditEntry> out;
  for (const Row& r : *rows) {
    if (out.empty() || out.back().id != r.integer(0)) {
      AuditEntry e = audit_head(r);
      e.entity = entity;
      e.entity_id = entity_id;
      e.user_display_name = r.text(5);
      out.push_back(std::move(e));
    }
    out.back().changes.push_back({r.text(6), r.text(7), r.text(8)});
  }
  return out;
}

Result<Page<AuditEntry>> list_audit(Database& db, const AuditFilter& f, PageRequest request) {
  SqlWhere where;
  if (!f.entity.empty()) where.add("l.entity = ?", {f.entity});
  if (f.entity_id) where.add("l.entity_id = ?", {*f.entity_id});
  if (!f.username.empty()) where.add("l.username = ?", {f.username});
  if (!f.action.empty()) where.add("l.action = ?", {f.action});
  if (!f.from.empty()) where.add("l.at >= ?", {f.from});
  if (!f.to.empty()) where.add("substr(l.at, 1, 10) <= ?", {f.to});
  if (!f.include_sessions) where.add("l.entity <> 'session'");
  static const std::string record_name = sql_case(
      "l.entity", {{"school", "(SELECT name FROM schools WHERE id = l.entity_id)"},
                   {"student", "(SELECT name FROM students WHERE id = l.entity_id)"},
                   {"teacher", "(SELECT name FROM teachers WHERE id = l.entity_id)"},
                   {"class", "(SELECT name FROM classes WHERE id = l.entity_id)"},
                   {"area", "(SELECT name FROM areas WHERE id = l.entity_id)"},
                   {"user", "(SELECT display_name FROM users WHERE id = l.entity_id)"},
                   {"exam", "(SELECT name FROM exams WHERE id = l.entity_id)"},
                   {"exam_scores", "(SELECT name FROM exams WHERE id = l.entity_id)"}});
  PagedQuery query{"l.id, l.at, l.user_id, l.username, l.action, l.entity, l.entity_id, l.ip, "
                   "(SELECT display_name FROM users WHERE id = l.user_id), " + record_name,
                   "audit_log l", "l.id", "", "l.id DESC"};
  auto page = fetch_page<AuditEntry>(db, query, where, request, [](const Row& r) {
        AuditEntry e = audit_head(r);
        e.entity = r.text(5);
        if (!r.is_null(6)) e.entity_id = r.integer(6);
        e.ip = r.text(7);
        if (!r.is_null(8)) e.user_display_name = r.text(8);
        if (!r.is_null(9)) e.record_name = r.text(9);
        return e;
      });
  if (!page.ok()) return page;
  for (AuditEntry& e : page->items) {
    auto rows = db.query(
        "SELECT field, old_value, new_value FROM audit_changes WHERE audit_id = ? ORDER BY position",
        {e.id});
    if (!rows.ok()) return rows.status();
    for (const Row& r : *rows) e.changes.push_back({r.text(0), r.text(1), r.text(2)});
  }
  return page;
}

}  // namespace edu
