#include "cli/demo_users.h"

#include "store/area_store.h"
#include "store/school_store.h"
#include "store/user_store.h"

namespace edu {

NewUser demo_admin() { return {"admin", "教育局管理员", kDemoPassword, role::kBureauAdmin, {}, {}, {}}; }

Result<std::vector<User>> create_demo_users(Database& db, int school_year) {
  auto areas = list_areas(db, Scope::All());
  if (!areas.ok()) return areas.status();
  if (areas->size() < 3) return Status::Error("demo", "演示县的乡镇数量不足");
  const Area& seat = (*areas)[1];   // the county seat township
  const Area& rural = (*areas)[2];
  // The school admin's school: the seat's first 小学; the teacher: a head teacher there.
  SchoolFilter filter;
  filter.area_id = seat.id;
  filter.kind = "小学";
  auto schools = list_schools(db, Scope::All(), filter, {1, 1}, school_year);
  if (!schools.ok()) return schools.status();
  if (schools->items.empty()) return Status::Error("demo", "演示县城区没有小学");
  int64_t school_id = schools->items.front().school.id;
  auto classes = list_classes(db, school_id, school_year);
  if (!classes.ok()) return classes.status();
  std::optional<int64_t> teacher_id;
  for (const ClassView& c : *classes)
    if (c.klass.head_teacher_id && c.student_count > 0) {
      teacher_id = c.klass.head_teacher_id;
      break;
    }
  if (!teacher_id) return Status::Error("demo", "演示学校没有班主任");

  auto admin = find_user(db, demo_admin().username);
  if (!admin.ok()) return admin.status();
  if (!*admin) return Status::Error("demo", "演示县没有教育局管理员");
  std::vector<NewUser> accounts = {
      {"officer", seat.name + "专干", kDemoPassword, role::kAreaOfficer, seat.id, {}, {}},
      {"school_admin", schools->items.front().school.name + "管理员", kDemoPassword,
       role::kSchoolAdmin, {}, school_id, {}},
      {"teacher", "班主任", kDemoPassword, role::kTeacher, {}, school_id, teacher_id},
      {"inspector", rural.name + "督学", kDemoPassword, role::kInspector, rural.id, {}, {}}};
  std::vector<User> users = {**admin};
  for (const NewUser& n : accounts) {
    auto u = create_user(db, nullptr, n);
    if (!u.ok()) return u.status();
    users.push_back(*u);
  }
  return users;
}

}  // namespace edu
