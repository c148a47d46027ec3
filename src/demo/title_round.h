// The demo county's 职称评聘 (workflow/title_workflow.cpp), written through
// the commands and the case engine as the bureau and a school would:
//  - 核定岗位 for every school this school year: at each level as many posts
//    as the register's holders, one more 一级 post at every third school;
//  - each titled teacher's appointment as recorded (聘任 at their title,
//    since a 1 September three to eight years back), each with the audit
//    entry the real appointments get (workflow/title_appointment.h
//    write_appointment), as the bureau;
//  - an open round with applications for 一级 at the first 小学 (the demo
//    school admin's), as many as its eligible 二级 teachers allow, in this
//    order of states: one appointed into its one vacancy, one passed by the
//    county with no post left (待聘任: more passed than posts), a 高职低聘,
//    one at the county, one at the school, one not recommended, one failed,
//    a 缓聘, another 待聘任.
#pragma once

#include "core/date.h"
#include "store/database.h"

namespace edu::demo {

Status write_demo_titles(Database& db, const Date& today);

}  // namespace edu::demo
