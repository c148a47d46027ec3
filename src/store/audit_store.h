// The audit log: who did what to which record, when, and each field's
// old → new value. Written in the same transaction as the change it records.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/record_fields.h"
#include "store/paging.h"

namespace edu {

struct AuditEntry {
  int64_t id = 0;
  std::string at;  // UTC, "YYYY-MM-DD HH:MM:SS"
  std::optional<int64_t> user_id;
  std::string username;
  std::string action;  // create, update, view_id_number, login, logout
  std::string entity;  // school, student, teacher, user, session
  std::optional<int64_t> entity_id;
  std::string ip;
  std::vector<FieldChange> changes;
  // Read back only: who acted and what the record is called now.
  std::string user_display_name;
  std::string record_name;  // the school, person, class, area, account or exam; "" for others
};

Status record_audit(Database& db, const AuditEntry& entry);
// Many entries at once, each as record_audit writes it (`at` the same for
// all: the transaction's time on PostgreSQL, the moment of this call on
// SQLite), in order: ids from Database::next_ids, then the entries and their
// field changes through bulk_insert (COPY on PostgreSQL). Inside a
// Transaction only.
Status record_audits(Database& db, const std::vector<AuditEntry>& entries);

struct AuditFilter {
  std::string entity;
  std::optional<int64_t> entity_id;
  std::string username{};       // exactly this account
  std::string action{};
  std::string from{}, to{};     // dates "YYYY-MM-DD" (UTC, as `at`), both ends included
  bool include_sessions = true;  // login/logout rows (entity "session")
};

// Every entry that changed a field of one record (entity, id), oldest first,
// each with its field changes: one read, whatever the number of entries.
// (Reads and logins carry no field change and are not listed.)
Result<std::vector<AuditEntry>> record_changes(Database& db, const std::string& entity, int64_t entity_id);

Result<Page<AuditEntry>> list_audit(Database& db, const AuditFilter& filter, PageRequest page);

}  // namespace edu
