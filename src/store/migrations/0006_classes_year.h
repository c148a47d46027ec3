// Migration 6: the current school year is the highest classes.school_year
// (store/school_year_store.h), read on every request that needs it.
#pragma once

namespace edu {

inline constexpr const char* kMigration0006ClassesYear = R"SQL(
CREATE INDEX classes_year ON classes(school_year);
)SQL";

}  // namespace edu
