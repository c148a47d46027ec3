// `edubureau demo` writes its county the way a bureau builds its own, through
// the same code: `init` (workflow/county_setup.h) creates the county and its
// first 教育局管理员; as that admin, the register imports
// (workflow/register_import.h, apply_import with the rows of
// demo/register_years.h as sheets) enter the townships, schools, and then the
// first history year's staff, classes, students and conditions, and its
// status changes; each later history year is opened by the 学年升级
// (workflow/rollover.h, committed) and then gets its new staff, entry-grade
// classes, entrants and transfers in, conditions and status changes by the
// same imports. A 教学点's 所属中心校 (no column of the school register) is
// set by saving the school (workflow/register_commands.h). Last, a few second
// records of students (demo/check_findings.h) for 数据核查 to find. Everything is
// audited as the admin's. Any refused row or rollover problem fails the demo,
// naming it. Same county -> the same registers and audit entries (but for
// their times).
#pragma once

#include "demo/generator.h"
#include "workflow/user_commands.h"

namespace edu {

// Precondition: a migrated database without a county.
Status write_demo_county(Database& db, const demo::DemoCounty& county,
                         const demo::DemoSettings& settings, const NewUser& admin);

// The county's five-year 继续教育 history (demo/training.h) for the teachers
// and schools of `county` as the database holds them, in one transaction.
Status write_demo_training(Database& db, const Registers& county, const demo::DemoSettings& settings);

}  // namespace edu
