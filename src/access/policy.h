// Access control, decided in this one place: the roles, what each may do to
// which kind of record, and the Scope (area or school) its reads are limited
// to. Handlers ask here; the store applies the Scope to every query.
#pragma once

#include <string>
#include <vector>

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
// kExam: exams and their results (read by every role, shown within its scope);
// kExamScores/kExamExemption: score sheets and 免考 requests (a school admin for
// their own school); kExamIntegrity: the integrity report (bureau, area, inspectors).
enum class Entity { kSchool, kStudent, kTeacher, kConditions, kUser, kAudit, kStatistics, kBalancePlan,
                    kExam, kExamScores, kExamExemption, kExamIntegrity };
enum class Action { kRead, kCreate, kUpdate, kRevealIdNumber, kReadHistory };

bool allowed(const User& user, Action action, Entity entity);

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
