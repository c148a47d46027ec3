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
  // "" for the list's own order; else "key" (ascending) or "-key"
  // (descending), key one of the list's PagedQuery::sorts — anything else is
  // refused, never put into SQL.
  std::string sort{};
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

// A column a list may be sorted by: the name the API accepts and the SQL
// expression over PagedQuery::table (alone, without the joins) it stands for.
struct SortKey {
  const char* name;
  const char* sql;
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
  std::string order;  // "st.id": the order when unsorted, and the tie-break after a sort key
  std::vector<SortKey> sorts{};  // the keys PageRequest::sort may name
};

// The ORDER BY for `sort` (PageRequest::sort) over `q`: the whitelisted
// expression, then q.order. An unknown key is a 400 naming the choices.
inline Result<std::string> order_by(const PagedQuery& q, const std::string& sort) {
  if (sort.empty()) return q.order;
  const bool descending = sort[0] == '-';
  const std::string name = descending ? sort.substr(1) : sort;
  std::string choices;
  for (const SortKey& k : q.sorts) {
    if (name == k.name) return std::string(k.sql) + (descending ? " DESC, " : ", ") + q.order;
    choices += (choices.empty() ? "" : "、") + std::string(k.name);
  }
  return Status::Error("bad_request",
                       q.sorts.empty() ? std::string("该列表不能排序")
                                       : "只能按以下列排序:" + choices + "(前加“-”为降序)",
                       "sort");
}

template <class T>
Result<Page<T>> fetch_page(Database& db, const PagedQuery& q, const SqlWhere& where,
                           PageRequest request, const std::function<T(const Row&)>& convert) {
  auto order = order_by(q, request.sort);
  if (!order.ok()) return order.status();
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
                           where.sql + " ORDER BY " + *order + " LIMIT ? OFFSET ?) ORDER BY " +
                           *order,
                       params);
  if (!rows.ok()) return rows.status();
  page.items.reserve(rows->size());
  for (const Row& row : *rows) page.items.push_back(convert(row));
  return page;
}

}  // namespace edu
