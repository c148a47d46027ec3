// Migration 20: 薄弱学校 (DOMAIN.md "Teachers' work": rural service counts
// years "在乡村学校或薄弱学校任教"). schools.weak is 1 for a school the
// bureau has marked 薄弱, 0 (the default, every existing school) otherwise;
// ADD COLUMN … DEFAULT runs alike on SQLite and PostgreSQL. The flag is the
// school's present one, not kept per year (core/title_eligibility.h).
// Appointments need nothing new: their `since` dates tell which was in force
// in a past school year (workflow/title_posts.h).
#pragma once

namespace edu {

inline constexpr const char* kMigration0020WeakSchools = R"SQL(
ALTER TABLE schools ADD COLUMN weak BIGINT NOT NULL DEFAULT 0;
)SQL";

}  // namespace edu
