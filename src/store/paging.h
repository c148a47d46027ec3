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
  int64_t page = 1;   // 1-based, 1..kMaxPage
  int64_t size = 20;  // 1..kMaxPageSize
  static constexpr int64_t kMaxPageSize = 200;
  // Past any register's end, and small enough that (page - 1) * size never overflows.
  static constexpr int64_t kMaxPage = 1'000'000;
};

template <class T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
  int64_t page = 1;
  int64_t size = 20;
};

// A paged list: rows of `table` (with its alias, e.g. "students st") chosen by
// a WHERE on that table alone, shown with `columns` from `table` + `joins`.
// The WHERE is evaluated without the joins, both for COUNT(*) and for picking
// the page's keys, so counting and deep pages stay cheap on large registers.
struct PagedQuery {
  std::string columns;
  std::string table;  // "students st"
  std::string key;    // "st.id"
  std::string joins;  // "JOIN schools sc ON sc.id = st.school_id …"
  std::string order;  // "st.id"
};

template <class T>
Result<Page<T>> fetch_page(Database& db, const PagedQuery& q, const SqlWhere& where,
                           PageRequest request, const std::function<T(const Row&)>& convert) {
  Page<T> page;
  page.page = request.page;
  page.size = request.size;
  auto count = db.query("SELECT COUNT(*) FROM " + q.table + " WHERE " + where.sql, where.params);
  if (!count.ok()) return count.status();
  page.total = count->front().integer(0);
  std::vector<Value> params = where.params;
  params.push_back(request.size);
  params.push_back((request.page - 1) * request.size);
  auto rows = db.query("SELECT " + q.columns + " FROM " + q.table + " " + q.joins + " WHERE " +
                           q.key + " IN (SELECT " + q.key + " FROM " + q.table + " WHERE " +
                           where.sql + " ORDER BY " + q.order + " LIMIT ? OFFSET ?) ORDER BY " +
                           q.order,
                       params);
  if (!rows.ok()) return rows.status();
  page.items.reserve(rows->size());
  for (const Row& row : *rows) page.items.push_back(convert(row));
  return page;
}

}  // namespace edu
