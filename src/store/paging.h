// Server-side paging: one COUNT and one LIMIT/OFFSET query over the same
// FROM … WHERE, so every list endpoint pages the same way.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/scope.h"

namespace edu {

struct PageRequest {
  int64_t page = 1;   // 1-based
  int64_t size = 20;  // 1..kMaxPageSize
  static constexpr int64_t kMaxPageSize = 200;
};

template <class T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
  int64_t page = 1;
  int64_t size = 20;
};

// Runs "SELECT <columns> FROM <from> WHERE <where> ORDER BY <order> LIMIT/OFFSET"
// and the matching COUNT(*); converts each row with `convert`.
template <class T>
Result<Page<T>> fetch_page(Database& db, const std::string& columns, const std::string& from,
                           const SqlWhere& where, const std::string& order, PageRequest request,
                           const std::function<T(const Row&)>& convert) {
  Page<T> page;
  page.page = request.page;
  page.size = request.size;
  auto count = db.query("SELECT COUNT(*) FROM " + from + " WHERE " + where.sql, where.params);
  if (!count.ok()) return count.status();
  page.total = count->front().integer(0);
  std::vector<Value> params = where.params;
  params.push_back(request.size);
  params.push_back((request.page - 1) * request.size);
  auto rows = db.query("SELECT " + columns + " FROM " + from + " WHERE " + where.sql +
                           " ORDER BY " + order + " LIMIT ? OFFSET ?",
                       params);
  if (!rows.ok()) return rows.status();
  page.items.reserve(rows->size());
  for (const Row& row : *rows) page.items.push_back(convert(row));
  return page;
}

}  // namespace edu
