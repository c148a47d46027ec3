// Page anchors: what a register list's pages need that stays true until the
// registers change — the exact total of the filtered list and, for a list in
// its key order, the key at every stride-th position — kept per registers
// version (store/registers_version.h), so a request neither recounts millions
// of rows nor skips them with OFFSET (store/paging.h's fetch_page reads a page
// at offset o from anchor o / stride, skipping only o % stride keys).
//
// What is kept, and for how long:
//  - one entry per key — the database's location (Database::location), the
//    list's table, WHERE text, parameters and whether anchors are wanted —
//    holding the version it was computed at. A request at that version uses
//    it; at a newer version it is computed again; a request at an older
//    version (one that raced a write) computes its own and keeps nothing.
//  - concurrent requests for the same missing entry compute it once: the
//    first computes, the others wait for its result. No lock is held while an
//    entry is computed, so other entries are never held up.
//  - at most `capacity` entries, the least recently used dropped first; a key
//    longer than kMaxKeyBytes (a list of many ids: cheap to count) is never
//    kept. An entry's anchors are total / stride keys (3.6 k for 3.6 M rows).
//  - a failed computation is returned to its waiters and not kept.
//
// Why a version is enough: every write to the register tables the lists read
// (students, teachers, schools, classes, enrolments, teacher_years, areas) —
// the register commands and imports, the status-change cases, classes, areas,
// title appointments, teacher exchanges, the school-year rollover — writes its
// audit entry in the same transaction, and writes are serialized (SQLite's one
// writer; PostgreSQL's advisory lock in Database::begin), so the version moves
// with every committed change. Two writers are not audited, and forget the
// entries themselves: the bulk loader (load_registers, for fixtures and
// benchmarks) forgets its database's entries when it commits, and opening a
// connection (open_database) forgets its location's, so a database made anew at
// the same place (a test's fresh database) never meets an old entry. A
// restore (Database::restore_from) replaces a database whose servers are
// stopped; their restart opens new connections.
//
// Only lists whose every row change moves the version may be kept here: not
// the audit log (its own rows), not the import problems.
#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace edu {

struct PageAnchors {
  int64_t total = 0;
  // keys[i]: the key at position i * stride of the list in key order; empty
  // when only the total was asked for.
  std::vector<int64_t> keys;
};

class PageAnchorCache {
 public:
  static constexpr size_t kMaxKeyBytes = 4096;

  PageAnchorCache(int64_t stride, size_t capacity) : stride_(stride), capacity_(capacity) {}
  // The process's cache: a stride of 1000 keys, 256 entries.
  static PageAnchorCache& shared();

  int64_t stride() const { return stride_; }

  // The entry for `key` of database `location` at `version`, computed by
  // `compute` when it is not kept at that version. `location` "" (a private
  // in-memory database) is never kept.
  Result<std::shared_ptr<const PageAnchors>> get(const std::string& location, const std::string& key,
                                                int64_t version,
                                                const std::function<Result<PageAnchors>()>& compute);
  // Drops every entry of `location`.
  void forget(const std::string& location);
  size_t size();

 private:
  struct Entry;
  using Computed = Result<std::shared_ptr<const PageAnchors>>;

  const int64_t stride_;
  const size_t capacity_;
  std::mutex mutex_;
  std::list<std::string> recent_;  // keys, most recently used first
  std::unordered_map<std::string, std::shared_ptr<Entry>> entries_;
};

}  // namespace edu
