#include "workflow/standing_checks.h"

#include <unordered_map>

#include "store/area_store.h"
#include "store/check_store.h"
#include "store/school_year_store.h"
#include "workflow/workflow_spec.h"

namespace edu {
namespace {

using analytics::CheckPerson;

// The (kind, state) pairs a workflow reaches by an action with `wanted`
// effect (or any effect when `wanted` is kNone).
std::vector<std::pair<std::string, std::string>> states_reached_by(Effect wanted) {
  std::vector<std::pair<std::string, std::string>> out;
  auto matches = [&](Effect e) { return e != Effect::kNone && (wanted == Effect::kNone || e == wanted); };
  for (const WorkflowSpec& w : all_workflows())
    for (const ActionSpec& a : w.actions) {
      if (matches(a.effect)) out.emplace_back(w.kind, a.to);
      if (!a.bypass_setting.empty() && matches(a.bypass_effect)) out.emplace_back(w.kind, a.bypass_to);
    }
  return out;
}

struct Context {
  std::vector<CheckPerson> people;
  std::unordered_map<int64_t, const CheckPerson*> by_id;
  std::map<int64_t, std::string> schools;
  std::set<int64_t> in_scope;

  std::string school(int64_t id) const {
    auto it = schools.find(id);
    return it == schools.end() ? "" : it->second;
  }
  bool sees(std::initializer_list<int64_t> school_ids) const {
    for (int64_t id : school_ids)
      if (in_scope.count(id)) return true;
    return false;
  }
  // A row about `student` (absent records give an empty row).
  CheckRow row(int64_t student) const {
    CheckRow r;
    r.student_id = student;
    if (auto it = by_id.find(student); it != by_id.end()) {
      r.student_name = it->second->name;
      r.school_name = school(it->second->school_id);
      r.status = it->second->status;
      r.student_in_scope = in_scope.count(it->second->school_id) > 0;
    }
    return r;
  }
  int64_t school_of(int64_t student) const {
    auto it = by_id.find(student);
    return it == by_id.end() ? 0 : it->second->school_id;
  }
};

Result<std::vector<CheckRow>> duplicates(const Context& c) {
  std::vector<CheckRow> out;
  for (const analytics::DuplicatePair& p : analytics::duplicate_people(c.people)) {
    if (!c.sees({c.school_of(p.first), c.school_of(p.second)})) continue;
    CheckRow r = c.row(p.first);
    CheckRow other = c.row(p.second);
    if (!r.student_in_scope) std::swap(r, other);
    r.other_student_id = other.student_id;
    r.other_name = other.student_name;
    r.other_school_name = other.school_name;
    r.other_status = other.status;
    r.other_in_scope = other.student_in_scope;
    r.reason = p.reason;
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<CheckRow>> sat_elsewhere(Database& db, const Context& c) {
  auto sittings = exam_sittings(db);
  if (!sittings.ok()) return sittings.status();
  auto exams = exam_names(db);
  if (!exams.ok()) return exams.status();
  std::vector<CheckRow> out;
  for (const analytics::SatElsewhere& s : analytics::sat_elsewhere(c.people, *sittings)) {
    if (!c.sees({s.registered_school_id, s.sat_school_id, c.school_of(s.student_id)})) continue;
    CheckRow r = c.row(s.student_id);
    r.school_name = c.school(s.registered_school_id);
    r.other_school_name = c.school(s.sat_school_id);
    r.reason = "学籍在" + r.school_name + ",在" + r.other_school_name + "参加考试";
    for (int64_t exam : s.exam_ids) r.detail += (r.detail.empty() ? "" : "、") + (*exams)[exam];
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<CheckRow>> lost_transfers(Database& db, const Context& c, const Date& today) {
  analytics::LostTransferInput in;
  in.today = today;
  auto days = get_setting(db, kTransferConfirmDaysSetting, "30");
  if (!days.ok()) return days.status();
  try {
    in.max_days = std::stoi(*days);
  } catch (const std::exception&) {
    return Status::Error("invalid_setting", "设置“转出确认期限(天)”应为整数,现为“" + *days + "”");
  }
  auto done = cases_in_states(db, states_reached_by(Effect::kMoveStudent));
  if (!done.ok()) return done.status();
  in.done_transfers = *done;
  auto confirming = cases_in_states(db, states_reached_by(Effect::kNone));
  if (!confirming.ok()) return confirming.status();
  for (const analytics::DoneTransfer& t : *confirming) in.confirmed.insert(t.student_id);
  auto year = current_school_year(db);
  if (!year.ok()) return year.status();
  auto left = left_on(db, *year);
  if (!left.ok()) return left.status();
  in.left_on = std::move(*left);
  std::vector<CheckRow> out;
  for (const analytics::LostTransfer& t : analytics::lost_transfers(c.people, in)) {
    if (!c.sees({c.school_of(t.student_id), t.target_school_id})) continue;
    CheckRow r = c.row(t.student_id);
    r.other_school_name = c.school(t.target_school_id);
    r.reason = t.reason;
    r.detail = t.case_id ? "事项编号 " + std::to_string(t.case_id)
                         : "自" + t.left_on + "转出,已" + std::to_string(t.days) + "天";
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

const std::vector<CheckKind>& check_kinds() {
  static const std::vector<CheckKind> kinds = {
      {"duplicates", "重复学籍",
       "同一人有两条学籍:姓名、出生日期、性别都相同,或姓名相同且身份证号前17位仅一位不同"},
      {"sat_elsewhere", "人籍分离/附读", "在读学生在学籍所在学校以外的学校参加了考试"},
      {"lost_transfers", "转出未到",
       "县内转学已办结但转入学校无在读记录;或转出超过期限仍未确认去向(全县无在读记录、无办结的异动事项)"}};
  return kinds;
}

const CheckKind* find_check_kind(const std::string& key) {
  for (const CheckKind& k : check_kinds())
    if (k.key == key) return &k;
  return nullptr;
}

Result<std::vector<std::vector<CheckRow>>> run_checks(Database& db, const Actor& actor,
                                                      const std::vector<std::string>& kinds, const Date& today) {
  if (!allowed(actor.user, Action::kRead, Entity::kCheck))
    return Status::Error("forbidden", "数据核查仅供教育局、乡镇专干和学校管理员使用");
  for (const std::string& kind : kinds)
    if (!find_check_kind(kind)) return Status::Error("not_found", "没有“" + kind + "”这项核查");
  Context c;
  auto people = check_people(db);
  if (!people.ok()) return people.status();
  c.people = std::move(*people);
  for (const CheckPerson& p : c.people) c.by_id[p.id] = &p;
  auto schools = school_names(db);
  if (!schools.ok()) return schools.status();
  c.schools = std::move(*schools);
  auto scoped = school_ids_in(db, actor.scope);
  if (!scoped.ok()) return scoped.status();
  c.in_scope = std::move(*scoped);
  std::vector<std::vector<CheckRow>> out;
  for (const std::string& kind : kinds) {
    auto rows = kind == "duplicates"      ? duplicates(c)
                : kind == "sat_elsewhere" ? sat_elsewhere(db, c)
                                          : lost_transfers(db, c, today);
    if (!rows.ok()) return rows.status();
    out.push_back(std::move(*rows));
  }
  return out;
}

}  // namespace edu
