// Server-side paging: every list endpoint pages the same way, through
// fetch_page — the total of the list's FROM … WHERE and one page of it, picked
// by its keys. A list over the registers (PagedQuery::total
// kPerRegistersVersion) takes its total, and in its key order the anchors its
// deep pages start from, from store/page_anchors.h, computed once per
// registers version; any other list counts on every request and skips to its
// page with OFFSET.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/page_anchors.h"
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
  // kPerRegistersVersion only for a list whose every row change is an audited
  // register write (store/page_anchors.h says which): its total, and when it
  // is in key order (order == key, unsorted) its anchors, are kept per
  // registers version. kPerRequest: counted on every request.
  enum class Total { kPerRequest, kPerRegistersVersion };
  Total total = Total::kPerRequest;
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

// The rows of `request`'s page of `q` filtered by `where` (q.columns, in the
// page's order) and the list's total; past the end, no rows. `anchors` keeps
// the totals and anchors of register lists (its shared() one but in tests).
Result<Rows> page_rows(Database& db, const PagedQuery& q, const SqlWhere& where, const PageRequest& request,
                       PageAnchorCache& anchors, int64_t& total);

template <class T>
Result<Page<T>> fetch_page(Database& db, const PagedQuery& q, const SqlWhere& where,
                           PageRequest request, const std::function<T(const Row&)>& convert,
                           PageAnchorCache& anchors = PageAnchorCache::shared()) {
  Page<T> page;
  page.page = request.page;
  page.size = request.size;
  auto rows = page_rows(db, q, where, request, anchors, page.total);
  if (!rows.ok()) return rows.status();
  page.items.reserve(rows->size());
  for (const Row& row : *rows) page.items.push_back(convert(row));
  return page;
}

}  // namespace edu
