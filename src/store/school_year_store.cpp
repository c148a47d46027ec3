#include "store/school_year_store.h"

#include "store/area_store.h"

namespace edu {

Result<int> current_school_year(Database& db) {
  auto rows = db.query("SELECT MAX(school_year) FROM classes");
  if (!rows.ok()) return rows.status();
  if (!rows->front().is_null(0)) return static_cast<int>(rows->front().integer(0));
  auto setting = get_setting(db, "school_year", "2026");
  if (!setting.ok()) return setting.status();
  try {
    return std::stoi(*setting);
  } catch (const std::exception&) {
    return Status::Error("config", "设置“school_year”的值“" + *setting + "”不是年份");
  }
}

}  // namespace edu
