#include "workflow/case_engine.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/area_store.h"
#include "store/school_store.h"
#include "store/school_year_store.h"
#include "store/student_store.h"
#include "workflow/change_log.h"

namespace edu {
namespace {

using Json = nlohmann::json;

std::vector<Party> parties_of(const User& user, const CaseRecord& c) {
  std::vector<Party> out;
  if (!user.active) return out;
  if (user.role == role::kBureauAdmin) out.push_back(Party::kBureau);
  if (user.role == role::kSchoolAdmin && user.school_id) {
    if (*user.school_id == c.school_id) out.push_back(Party::kSendingSchool);
    if (*user.school_id == c.target_school_id) out.push_back(Party::kReceivingSchool);
  }
  // The engine hands an area officer only cases in their area (visible_case,
  // list_box; open_case's child field is read in their scope).
  if (user.role == role::kAreaOfficer && user.area_id) out.push_back(Party::kTownship);
  if (std::find(out.begin(), out.end(), Party::kSendingSchool) != out.end() ||
      std::find(out.begin(), out.end(), Party::kTownship) != out.end())
    out.push_back(Party::kSchoolOrTownship);
  return out;
}

bool is_party(const User& user, const CaseRecord& c, Party party) {
  for (Party p : parties_of(user, c))
    if (p == party) return true;
  return false;
}

const char* party_label(Party party) {
  switch (party) {
    case Party::kSendingSchool: return "转出学校";
    case Party::kReceivingSchool: return "转入学校";
    case Party::kBureau: return "教育局";
    case Party::kTownship: return "学生所在学校的乡镇(街道)";
    case Party::kSchoolOrTownship: return "学生所在学校或其乡镇(街道)";
    case Party::kNone: return "";
  }
  return "";
}

std::string due_on(const StateSpec& state, const ActionSpec& action, const nlohmann::json& given,
                   const Date& today) {
  if (state.terminal) return "";
  if (!action.due_field.empty()) return given.value(action.due_field, std::string());
  if (state.deadline_days <= 0) return "";
  return add_days(today, state.deadline_days).iso();
}

std::vector<std::string> closed_states(const WorkflowSpec& w) {
  std::vector<std::string> out;
  for (const StateSpec& s : w.states)
    if (s.terminal) out.push_back(s.key);
  return out;
}

int64_t id_field(const std::map<std::string, std::string>& fields, const std::string& key) {
  auto it = fields.find(key);
  return it == fields.end() ? 0 : std::stoll(it->second);
}

// Each field the action declares: given when required, and what its type
// says (a student of the actor's school, 在读; another school; a class of the
// receiving school in the current year; a date).
Status check_fields(Database& db, const Actor& actor, const ActionSpec& action, const CaseRecord& c,
                    const ActionInput& input) {
  for (const FieldSpec& f : action.fields) {
    auto it = input.fields.find(f.key);
    if (it == input.fields.end() || it->second.empty()) {
      if (f.required) return Status::Error("validation", "请填写“" + f.label + "”", f.key);
      continue;
    }
    const std::string& v = it->second;
    if (f.type == "date") {
      if (!parse_iso_date(v))
        return Status::Error("validation", "“" + f.label + "”应为有效日期(YYYY-MM-DD)", f.key);
    } else if (f.type == "student") {
      auto s = get_student(db, actor.scope, std::stoll(v));
      if (!s.ok()) return s.status();
      if (!*s || !actor.user.school_id || (*s)->student.school_id != *actor.user.school_id)
        return Status::Error("validation", "“" + f.label + "”不是本校学生", f.key);
      if ((*s)->student.status != "在读")
        return Status::Error("validation", "“" + f.label + "”" + (*s)->student.name + "不是在读学生(当前状态:" +
                                               (*s)->student.status + ")", f.key);
    } else if (f.type == "child") {
      auto s = get_student(db, actor.scope, std::stoll(v));
      if (!s.ok()) return s.status();
      if (!*s) return Status::Error("validation", "“" + f.label + "”不在您的管辖范围内", f.key);
    } else if (f.type == "year_class") {
      auto k = get_class(db, std::stoll(v));
      if (!k.ok()) return k.status();
      auto year = current_school_year(db);
      if (!year.ok()) return year.status();
      if (!*k || (*k)->school_year != *year)
        return Status::Error("validation", "“" + f.label + "”应为本学年的班级", f.key);
    } else if (f.type == "school") {
      auto s = find_school_by_id(db, std::stoll(v));
      if (!s.ok()) return s.status();
      if (!*s) return Status::Error("validation", "“" + f.label + "”不是本县的学校", f.key);
      if (actor.user.school_id && (*s)->id == *actor.user.school_id)
        return Status::Error("validation", "“" + f.label + "”不能是本校", f.key);
    } else if (f.type == "class") {
      auto k = get_class(db, std::stoll(v));
      if (!k.ok()) return k.status();
      auto year = current_school_year(db);
      if (!year.ok()) return year.status();
      if (!*k || (*k)->school_id != c.target_school_id || (*k)->school_year != *year)
        return Status::Error("validation", "“" + f.label + "”应为转入学校本学年的班级", f.key);
    }
  }
  return Status::Ok();
}

// The student moves school and class, and their current year's enrolment
// with them (update_student), only while still 在读 at the sending school.
Status move_student(Database& db, const Actor& actor, const CaseRecord& c, const Json& fields) {
  auto found = get_student(db, Scope::All(), c.student_id);
  if (!found.ok()) return found.status();
  if (!*found) return Status::Error("not_found", "学生不存在");
  Student before = (*found)->student;
  if (before.school_id != c.school_id || before.status != "在读")
    return Status::Error("conflict", "学生" + before.name + "已不在转出学校在读,不能转学");
  const int64_t class_id = std::stoll(fields.value("class_id", std::string("0")));
  auto klass = get_class(db, class_id);
  if (!klass.ok()) return klass.status();
  auto year = current_school_year(db);
  if (!year.ok()) return year.status();
  if (!*klass || (*klass)->school_id != c.target_school_id || (*klass)->school_year != *year)
    return Status::Error("validation", "“转入班级”应为转入学校本学年的班级", "class_id");
  Student after = before;
  after.school_id = c.target_school_id;
  after.class_id = class_id;
  Status u = update_student(db, after);
  if (!u.ok()) return u;
  auto old_names = with_names(db, fields_of(before));
  if (!old_names.ok()) return old_names.status();
  auto new_names = with_names(db, fields_of(after));
  if (!new_names.ok()) return new_names.status();
  return audit(db, &actor, "update", Entity::kStudent, c.student_id, diff_fields(*old_names, *new_names));
}

// 返校复学: the student is 在读 in the class (of this year, any school of the
// county), their enrolment of the year with them (update_student).
Status return_to_school(Database& db, const Actor& actor, const CaseRecord& c, const Json& fields) {
  auto found = get_student(db, Scope::All(), c.student_id);
  if (!found.ok()) return found.status();
  if (!*found) return Status::Error("not_found", "学生不存在");
  auto klass = get_class(db, std::stoll(fields.value("class_id", std::string("0"))));
  if (!klass.ok()) return klass.status();
  if (!*klass) return Status::Error("validation", "“复学班级”应为本学年的班级", "class_id");
  Student before = (*found)->student, after = before;
  after.school_id = (*klass)->school_id;
  after.class_id = (*klass)->id;
  after.status = "在读";
  Status u = update_student(db, after);
  if (!u.ok()) return u;
  auto old_names = with_names(db, fields_of(before));
  if (!old_names.ok()) return old_names.status();
  auto new_names = with_names(db, fields_of(after));
  if (!new_names.ok()) return new_names.status();
  return audit(db, &actor, "update", Entity::kStudent, c.student_id, diff_fields(*old_names, *new_names));
}

Status run_effect(Database& db, const Actor& actor, Effect effect, const CaseRecord& c, const Json& fields) {
  switch (effect) {
    case Effect::kNone: return Status::Ok();
    case Effect::kMoveStudent: return move_student(db, actor, c, fields);
    case Effect::kReturnToSchool: return return_to_school(db, actor, c, fields);
  }
  return Status::Ok();
}

// The transition itself, in the caller's transaction: log, state, effect, audit.
Status transition(Database& db, const Actor& actor, const WorkflowSpec& w, const ActionSpec& action,
                  CaseRecord& c, const std::string& from, const ActionInput& input, const Date& today) {
  Json fields = Json::parse(c.fields);
  Json given = Json::object();
  for (const auto& [k, v] : input.fields) given[k] = v;
  fields.update(given);
  std::string to = action.to;
  Effect effect = action.effect;
  if (!action.bypass_setting.empty()) {
    auto setting = get_setting(db, action.bypass_setting, "1");
    if (!setting.ok()) return setting.status();
    if (*setting == "0") {
      to = action.bypass_to;
      effect = action.bypass_effect;
    }
  }
  c.state = to;
  c.due_on = due_on(*w.state(to), action, given, today);
  c.fields = fields.dump();
  Status s = append_case_log(db, {c.id, "", actor.user.id, actor.user.username, action.key, from, to,
                                  input.comment, given.dump()});
  if (!s.ok()) return s;
  s = update_case_state(db, c);
  if (!s.ok()) return s;
  s = run_effect(db, actor, effect, c, fields);
  if (!s.ok()) return s;
  std::vector<FieldChange> changes = {{"workflow", "", w.title}, {"action", "", action.label},
                                      {"state", from, to}};
  if (!input.comment.empty()) changes.push_back({"comment", "", input.comment});
  for (const auto& [k, v] : input.fields) changes.push_back({k, "", v});
  return audit(db, &actor, "workflow", Entity::kCase, c.id, changes);
}

Status refuse(const std::string& why) { return Status::Error("forbidden", why); }

}  // namespace

bool is_overdue(const CaseRecord& c, const Date& today) {
  return !c.due_on.empty() && c.due_on < today.iso();
}

std::vector<std::string> actions_for(const User& user, const CaseRecord& c) {
  std::vector<std::string> out;
  const WorkflowSpec* w = find_workflow(c.kind);
  if (!w) return out;
  for (const ActionSpec& a : w->actions)
    for (const std::string& from : a.from)
      if (from == c.state && is_party(user, c, a.party)) out.push_back(a.key);
  return out;
}

namespace {

// The opening, once the actor may take it: the case belongs to the student's
// school (for 县内转学 the actor's own, which its student field requires).
Result<int64_t> open_checked(Database& db, const Actor& actor, const WorkflowSpec* w,
                             const ActionInput& input, const Date& today) {
  const ActionSpec& action = w->opening();
  CaseRecord c;
  c.kind = w->kind;
  c.created_by = actor.user.id;
  Status f = check_fields(db, actor, action, c, input);
  if (!f.ok()) return f;
  c.student_id = id_field(input.fields, "student_id");
  c.target_school_id = id_field(input.fields, "target_school_id");
  auto student = get_student(db, Scope::All(), c.student_id);
  if (!student.ok()) return student.status();
  if (!*student) return Status::Error("validation", "请填写“学生”", "student_id");
  c.school_id = (*student)->student.school_id;
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto open = count_open_cases(db, w->kind, c.student_id, closed_states(*w));
  if (!open.ok()) return open.status();
  if (*open > 0) return Status::Error("conflict", "该学生已有未办结的" + w->title + "申请,不能重复申请", "student_id");
  c.state = action.to;
  c.fields = "{}";
  auto id = insert_case(db, c);
  if (!id.ok()) return id.status();
  c.id = *id;
  Status s = transition(db, actor, *w, action, c, "", input, today);
  if (!s.ok()) return s;
  s = tx.commit();
  if (!s.ok()) return s;
  return c.id;
}

}  // namespace

Result<int64_t> open_case(Database& db, const Actor& actor, const std::string& kind,
                          const ActionInput& input, const Date& today) {
  const WorkflowSpec* w = find_workflow(kind);
  if (!w) return Status::Error("validation", "未知的流程类型“" + kind + "”", "kind");
  const ActionSpec& action = w->opening();
  // Whether the actor is the opening party of a case of their own school or area.
  CaseRecord probe;
  probe.school_id = probe.target_school_id = actor.user.school_id.value_or(-1);
  if (!is_party(actor.user, probe, action.party))
    return refuse("只有" + std::string(party_label(action.party)) + "可以" + action.label);
  return open_checked(db, actor, w, input, today);
}

Result<int64_t> open_case_by_system(Database& db, const std::string& kind, const ActionInput& input,
                                    const Date& today) {
  const WorkflowSpec* w = find_workflow(kind);
  if (!w) return Status::Error("validation", "未知的流程类型“" + kind + "”", "kind");
  Actor system;
  system.user.username = "系统";
  system.user.active = true;
  system.scope = Scope::All();
  return open_checked(db, system, w, input, today);
}

Status take_action(Database& db, const Actor& actor, int64_t case_id, const std::string& action_key,
                   const ActionInput& input, const Date& today) {
  auto found = visible_case(db, actor, case_id);
  if (!found.ok()) return found.status();
  CaseRecord c = found->record;
  const WorkflowSpec* w = find_workflow(c.kind);
  if (!w) return Status::Error("not_found", "流程不存在");
  const ActionSpec* action = w->action(action_key);
  if (!action || action->from.empty()) return Status::Error("not_found", "没有“" + action_key + "”这个操作");
  bool from_ok = false;
  for (const std::string& f : action->from) from_ok = from_ok || f == c.state;
  if (!from_ok)
    return Status::Error("conflict", "当前状态“" + c.state + "”不能" + action->label);
  if (!is_party(actor.user, c, action->party))
    return refuse("只有" + std::string(party_label(action->party)) + "可以" + action->label);
  Status f = check_fields(db, actor, *action, c, input);
  if (!f.ok()) return f;
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto again = get_case(db, case_id);  // the state as this transaction sees it
  if (!again.ok()) return again.status();
  if (!*again || (*again)->record.state != c.state)
    return Status::Error("conflict", "该事项已被他人办理,请刷新后再试");
  const std::string from = c.state;
  Status s = transition(db, actor, *w, *action, c, from, input, today);
  if (!s.ok()) return s;
  return tx.commit();
}

Result<CaseView> visible_case(Database& db, const Actor& actor, int64_t case_id) {
  auto found = get_case(db, case_id);
  if (!found.ok()) return found.status();
  const Status absent = Status::Error("not_found", "事项不存在或不在您的管辖范围内");
  if (!*found) return absent;
  const User& u = actor.user;
  if (!u.active) return absent;
  if (u.role == role::kBureauAdmin || (u.role == role::kSchoolAdmin && !parties_of(u, (*found)->record).empty()))
    return **found;
  if (u.role == role::kAreaOfficer && u.area_id) {
    CaseFilter f;
    f.id = case_id;
    f.area_id = *u.area_id;
    auto rows = list_cases(db, f, "");
    if (!rows.ok()) return rows.status();
    if (!rows->empty()) return rows->front();
  }
  return absent;
}

bool handles_cases(const User& u) {
  return u.active && (u.role == role::kBureauAdmin || (u.role == role::kAreaOfficer && u.area_id) ||
                      (u.role == role::kSchoolAdmin && u.school_id));
}

Result<std::vector<CaseView>> list_box(Database& db, const Actor& actor, const std::string& box,
                                       const Date& today) {
  const User& u = actor.user;
  if (!handles_cases(u)) return Status::Error("forbidden", "您的角色不办理学籍异动");
  CaseFilter f;
  if (u.role == role::kSchoolAdmin && u.school_id) {
    f.school_id = *u.school_id;
  } else if (u.role == role::kAreaOfficer) {
    f.area_id = *u.area_id;
  }
  if (box == "todo") {
    f.waiting.emplace();
    for (const WorkflowSpec& w : all_workflows())
      for (const StateSpec& s : w.states) {
        if (s.waits_for == Party::kBureau && u.role == role::kBureauAdmin)
          f.waiting->push_back({w.kind, s.key, "", 0});
        if (s.waits_for == Party::kTownship && u.role == role::kAreaOfficer)
          f.waiting->push_back({w.kind, s.key, "", 0});
        if (s.escalates && u.role == role::kBureauAdmin) f.waiting->push_back({w.kind, s.key, "", 0, true});
        if (s.waits_for == Party::kSendingSchool && f.school_id)
          f.waiting->push_back({w.kind, s.key, "school_id", *f.school_id});
        if (s.waits_for == Party::kReceivingSchool && f.school_id)
          f.waiting->push_back({w.kind, s.key, "target_school_id", *f.school_id});
      }
  } else if (box == "mine") {
    f.created_by = u.id;
  } else if (box != "all") {
    return Status::Error("validation", "box 应为 todo、mine 或 all", "box");
  }
  return list_cases(db, f, today.iso());
}

}  // namespace edu
