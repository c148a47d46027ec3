// 核定岗位 per school (职称评聘): the posts table of a reader's scope
// (analytics/title_posts.h on the store's rows) and the bureau's setting of
// the approved numbers.
//  - Read by the bureau (every school), area officers (their area's) and
//    school admins (their school); others are refused. 核定 is the school
//    year's. 已聘, 空缺 and 高职低聘: for the present school year (or a later
//    one) from the register's teachers and their present appointments; for
//    a past year from the teachers the staff history shows at each school
//    that year and the appointment in force on the year's last day (31
//    August): store/title_store.h list_title_holders_in_year.
//  - set_title_posts: the bureau only; each row a school of the county, a
//    level (高级 一级 二级 三级) and a whole number 0–10000; all rows or none,
//    each change audited (old and new number).
#pragma once

#include <vector>

#include "access/policy.h"
#include "analytics/title_posts.h"
#include "store/title_store.h"

namespace edu {

struct TitlePosts {
  int school_year = 0;
  std::vector<PostSchool> schools;       // the rows, in order
  analytics::titles::PostsTable table;   // schools in the same order
};

// The table for the schools of `scope` (no access check: the engine's vacancy check).
Result<TitlePosts> read_title_posts(Database& db, const Scope& scope, int school_year);
Result<TitlePosts> title_posts(Database& db, const Actor& actor, int school_year);
Status set_title_posts(Database& db, const Actor& actor, int school_year, const std::vector<SchoolPost>& posts);

}  // namespace edu
