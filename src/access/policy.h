// Access control, decided in this one place: the roles, what each may do to
// which kind of record, and the Scope (area or school) its reads are limited
// to. Handlers ask here; the store applies the Scope to every query.
#pragma once

#include <string>
#include <vector>

#include "core/record_fields.h"
#include "store/scope.h"
#include "store/user_store.h"

namespace edu {

namespace role {
inline const std::string kBureauAdmin = "bureau_admin";
inline const std::string kAreaOfficer = "area_officer";
inline const std::string kSchoolAdmin = "school_admin";
inline const std::string kTeacher = "teacher";
inline const std::string kInspector = "inspector";
}  // namespace role

struct RoleInfo {
  std::string value;
  std::string label;  // 教育局管理员 …
};
const std::vector<RoleInfo>& all_roles();
std::string role_label(const std::string& role);

// kStatistics: the indicators and balance figures (read by every role, scoped);
// kBalancePlan: what-if drafts and the planner (the bureau only).
// kSchoolYear: the school year's rollover (学年升级, kUpdate; the bureau only).
// kExam: exams and their results (read by every role, shown within its scope);
// kExamScores/kExamExemption: score sheets and 免考 requests (a school admin for
// their own school); kExamIntegrity: the integrity report (bureau, area, inspectors).
// kArea: the county's 乡镇(街道) (the bureau's); kClass: a school's classes of a
// school year (a school admin for their own school).
// kCatchment: 划片, which 初中 each 小学 feeds (the bureau's, by import) and the
// 小升初 lists read from it (every role reads, within its scope: a row is seen
// where its 小学 or its 初中 is). kTransition: the 小升初 follow-up lists
// (the bureau all; area officers and inspectors their townships' lists and
// the 初中 in them; a school admin their own 初中's list; not teachers).
// kCheck: the standing checks (数据核查, workflow/standing_checks.h): read by
// the bureau, area officers and school admins, each within their scope.
// kCase: 学籍异动 cases; who acts on one and who sees it is the workflow's own
// rule, relative to the case (workflow/case_engine.h), not the role alone.
// kCaseAttachment: a case's evidence files (workflow/case_attachments.h), by
// the same rule.
// kTrainingCourse / kTrainingRoster: 继续教育 (workflow/training_commands.h):
// every role reads within its scope (store/training_store.h); the bureau
// creates courses of every level, a school admin 校本 courses of their own
// school and records the roster rows of their own teachers only.
// kTitle: 职称评聘 — posts and appointments: read by area officers and school
// admins within their scope; 核定岗位 and rounds are the bureau's (解聘 and the
// workflow's steps are decided by workflow/title_appointment.h).
enum class Entity { kSchool, kStudent, kTeacher, kConditions, kUser, kAudit, kStatistics, kBalancePlan,
                    kExam, kExamScores, kExamExemption, kExamIntegrity, kArea, kClass, kSchoolYear,
                    kCatchment, kTransition, kCase, kCheck, kSetting, kCaseAttachment,
                    kTrainingCourse, kTrainingRoster, kTitle };
enum class Action { kRead, kCreate, kUpdate, kRevealIdNumber, kReadHistory };

bool allowed(const User& user, Action action, Entity entity);

// Field-level write rights: every write is checked field by field — which
// role may set which field, in which scope. allowed() and the scope decide
// whether a user may write a record at all; this decides what they may change
// in a stored one. Keys are core/record_fields.h keys.
//
//   register  教育局管理员  学校管理员 (own school only, by scope)
//   school    every field   address, principal, phone (联系信息); not code, name,
//                           kind, ownership, location, area_id, parent_school_id,
//                           founded_year, weak: the bureau's, they move the school
//                           between officers' views and change the statistics
//                           (weak, 薄弱学校, counts as rural service for 高级:
//                           a school may not mark itself)
//   student   every field   every field but school_id: a student changes school
//                           by a transfer (转出 by the old school, then 转入 by
//                           import into the new one; later a 学籍异动 workflow)
//   teacher   every field   every field but school_id (调动 is the bureau's),
//                           on_staff (编制) and backbone (骨干, conferred by the
//                           county or above)
//   conditions every field  nothing (办学条件: the bureau imports them)
//   area      every field   nothing (乡镇/街道: the bureau's, by import and
//                           PUT /areas/{id}, a rename)
//   catchment every field   nothing (划片: the bureau's, by import)
//   class     name,         name, head_teacher_id (班级名称, 班主任); a class is
//             head_teacher_id created (开设班级, import) by a school admin for their
//                           own school; its school, year, 学段, 年级 and 班号 are
//                           what the class is and never change, not even by the
//                           bureau (identity_fields in policy.cpp)
//
// A new record is the creator's to fill within their scope (a school admin
// creates students and teachers of their own school only), except the fields
// the bureau confers (a teacher's 骨干: 无 on a new record made by anyone
// else); the rights above guard every later change, through the API (workflow/register_commands) and
// the import (workflow/register_import) alike — there a row that moves a
// person to another school is a transfer, decided by the import's own rule.
// No other role updates registers.
// The other write routes need no field rule, as one role sets all they carry:
//   POST /users, /exams, /analytics/whatif, /analytics/plan, PUT /exams/{id}/rewards:
//   the bureau only (allowed()); 免考 is asked and decided on the case engine
//   (workflow/exemption_workflow.cpp), its fields checked there;
//   POST /exams/{id}/scores/…, /imports/…: rows of the uploader's scope only.

// Whether the user may set field `key` (a record_fields key) of a record of
// `entity`: on a new record they create (`creating`) or on a stored one. Ok,
// or a "forbidden" Status naming the field in Chinese and why — what the web
// UI's forms (workflow/record_form.h) show beside a field they leave disabled.
// check_field_rights and check_new_record_rights decide by the same rules.
Status field_right(const User& user, Entity entity, const std::string& key, bool creating);

// The first of `changes` (core/record_fields diff_fields of the stored record
// and the new one) the user may not make on a record of `entity`: a
// "forbidden" Status naming the field in Chinese; Ok when all are allowed.
Status check_field_rights(const User& user, Entity entity, const std::vector<FieldChange>& changes);

// On a record the user creates: the first field the bureau confers (see above)
// given another value than a new record's, as a "forbidden" Status naming it.
Status check_new_record_rights(const User& user, Entity entity, const FieldValues& created);
// Whether check_new_record_rights can refuse any new record of `entity` the
// user creates (false for the bureau, and for an entity without conferred
// fields): an import of 100,000 rows then builds no record's fields for it.
bool new_records_checked(const User& user, Entity entity);

// The records a user may see. A user whose role needs an area or school but
// has none gets an error (a misconfigured account sees nothing).
Result<Scope> scope_of(const User& user);

// Checks the role's needs of area/school/teacher links (for creating users).
Status check_role_links(const User& user);

// Who is acting: the user, their scope and where the request came from.
struct Actor {
  User user;
  Scope scope;
  std::string ip;
};

}  // namespace edu
