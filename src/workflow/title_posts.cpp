#include "workflow/title_posts.h"

#include <algorithm>

#include "core/title_eligibility.h"
#include "store/school_store.h"
#include "store/school_year_store.h"
#include "workflow/change_log.h"

namespace edu {

Result<TitlePosts> read_title_posts(Database& db, const Scope& scope, int school_year) {
  TitlePosts out;
  out.school_year = school_year;
  auto schools = list_post_schools(db, scope);
  if (!schools.ok()) return schools.status();
  auto posts = list_posts(db, scope, school_year);
  if (!posts.ok()) return posts.status();
  auto current = current_school_year(db);
  if (!current.ok()) return current.status();
  auto holders = school_year < *current ? list_title_holders_in_year(db, scope, school_year)
                                        : list_title_holders(db, scope);
  if (!holders.ok()) return holders.status();
  std::vector<int64_t> ids;
  for (const PostSchool& s : *schools) ids.push_back(s.id);
  std::vector<analytics::titles::Post> ps;
  for (const SchoolPost& p : *posts) ps.push_back({p.school_id, p.level, p.approved});
  std::vector<analytics::titles::Holder> hs;
  for (const TitleHolder& h : *holders) {
    const auto& a = h.appointment;
    hs.push_back(analytics::titles::holder_of(h.teacher_id, h.school_id, h.register_title, a.has_value(),
                                              a ? a->title_level : "", a ? a->post_level : "",
                                              a ? a->status : ""));
  }
  out.schools = std::move(*schools);
  out.table = analytics::titles::posts_table(ids, ps, hs);
  return out;
}

Result<TitlePosts> title_posts(Database& db, const Actor& actor, int school_year) {
  if (!allowed(actor.user, Action::kRead, Entity::kTitle))
    return Status::Error("forbidden", "职称评聘仅供教育局、乡镇(学区)和学校管理员查看");
  return read_title_posts(db, actor.scope, school_year);
}

Status set_title_posts(Database& db, const Actor& actor, int school_year, const std::vector<SchoolPost>& posts) {
  if (!actor.user.active || actor.user.role != role::kBureauAdmin)
    return Status::Error("forbidden", "核定岗位由教育局设置");
  if (school_year < 2000 || school_year > 2100)
    return Status::Error("validation", "学年应为2000–2100之间的年份", "school_year");
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  for (size_t i = 0; i < posts.size(); ++i) {
    SchoolPost p = posts[i];
    const std::string row = "第" + std::to_string(i + 1) + "行:";
    const auto& levels = post_levels();
    if (std::find(levels.begin(), levels.end(), p.level) == levels.end())
      return Status::Error("validation", row + "岗位等级应为高级、一级、二级或三级", "level");
    if (p.approved < 0 || p.approved > 10000)
      return Status::Error("validation", row + "核定岗位数应为0–10000的整数", "approved");
    auto school = find_school_by_id(db, p.school_id);
    if (!school.ok()) return school.status();
    if (!*school) return Status::Error("validation", row + "学校不存在", "school_id");
    p.school_year = school_year;
    auto before = list_posts(db, Scope::All(), school_year, p.school_id);
    if (!before.ok()) return before.status();
    std::string old;
    for (const SchoolPost& b : *before)
      if (b.level == p.level) old = std::to_string(b.approved);
    Status s = set_post(db, p);
    if (!s.ok()) return s;
    s = audit(db, &actor, "update", Entity::kTitle, p.school_id,
              {{"school_id", "", (*school)->name},
               {"school_year", "", std::to_string(school_year)},
               {"核定岗位·" + p.level, old, std::to_string(p.approved)}});
    if (!s.ok()) return s;
  }
  return tx.commit();
}

}  // namespace edu
