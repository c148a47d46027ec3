// 划片 (migration 8): which 初中 each 小学 feeds, as stored. The import
// (workflow/register_import.h, kind "catchment") decides what may be written;
// this only reads and writes rows.
#pragma once

#include <vector>

#include "core/model.h"
#include "store/database.h"
#include "store/scope.h"

namespace edu {

struct CatchmentView {
  Catchment catchment;
  std::string school_code, school_name;  // the 小学
  int64_t area_id = 0;                   // the 小学's township
  std::string area_name;
  std::string middle_school_code, middle_school_name;
};

// The rows the scope sees: those whose 小学 or 初中 lies in it, by township
// and 小学 标识码.
Result<std::vector<CatchmentView>> list_catchments(Database& db, const Scope& scope);
// Inserts the 小学's row or replaces its 初中.
Status upsert_catchment(Database& db, const Catchment& catchment);
// The rows of 小学 that have none yet, in one batch through bulk_insert (COPY
// on PostgreSQL); the caller holds the transaction.
Status insert_catchments(Database& db, const std::vector<Catchment>& catchments);

}  // namespace edu
