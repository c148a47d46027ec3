#include "store/catchment_store.h"

namespace edu {

Result<std::vector<CatchmentView>> list_catchments(Database& db, const Scope& scope) {
  SqlWhere where, primary, middle;
  restrict_schools(primary, scope, "c.school_id");
  restrict_schools(middle, scope, "c.middle_school_id");
  std::vector<Value> params = primary.params;
  params.insert(params.end(), middle.params.begin(), middle.params.end());
  where.add("(" + primary.sql + ") OR (" + middle.sql + ")", std::move(params));
  auto rows = db.query(
      "SELECT c.school_id, c.middle_school_id, p.code, p.name, a.id, a.name, m.code, m.name "
      "FROM catchments c JOIN schools p ON p.id = c.school_id JOIN areas a ON a.id = p.area_id "
      "JOIN schools m ON m.id = c.middle_school_id WHERE " + where.sql +
          " ORDER BY a.code, p.code",
      where.params);
  if (!rows.ok()) return rows.status();
  std::vector<CatchmentView> list;
  for (const Row& r : *rows)
    list.push_back({{r.integer(0), r.integer(1)}, r.text(2), r.text(3), r.integer(4), r.text(5),
                    r.text(6), r.text(7)});
  return list;
}

Status upsert_catchment(Database& db, const Catchment& c) {
  return db.exec(
      "INSERT INTO catchments (school_id, middle_school_id) VALUES (?, ?) "
      "ON CONFLICT (school_id) DO UPDATE SET middle_school_id = excluded.middle_school_id",
      {c.school_id, c.middle_school_id});
}

Status insert_catchments(Database& db, const std::vector<Catchment>& catchments) {
  return insert_all(db, "catchments", {"school_id", "middle_school_id"}, catchments,
                    [](const Catchment& c) -> std::vector<Value> { return {c.school_id, c.middle_school_id}; });
}

}  // namespace edu
