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
// set by saving the school (workflow/register_commands.h). Everything is
// audited as the admin's. Any refused row or rollover problem fails the demo,
// naming it. Same county -> the same registers and audit entries (but for
// their times).
//
// `demo --bulk` (load_demo_county), for a county of province scale: the same
// `init`, then the registers of every history year at once — townships,
// schools (所属中心校 included), staff and their teacher_years, classes,
// students, enrolments, conditions, the generator's ids kept — through the bulk
// loader (store/registers_loader.h: one transaction, COPY on PostgreSQL, the
// keys checked once at the end), audited by one entry (导入 of the current
// 学年, each register's row count a field; it also moves registers_version, so
// a cached snapshot is stale) instead of one per row. No rollover runs: the
// years' enrolments are loaded as generated, which is what the imports and
// rollovers write (tests/api/demo_county_test.cpp).
//
// Then both ways run the same steps (write_demo_extras), as the admin: the 划片
// and a few second records of students (demo/check_findings.h) for 数据核查 to
// find, by the imports; the 学籍异动 casework and 交流轮岗 through the case
// engine — so both ways give the same registers — and, with `titles` (the
// import way), 职称评聘, whose appointments are written one by one with their
// audit entries (minutes at province scale).
#pragma once

#include "demo/generator.h"
#include "workflow/user_commands.h"

namespace edu {

// Precondition: a migrated database without a county.
Status write_demo_county(Database& db, const demo::DemoCounty& county,
                         const demo::DemoSettings& settings, const NewUser& admin);

// Precondition: a migrated database without a county. `county.areas`' root
// is taken out for the load and put back (init writes the root).
Status load_demo_county(Database& db, demo::DemoCounty& county, const demo::DemoSettings& settings,
                        const NewUser& admin);

// Precondition: the county written by one of the two above, `admin` its admin.
Status write_demo_extras(Database& db, const demo::DemoCounty& county, const demo::DemoSettings& settings,
                         const NewUser& admin, bool titles);

// The county's five-year 继续教育 history (demo/training.h) for the teachers
// and schools of `county` as the database holds them, in one transaction.
Status write_demo_training(Database& db, const Registers& county, const demo::DemoSettings& settings);

}  // namespace edu
