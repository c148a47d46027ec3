// 职称评聘 on the case engine (workflow/title_workflow.cpp declares the
// workflow) and the appointment's own commands. Every write is audited and
// runs in one transaction (the engine's, for a case's action).
//  - check_title_application (the opening's rule): the teacher may apply for
//    the level (core/title_eligibility.h) under the county's rules
//    title_years_required.<level>, title_rural_years_required and
//    title_training_hours_required (workflow/county_rules.h: defaults and
//    bounds; a stored value out of them is "config"); refused naming each
//    condition not met.
//  - enter_title_round (the opening's effect): the case joins the open round
//    (store/title_store.h); refused when no round is open.
//  - record_title_appointment (the school's answer once the county passed
//    it): 聘任 — only into a vacant post of that level at the teacher's
//    school this school year (refused naming 核定, 已聘 and 空缺 0 —
//    高职低聘 or 缓聘 remain); the register's title (Teacher.title) becomes
//    the level and an appointment row is added, both audited; 高职低聘 and
//    缓聘 — the row keeps the title passed, the post held so far, and the
//    reason; the register is unchanged. Refused when the teacher has left
//    the case's school meanwhile.
//  - dismiss_title (解聘): the bureau, or the admin of the teacher's school,
//    ends the teacher's present post with a reason; the title passed is kept.
//  - teacher_titles: a teacher's present title and post, their appointments
//    and applications, for those who read 职称评聘 and see the teacher.
//  - write_appointment: how every appointment row is written (the steps
//    above, 解聘 and the demo's records): the row and its audit entry
//    (create, 职称评聘, the teacher's id, each field), in the caller's
//    transaction; the caller has checked the actor's right.
#pragma once

#include <nlohmann/json.hpp>

#include "access/policy.h"
#include "analytics/title_posts.h"
#include "core/date.h"
#include "store/case_store.h"
#include "store/teacher_store.h"
#include "store/title_store.h"

namespace edu {

// The states of 职称申报 (title_workflow.cpp), for the report and the demo.
namespace title_state {
inline const std::string kRecommend = "待学校推荐", kReview = "待县级评审", kAwaiting = "待聘任",
                         kDeferred = "缓聘", kAppointed = "已聘任", kLower = "高职低聘", kNotRecommended = "未推荐",
                         kFailed = "评审未通过";
// Passed by the county (评审通过): awaiting, or past, the appointment.
bool passed(const std::string& state);
}  // namespace title_state

Status check_title_application(Database& db, int64_t teacher_id, const std::string& level, const Date& today);
Status enter_title_round(Database& db, const CaseRecord& c, const nlohmann::json& fields);
Status record_title_appointment(Database& db, const Actor& actor, const CaseRecord& c, const std::string& status,
                                const nlohmann::json& fields, const Date& today);
Status dismiss_title(Database& db, const Actor& actor, int64_t teacher_id, const std::string& reason,
                     const std::string& date);
Status write_appointment(Database& db, const Actor& actor, const TitleAppointment& a);

struct TeacherTitles {
  TeacherView teacher;
  analytics::titles::Holder present;
  std::vector<TitleAppointment> appointments;     // oldest first
  std::vector<TitleApplicationRow> applications;  // every round
};
Result<TeacherTitles> teacher_titles(Database& db, const Actor& actor, int64_t teacher_id);

}  // namespace edu
