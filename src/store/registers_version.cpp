#include "store/registers_version.h"

namespace edu {

Result<int64_t> registers_version(Database& db) {
  // An export reads the registers and changes nothing, so it keeps the cache.
  auto rows = db.query(
      "SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE action NOT IN ('login', 'logout', "
      "'view_id_number', 'export')");
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

}  // namespace edu
