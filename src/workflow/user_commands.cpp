#include "workflow/user_commands.h"

#include "store/area_store.h"
#include "store/password.h"
#include "store/school_store.h"
#include "store/teacher_store.h"
#include "workflow/change_log.h"

namespace edu {
namespace {

Status check_username(const std::string& name) {
  bool ok = name.size() >= 3 && name.size() <= 32;
  for (char c : name)
    ok &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '_' || c == '.' || c == '-';
  if (!ok)
    return Status::Error("validation", "用户名应为3至32位字母、数字、下划线、点或连字符",
                         "username");
  return Status::Ok();
}

// The area, school and teacher a user is linked to must exist and agree.
Status check_links(Database& db, const NewUser& u) {
  if (u.area_id) {
    auto area = get_area(db, *u.area_id);
    if (!area.ok()) return area.status();
    if (!*area) return Status::Error("validation", "所选区域不存在", "area_id");
  }
  if (u.school_id) {
    auto school = get_school(db, Scope::All(), *u.school_id, 0);
    if (!school.ok()) return school.status();
    if (!*school) return Status::Error("validation", "所选学校不存在", "school_id");
  }
  if (u.teacher_id) {
    auto teacher = get_teacher(db, Scope::All(), *u.teacher_id);
    if (!teacher.ok()) return teacher.status();
    if (!*teacher || (*teacher)->teacher.school_id != u.school_id)
      return Status::Error("validation", "所选教职工不属于所选学校", "teacher_id");
  }
  return Status::Ok();
}

}  // namespace

Result<User> add_user(Database& db, const Actor* actor, const NewUser& n) {
  User u;
  u.username = n.username;
  u.display_name = n.display_name.empty() ? n.username : n.display_name;
  u.role = n.role;
  u.area_id = n.area_id;
  u.school_id = n.school_id;
  u.teacher_id = n.teacher_id;
  Status s = check_username(u.username);
  if (s.ok()) s = check_password_strength(n.password, n.username);
  if (s.ok()) s = check_role_links(u);
  if (!s.ok()) return s;
  s = check_links(db, n);
  if (!s.ok()) return s;
  auto existing = find_user(db, u.username);
  if (!existing.ok()) return existing.status();
  if (*existing) return Status::Error("duplicate", "用户名“" + u.username + "”已存在", "username");
  auto hash = hash_password(n.password);
  if (!hash.ok()) return hash.status();
  u.password_hash = *hash;
  auto id = insert_user(db, u);
  if (!id.ok()) return id.status();
  u.id = *id;
  s = audit(db, actor, "create", Entity::kUser, u.id,
                 {{"username", "", u.username}, {"role", "", u.role}});
  if (!s.ok()) return s;
  return u;
}

Result<User> create_user(Database& db, const Actor* actor, const NewUser& n) {
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto u = add_user(db, actor, n);
  if (!u.ok()) return u;
  Status s = tx.commit();
  if (!s.ok()) return s;
  return u;
}

Result<User> update_user(Database& db, const Actor& actor, int64_t user_id, const UserChange& c) {
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto found = get_user(db, user_id);
  if (!found.ok()) return found.status();
  if (!*found) return Status::Error("not_found", "用户不存在");
  const User before = **found;
  User after = before;
  after.display_name = c.display_name.empty() ? before.username : c.display_name;
  after.role = c.role;
  after.area_id = c.area_id;
  after.school_id = c.school_id;
  after.teacher_id = c.teacher_id;
  after.active = c.active;
  if (before.id == actor.user.id && (!after.active || after.role != before.role))
    return Status::Error("forbidden", "不能停用自己的账号或更改自己的角色;请由另一位教育局管理员操作",
                         after.active ? "role" : "active");
  Status s = check_role_links(after);
  if (s.ok()) s = check_links(db, {after.username, after.display_name, "", after.role, after.area_id,
                                   after.school_id, after.teacher_id});
  if (!s.ok()) return s;
  std::vector<FieldChange> changes;
  auto note = [&](const char* key, const std::string& old_value, const std::string& new_value) {
    if (old_value != new_value) changes.push_back({key, old_value, new_value});
  };
  auto id_text = [](const std::optional<int64_t>& id) { return id ? std::to_string(*id) : ""; };
  note("display_name", before.display_name, after.display_name);
  note("role", before.role, after.role);
  note("area_id", id_text(before.area_id), id_text(after.area_id));
  note("school_id", id_text(before.school_id), id_text(after.school_id));
  note("teacher_id", id_text(before.teacher_id), id_text(after.teacher_id));
  note("active", before.active ? "启用" : "停用", after.active ? "启用" : "停用");
  if (changes.empty()) return after;
  s = update_user(db, after);
  if (s.ok() && !after.active) s = delete_sessions_of(db, after.id);
  if (s.ok()) s = audit(db, &actor, "update", Entity::kUser, after.id, changes);
  if (s.ok()) s = tx.commit();
  if (!s.ok()) return s;
  return after;
}

Status change_password(Database& db, const Actor* actor, const std::string& username,
                       const std::string& password) {
  Status s = check_password_strength(password, username);
  if (!s.ok()) return s;
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto user = find_user(db, username);
  if (!user.ok()) return user.status();
  if (!*user) return Status::Error("not_found", "用户“" + username + "”不存在", "username");
  auto hash = hash_password(password);
  if (!hash.ok()) return hash.status();
  s = set_password_hash(db, (*user)->id, *hash);
  if (s.ok()) s = delete_sessions_of(db, (*user)->id);
  if (s.ok()) s = audit(db, actor, "update", Entity::kUser, (*user)->id, {{"password", "", "(已修改)"}});
  if (s.ok()) s = tx.commit();
  return s;
}

}  // namespace edu
