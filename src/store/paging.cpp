#include "store/paging.h"

#include "store/registers_version.h"

namespace edu {
namespace {

// The list's total and, with a stride, its key at every stride-th position in
// key order: one pass over its keys in key order, streamed (a whole register
// at province scale), keeping only the anchors. Without a stride, a COUNT.
Result<PageAnchors> count_list(Database& db, const PagedQuery& q, const SqlWhere& where, int64_t stride) {
  PageAnchors counted;
  if (!stride) {
    auto rows = db.query("SELECT COUNT(*) FROM " + q.table + " WHERE " + where.sql, where.params);
    if (!rows.ok()) return rows.status();
    counted.total = rows->front().integer(0);
    return counted;
  }
  Status s = db.query_each("SELECT " + q.key + " FROM " + q.table + " WHERE " + where.sql + " ORDER BY " + q.key,
                           where.params, [&](const RowView& row) {
                             if (counted.total % stride == 0) counted.keys.push_back(row.integer(0));
                             ++counted.total;
                             return Status::Ok();
                           });
  if (!s.ok()) return s;
  return counted;
}

// `size` rows of the list from `where`'s `skip`-th on, in `order`.
Result<Rows> rows_from(Database& db, const PagedQuery& q, const SqlWhere& where, const std::string& order,
                       int64_t size, int64_t skip) {
  std::vector<Value> params = where.params;
  params.push_back(size);
  params.push_back(skip);
  return db.query("SELECT " + q.columns + " FROM " + q.table + " " + q.joins + " WHERE " + q.key + " IN (SELECT " +
                      q.key + " FROM " + q.table + " WHERE " + where.sql + " ORDER BY " + order +
                      " LIMIT ? OFFSET ?) ORDER BY " + order,
                  params);
}

// What names one kept entry within a database: the list's FROM … WHERE, its
// parameters (each tagged with its type and length, so no two lists' texts
// meet) and the anchors' stride (0: the total alone).
std::string kept_key(const PagedQuery& q, const SqlWhere& where, int64_t stride) {
  std::string key = q.table + '\0' + where.sql + '\0' + std::to_string(stride);
  for (const Value& v : where.params) {
    std::string text;
    if (auto p = std::get_if<int64_t>(&v)) text = std::to_string(*p);
    else if (auto p = std::get_if<double>(&v)) text = std::string(reinterpret_cast<const char*>(p), sizeof *p);
    else if (auto p = std::get_if<std::string>(&v)) text = *p;
    else if (auto p = std::get_if<Blob>(&v)) text = p->bytes;
    key += '\0' + std::to_string(v.index()) + ':' + std::to_string(text.size()) + ':' + text;
  }
  return key;
}

}  // namespace

Result<Rows> page_rows(Database& db, const PagedQuery& q, const SqlWhere& where, const PageRequest& request,
                       PageAnchorCache& anchors, int64_t& total) {
  auto order = order_by(q, request.sort);
  if (!order.ok()) return order.status();
  const int64_t offset = (request.page - 1) * request.size;
  if (q.total == PagedQuery::Total::kPerRequest) {
    auto counted = count_list(db, q, where, 0);
    if (!counted.ok()) return counted.status();
    total = counted->total;
    return rows_from(db, q, where, *order, request.size, offset);
  }
  const int64_t stride = request.sort.empty() && q.order == q.key ? anchors.stride() : 0;
  auto version = registers_version(db);
  if (!version.ok()) return version.status();
  auto kept = anchors.get(db.location(), kept_key(q, where, stride), *version,
                          [&] { return count_list(db, q, where, stride); });
  if (!kept.ok()) return kept.status();
  total = (*kept)->total;
  if (offset >= total) return Rows{};
  // Within the first stride there is nothing to skip to, and a key bound there
  // made SQLite walk the students by key rather than use an ID-number prefix's
  // index (p50 4.7 → 256 ms in bench/province.sh's id_number mix).
  if (offset < stride || !stride) return rows_from(db, q, where, *order, request.size, offset);
  SqlWhere from = where;
  from.add(q.key + " >= ?", {(*kept)->keys[offset / stride]});
  return rows_from(db, q, from, *order, request.size, offset % stride);
}

}  // namespace edu
