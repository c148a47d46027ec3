#include "analytics/whatif.h"

#include <algorithm>

namespace edu::analytics {
namespace {

Status invalid(std::string message, std::string field = "") {
  return Status::Error("validation", std::move(message), std::move(field));
}

Result<int> school_of(const BalanceModel& m, int64_t id) {
  int school = m.snapshot().school_index(id);
  if (school < 0) return invalid("学校(编号 " + std::to_string(id) + ")不存在");
  return school;
}

Result<int> unit_for(const BalanceModel& m, int64_t school_id, Section section) {
  auto school = school_of(m, school_id);
  if (!school.ok()) return school.status();
  int unit = m.unit_of(*school, section);
  if (unit < 0)
    return invalid(m.snapshot().schools[*school].name + "没有参加评估的" + section_name(section) +
                   "学段");
  return unit;
}

bool matches(const Snapshot& s, int t, const TeacherMoveDraft& d) {
  const auto& T = s.teachers;
  if (!d.subject.empty() && subjects().values[T.subject[t]] != d.subject) return false;
  if (d.backbone.empty()) return true;
  if (d.backbone == "骨干") return T.is_backbone(t);
  return T.backbone_level(t) == d.backbone;
}

std::string describe(const TeacherMoveDraft& d) {
  std::string what = d.subject.empty() ? "" : d.subject;
  if (!d.backbone.empty()) what += (d.backbone == "骨干" ? "骨干" : d.backbone + "骨干");
  return what + "专任教师";
}

Status apply_move(WhatIf& w, const TeacherMoveDraft& d) {
  auto section = section_from_name(d.section);
  if (!section) return invalid("学段须为小学或初中");
  if (d.count <= 0 || d.count > DraftLimits::kMaxTeachers)
    return invalid("调动人数须为1到" + std::to_string(DraftLimits::kMaxTeachers) + "之间的整数", "count");
  if (d.from_school_id == d.to_school_id) return invalid("调出学校与调入学校相同");
  auto from = unit_for(w.after, d.from_school_id, *section);
  if (!from.ok()) return from.status();
  auto to = unit_for(w.after, d.to_school_id, *section);
  if (!to.ok()) return to.status();
  if (!w.after.teachers_known()) return invalid("该学年没有教师数据,无法模拟教师调动");
  std::vector<int> pool;
  for (int t : w.after.units()[*from].teachers)
    if (matches(w.after.snapshot(), t, d)) pool.push_back(t);
  if (static_cast<int>(pool.size()) < d.count)
    return invalid(w.after.snapshot().schools[w.after.units()[*from].school].name + d.section +
                   "符合条件的" + describe(d) + "只有" + std::to_string(pool.size()) + "人,不足" +
                   std::to_string(d.count) + "人");
  std::sort(pool.begin(), pool.end());
  for (int i = 0; i < d.count; ++i) {
    Status s = w.after.move_teacher(pool[i], *from, *to);
    if (!s.ok()) return s;
    w.moved.push_back({pool[i], *from, *to});
  }
  w.touched_units.push_back(*from);
  w.touched_units.push_back(*to);
  return Status::Ok();
}

Status apply_addition(WhatIf& w, const ConditionsDraft& d) {
  auto school = school_of(w.after, d.school_id);
  if (!school.ok()) return school.status();
  const struct {
    const char* key;
    const char* label;
    double value, max;
  } amounts[] = {
      {"teaching_area", "教学及辅助用房面积(平方米)", d.teaching_area, DraftLimits::kMaxArea},
      {"sports_area", "体育运动场馆面积(平方米)", d.sports_area, DraftLimits::kMaxArea},
      {"equipment_value", "教学仪器设备值(元)", d.equipment_value, DraftLimits::kMaxEquipmentValue},
      {"multimedia_rooms", "网络多媒体教室(间)", d.multimedia_rooms, DraftLimits::kMaxRooms}};
  for (const auto& a : amounts) {
    const std::string max = std::to_string(static_cast<int64_t>(a.max));
    if (!(a.value >= 0 && a.value <= a.max))  // NaN fails too
      return invalid(std::string("增加的") + a.label + "须在0到" + max + "之间", a.key);
  }
  bool any = false;
  for (Section section : {Section::kPrimary, Section::kJunior}) {
    int unit = w.after.unit_of(*school, section);
    if (unit < 0) continue;
    double share = w.after.units()[unit].school_share;
    Quantities delta{};
    at(delta, Quantity::kTeachingArea) = d.teaching_area * share;
    at(delta, Quantity::kSportsArea) = d.sports_area * share;
    at(delta, Quantity::kEquipment) = d.equipment_value * share;
    at(delta, Quantity::kMultimediaRooms) = d.multimedia_rooms * share;
    w.after.change(unit, delta);
    w.touched_units.push_back(unit);
    any = true;
  }
  if (!any) return invalid(w.after.snapshot().schools[*school].name + "不在均衡评估范围内");
  return Status::Ok();
}

}  // namespace

Result<WhatIf> apply_draft(const BalanceModel& today, const Draft& draft) {
  if (draft.moves.size() + draft.additions.size() > DraftLimits::kMaxChanges)
    return invalid("一次最多拟定" + std::to_string(DraftLimits::kMaxChanges) + "项变更", "changes");
  WhatIf w{today, {}, {}};
  for (const auto& move : draft.moves) {
    Status s = apply_move(w, move);
    if (!s.ok()) return s;
  }
  for (const auto& addition : draft.additions) {
    Status s = apply_addition(w, addition);
    if (!s.ok()) return s;
  }
  std::sort(w.touched_units.begin(), w.touched_units.end());
  w.touched_units.erase(std::unique(w.touched_units.begin(), w.touched_units.end()),
                        w.touched_units.end());
  return w;
}

}  // namespace edu::analytics
