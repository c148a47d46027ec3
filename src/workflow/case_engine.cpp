#include "workflow/case_engine.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/enums.h"
#include "store/area_store.h"
#include "store/exam_store.h"
#include "store/school_store.h"
#include "store/school_year_store.h"
#include "store/student_store.h"
#include "store/teacher_store.h"
#include "workflow/case_attachments.h"
#include "workflow/change_log.h"
#include "workflow/exam_commands.h"
#include "workflow/register_commands.h"
#include "workflow/teacher_exchange.h"
#include "workflow/title_appointment.h"

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

std::string party_label(const WorkflowSpec& w, Party party) {
  switch (party) {
    case Party::kSendingSchool: return w.school_label;
    case Party::kReceivingSchool: return w.target_label;
    case Party::kBureau: return "教育局";
    case Party::kTownship: return "学生所在学校的乡镇(街道)";
    case Party::kSchoolOrTownship: return "学生所在学校或其乡镇(街道)";
    case Party::kNone: return "";
  }
  return "";
}

// The new state's due date: the date field the action names (a visit's
// 下次家访日期), else the state's deadline (its setting, else the declared days).
Result<std::string> due_on(Database& db, const WorkflowSpec& w, const StateSpec& state, const ActionSpec& action,
                           const Json& given, const Date& today) {
  if (state.terminal) return std::string();
  if (!action.due_field.empty()) return given.value(action.due_field, std::string());
  if (state.waits_for == Party::kNone) return std::string();
  auto days = state_deadline_days(db, w, state);
  if (!days.ok()) return days.status();
  if (*days <= 0) return std::string();
  return add_days(today, *days).iso();
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

bool one_of(const std::vector<std::string>& values, const std::string& v) {
  for (const std::string& x : values)
    if (x == v) return true;
  return false;
}

// The school the student is in once the case is done: the receiving one for
// a transfer, else their own.
int64_t destination_school(const CaseRecord& c) { return c.target_school_id ? c.target_school_id : c.school_id; }

// A class of the destination school in the current year; for 留级/跳级 of the
// grade the workflow's step says from the student's present class.
Status check_class(Database& db, const WorkflowSpec& w, const CaseRecord& c, int64_t class_id,
                   const std::string& label) {
  auto k = get_class(db, class_id);
  if (!k.ok()) return k.status();
  auto year = current_school_year(db);
  if (!year.ok()) return year.status();
  if (!*k || (*k)->school_id != destination_school(c) || (*k)->school_year != *year)
    return Status::Error("validation",
                         "“" + label + "”应为" + (c.target_school_id ? "转入学校" : "本校") + "本学年的班级",
                         "class_id");
  if (w.grade_step == 0) return Status::Ok();
  auto s = get_student(db, Scope::All(), c.student_id);
  if (!s.ok()) return s.status();
  if (!*s || !(*s)->grade || (*s)->section != (*k)->section || *(*s)->grade + w.grade_step != (*k)->grade)
    return Status::Error("validation",
                         "“" + label + "”应为本学年" + (w.grade_step < 0 ? "低" : "高") + "一个年级的班级" +
                             (*s && (*s)->grade ? "(该生现在" + grade_label((*s)->section, *(*s)->grade) + ")" : ""),
                         "class_id");
  return Status::Ok();
}

std::string given(const ActionInput& input, const std::string& key) {
  auto it = input.fields.find(key);
  return it == input.fields.end() ? "" : it->second;
}

// The new student a 转入 describes (its fields by the register's names), 在读
// at the case's school from the date given.
Student student_from_fields(const std::map<std::string, std::string>& f, int64_t school_id) {
  auto text = [&](const char* key) {
    auto it = f.find(key);
    return it == f.end() ? std::string() : it->second;
  };
  Student s;
  s.name = text("name");
  s.id_number = text("id_number");
  s.gender = text("gender");
  s.birth_date = parse_iso_date(text("birth_date")).value_or(Date{});
  s.ethnicity = text("ethnicity");
  s.household = text("household");
  s.school_id = school_id;
  if (!text("class_id").empty()) s.class_id = std::stoll(text("class_id"));
  s.status = "在读";
  s.enrolled_on = parse_iso_date(text("date")).value_or(Date{});
  return s;
}

Result<RegisterContext> register_context(Database& db, const Date& today) {
  auto year = current_school_year(db);
  if (!year.ok()) return year.status();
  return RegisterContext{today, *year};
}

// 休学: until after the date, at most a year on; not in the second term
// (February to August) of a graduating grade. Its extension: the student
// still 休学, the new until after the old one, at most a year on.
Status check_rule(Database& db, const Actor& actor, const ActionSpec& action, const CaseRecord& c,
                  const ActionInput& input, const Date& today) {
  if (action.rule == Rule::kNone) return Status::Ok();
  if (action.rule == Rule::kExemption)
    return check_exemption(db, actor, id_field(input.fields, "exam_id"),
                           {0, id_field(input.fields, "student_id"), given(input, "subject"), given(input, "reason")});
  if (action.rule == Rule::kTitleEligibility)
    return check_title_application(db, std::stoll(given(input, "teacher_id")), given(input, "level"), today);
  if (action.rule == Rule::kNewStudent) {
    auto ctx = register_context(db, today);
    if (!ctx.ok()) return ctx.status();
    return check_new_student(db, actor, student_from_fields(input.fields, c.school_id), *ctx);
  }
  const auto until = parse_iso_date(given(input, "until"));
  Json fields = Json::parse(c.fields);
  const auto start = parse_iso_date(action.rule == Rule::kSuspension ? given(input, "date")
                                                                      : fields.value("until", std::string()));
  if (!until || !start) return Status::Ok();  // missing ones are named by check_fields
  auto s = get_student(db, Scope::All(), c.student_id);
  if (!s.ok()) return s.status();
  if (!*s) return Status::Error("not_found", "学生不存在");
  const Date year_on{start->year + 1, start->month, start->day};
  const std::string what = action.rule == Rule::kSuspension ? "休学" : "延期";
  if (*until <= *start || until->iso() > year_on.iso())
    return Status::Error("validation",
                         what + "截止日期应在" + start->iso() + "之后、" + year_on.iso() + "之前(休学每次不超过一年)",
                         "until");
  if (action.rule == Rule::kExtension) {
    if ((*s)->student.status != "休学")
      return Status::Error("conflict", "学生" + (*s)->student.name + "已不是休学状态(当前:" + (*s)->student.status +
                                           "),不能延期休学");
    return Status::Ok();
  }
  const bool graduating = (*s)->grade && !grade_in_section((*s)->section, *(*s)->grade + 1);
  if (graduating && start->month >= 2 && start->month <= 8)
    return Status::Error("validation",
                         "毕业年级(" + grade_label((*s)->section, *(*s)->grade) + ")第二学期不能办理休学", "date");
  return Status::Ok();
}

// Each field the action declares: given when required, and what its type
// says (a student of the actor's school, in the statuses allowed; a 在读
// student of another school by 身份证号; another school; a class of the
// destination school in the current year; a date; one of the options), then
// the action's rule.
Status check_fields(Database& db, const Actor& actor, const WorkflowSpec& w, const ActionSpec& action,
                    const CaseRecord& c, const ActionInput& input, const Date& today) {
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
    } else if (f.type == "enum" || f.type == "province") {
      const std::vector<std::string>& options = f.type == "enum" ? f.options : provinces().values;
      if (!one_of(options, v)) return Status::Error("validation", "“" + f.label + "”不是可选的值:" + v, f.key);
    } else if (f.type == "student") {
      auto s = get_student(db, actor.scope, std::stoll(v));
      if (!s.ok()) return s.status();
      if (!*s || !actor.user.school_id || (*s)->student.school_id != *actor.user.school_id)
        return Status::Error("validation", "“" + f.label + "”不是本校学生", f.key);
      const std::vector<std::string> statuses = f.options.empty() ? std::vector<std::string>{"在读"} : f.options;
      if (!one_of(statuses, (*s)->student.status)) {
        std::string want;
        for (const std::string& x : statuses) want += (want.empty() ? "" : "或") + x;
        return Status::Error("validation", "“" + f.label + "”" + (*s)->student.name + "不是" + want +
                                               "学生(当前状态:" + (*s)->student.status + ")", f.key);
      }
    } else if (f.type == "id_number") {
      // Another school's student: say whether a 在读 one exists, nothing more.
      auto s = find_student_by_id_number(db, v);
      if (!s.ok()) return s.status();
      if (!*s || (*s)->student.status != "在读")
        return Status::Error("validation", "本县没有身份证号为" + v + "的在读学生,请核对;县外转入请办理转入手续", f.key);
      if (actor.user.school_id && (*s)->student.school_id == *actor.user.school_id)
        return Status::Error("validation", "该生已是本校学生,不需要申请转入", f.key);
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
      Status k = check_class(db, w, c, std::stoll(v), f.label);
      if (!k.ok()) return k;
    } else if (f.type == "teacher") {
      auto t = get_teacher(db, actor.scope, std::stoll(v));
      if (!t.ok()) return t.status();
      if (!*t || (actor.user.school_id && (*t)->teacher.school_id != *actor.user.school_id))
        return Status::Error("validation",
                             "“" + f.label + "”不是" + (actor.user.school_id ? "本校" : "您管辖范围内") + "的教师",
                             f.key);
    } else if (f.type == "file") {
      Status a = check_file_field(db, actor, f, v);
      if (!a.ok()) return a;
    } else if (f.type == "exam") {
      auto exam = find_exam(db, std::stoll(v));
      if (!exam.ok()) return exam.status();
      if (!*exam) return Status::Error("validation", "“" + f.label + "”不是本县的考试", f.key);
    }
  }
  return check_rule(db, actor, action, c, input, today);
}

// The student as they are now, if still at the case's school in one of `statuses`.
Result<Student> student_for_effect(Database& db, const CaseRecord& c, const std::string& status) {
  auto found = get_student(db, Scope::All(), c.student_id);
  if (!found.ok()) return found.status();
  if (!*found) return Status::Error("not_found", "学生不存在");
  const Student& s = (*found)->student;
  if (s.school_id != c.school_id || s.status != status)
    return Status::Error("conflict", "学生" + s.name + "已不在原学校" + status + "(当前状态:" + s.status +
                                         "),不能办理;请退回此申请");
  return s;
}

// Writes the student (and their enrolment: update_student) and audits the change.
Status save_student_change(Database& db, const Actor& actor, const Student& before, const Student& after) {
  Status u = update_student(db, after);
  if (!u.ok()) return u;
  return audit_update(db, actor, Entity::kStudent, before.id, fields_of(before), fields_of(after));
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
  Student after = (*found)->student;
  after.school_id = (*klass)->school_id;
  after.class_id = (*klass)->id;
  after.status = "在读";
  return save_student_change(db, actor, (*found)->student, after);
}

// The effect of the final step. 县内转学 moves school and class (and the
// current year's enrolment with them); the others change status or class at
// the student's own school. Each only while the student is still where and
// as the application found them.
// 转入: the student the case describes, checked as the register checks a new
// one, created 在读 in the class named; the case names them from now on.
Status enrol_student(Database& db, const Actor& actor, CaseRecord& c, const Json& fields, const Date& today) {
  std::map<std::string, std::string> given;
  for (const auto& [k, v] : fields.items())
    if (v.is_string()) given[k] = v.get<std::string>();
  const Student student = student_from_fields(given, c.school_id);
  auto ctx = register_context(db, today);
  if (!ctx.ok()) return ctx.status();
  Status s = check_new_student(db, actor, student, *ctx);
  if (!s.ok()) return s;
  auto id = insert_student(db, student);
  if (!id.ok()) return id.status();
  c.student_id = *id;
  s = set_case_student(db, c.id, *id);
  if (!s.ok()) return s;
  auto named = with_names(db, fields_of(student));
  if (!named.ok()) return named.status();
  return audit(db, &actor, "create", Entity::kStudent, *id, diff_fields({}, *named));
}

Status run_effect(Database& db, const Actor& actor, const WorkflowSpec& w, Effect effect, const std::string& status,
                  CaseRecord& c, const Json& fields, const Date& today) {
  if (effect == Effect::kNone) return Status::Ok();
  if (effect == Effect::kEnrolStudent) return enrol_student(db, actor, c, fields, today);
  if (effect == Effect::kReturnToSchool) return return_to_school(db, actor, c, fields);
  if (effect == Effect::kStartExchange) return start_exchange(db, actor, c, fields);
  if (effect == Effect::kEndExchange) return end_exchange(db, actor, c, fields);
  if (effect == Effect::kExempt)
    return record_exemption(db, actor, std::stoll(fields.value("exam_id", std::string("0"))),
                            {0, c.student_id, fields.value("subject", std::string()),
                             fields.value("reason", std::string())},
                            c.created_by);
  if (effect == Effect::kEnterTitleRound) return enter_title_round(db, c, fields);
  if (effect == Effect::kTitleAppointment) return record_title_appointment(db, actor, c, status, fields, today);
  auto before = student_for_effect(db, c, effect == Effect::kResume ? "休学" : "在读");
  if (!before.ok()) return before.status();
  Student after = *before;
  if (effect == Effect::kSetStatus) {
    after.status = status;
  } else {
    const int64_t class_id = std::stoll(fields.value("class_id", std::string("0")));
    Status k = check_class(db, w, c, class_id, effect == Effect::kMoveStudent ? "转入班级" : "编入班级");
    if (!k.ok()) return k;
    after.school_id = destination_school(c);
    after.class_id = class_id;
    after.status = "在读";
  }
  return save_student_change(db, actor, *before, after);
}

// The files the action's "file" fields name, attached to the case.
Status attach_files(Database& db, const ActionSpec& action, const CaseRecord& c, const ActionInput& input) {
  for (const FieldSpec& f : action.fields) {
    const std::string v = given(input, f.key);
    if (f.type != "file" || v.empty()) continue;
    Status s = attach_to_case(db, std::stoll(v), c.id);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// The transition itself, in the caller's transaction: log, state, files, effect, audit.
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
  auto due = due_on(db, w, *w.state(to), action, given, today);
  if (!due.ok()) return due.status();
  c.state = to;
  c.due_on = *due;
  c.fields = fields.dump();
  Status s = append_case_log(db, {c.id, "", actor.user.id, actor.user.username, action.key, from, to,
                                  input.comment, given.dump()});
  if (!s.ok()) return s;
  s = update_case_state(db, c);
  if (!s.ok()) return s;
  s = attach_files(db, action, c, input);
  if (!s.ok()) return s;
  s = run_effect(db, actor, w, effect, action.status, c, fields, today);
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

Result<int> state_deadline_days(Database& db, const WorkflowSpec& w, const StateSpec& state) {
  // A malformed setting falls back to the declaration.
  return int_setting(db, deadline_setting(w, state), state.deadline_days, 0, 3650);
}

namespace {

// A teacher case (the workflow's subject): the teacher its fields name, the
// case at their school, the other school not theirs.
Status teacher_subject(Database& db, const WorkflowSpec& w, CaseRecord& c, const ActionInput& input) {
  if (w.subject != "teacher") return Status::Ok();
  c.teacher_id = id_field(input.fields, "teacher_id");
  auto t = get_teacher(db, Scope::All(), c.teacher_id);
  if (!t.ok()) return t.status();
  if (!*t) return Status::Error("validation", "请填写教师", "teacher_id");
  c.school_id = (*t)->teacher.school_id;
  if (c.target_school_id == c.school_id)
    return Status::Error("validation", "“" + w.target_label + "”不能是教师现在的学校(" + (*t)->school_name + ")",
                         "target_school_id");
  return Status::Ok();
}

// The opening, once the actor may take it, inside the caller's transaction.
// The case belongs to its student's school (a township or 系统 opens one for
// any school's child; a school's own student for its openings); a receiving
// school's request names its student by 身份证号; 县外转入 names none until
// its approval.
Result<int64_t> open_within(Database& db, const Actor& actor, const WorkflowSpec& w, const ActionSpec& action,
                            const ActionInput& input, const Date& today) {
  CaseRecord c;
  c.kind = w.kind;
  c.created_by = actor.user.id;
  c.student_id = id_field(input.fields, "student_id");
  const int64_t own = actor.user.school_id.value_or(0);
  if (action.party == Party::kReceivingSchool) {
    c.target_school_id = own;
  } else {
    c.school_id = own;
    c.target_school_id = id_field(input.fields, "target_school_id");
  }
  Status f = check_fields(db, actor, w, action, c, input, today);
  if (!f.ok()) return f;
  const bool requested = std::any_of(action.fields.begin(), action.fields.end(),
                                     [](const FieldSpec& f) { return f.type == "id_number"; });
  if (requested) {  // the student's school is the sending one
    auto s = find_student_by_id_number(db, input.fields.at("id_number"));
    if (!s.ok()) return s.status();
    if (!*s) return Status::Error("validation", "本县没有该身份证号的在读学生", "id_number");
    c.student_id = (*s)->student.id;
    c.school_id = (*s)->student.school_id;
  } else if (c.student_id) {
    auto s = get_student(db, Scope::All(), c.student_id);
    if (!s.ok()) return s.status();
    if (!*s) return Status::Error("validation", "请填写“学生”", "student_id");
    c.school_id = (*s)->student.school_id;
  }
  if (Status t = teacher_subject(db, w, c, input); !t.ok()) return t;
  const bool teacher = w.subject == "teacher";
  auto open = teacher ? count_open_teacher_cases(db, c.teacher_id, w.kind, closed_states(w))
                      : count_open_cases(db, c.student_id, w.kind, closed_states(w));
  if (!open.ok()) return open.status();
  if (*open > 0)
    return Status::Error("conflict", std::string(teacher ? "该教师" : "该学生") + "已有未办结的" + w.title +
                                         "申请,不能重复申请", teacher ? "teacher_id" : "student_id");
  c.state = action.to;
  c.fields = "{}";
  auto id = insert_case(db, c);
  if (!id.ok()) return id.status();
  c.id = *id;
  Status s = transition(db, actor, w, action, c, "", input, today);
  if (!s.ok()) return s;
  return c.id;
}

Result<int64_t> open_checked(Database& db, const Actor& actor, const WorkflowSpec& w, const ActionSpec& action,
                             const ActionInput& input, const Date& today) {
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto id = open_within(db, actor, w, action, input, today);
  if (!id.ok()) return id.status();
  if (Status s = tx.commit(); !s.ok()) return s;
  return *id;
}

// The workflow and its opening `opening`, once the actor is its party for a
// case of their own school or area.
Result<std::pair<const WorkflowSpec*, const ActionSpec*>> opening_for(const Actor& actor, const std::string& kind,
                                                                      const std::string& opening) {
  const WorkflowSpec* w = find_workflow(kind);
  if (!w) return Status::Error("validation", "未知的流程类型“" + kind + "”", "kind");
  const ActionSpec* action = w->opening(opening);
  if (!action) return Status::Error("validation", w->title + "没有“" + opening + "”这种申请方式", "action");
  CaseRecord probe;
  probe.school_id = probe.target_school_id = actor.user.school_id.value_or(-1);
  if (!is_party(actor.user, probe, action->party))
    return refuse("只有" + party_label(*w, action->party) + "可以" + action->label);
  return std::pair{w, action};
}

}  // namespace

Result<int64_t> open_case(Database& db, const Actor& actor, const std::string& kind,
                          const std::string& opening, const ActionInput& input, const Date& today) {
  auto found = opening_for(actor, kind, opening);
  if (!found.ok()) return found.status();
  return open_checked(db, actor, *found->first, *found->second, input, today);
}

Status may_open(const Actor& actor, const std::string& kind, const std::string& opening) {
  return opening_for(actor, kind, opening).status();
}

Result<std::vector<int64_t>> open_cases(Database& db, const Actor& actor, const std::string& kind,
                                        const std::string& opening, const std::vector<ActionInput>& inputs,
                                        const Date& today, size_t* failed) {
  auto found = opening_for(actor, kind, opening);
  if (!found.ok()) return found.status();
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  std::vector<int64_t> ids;
  for (size_t i = 0; i < inputs.size(); ++i) {
    auto id = open_within(db, actor, *found->first, *found->second, inputs[i], today);
    if (!id.ok()) {
      if (failed) *failed = i;
      return id.status();
    }
    ids.push_back(*id);
  }
  if (Status s = tx.commit(); !s.ok()) return s;
  return ids;
}

Result<int64_t> open_case_by_system(Database& db, const std::string& kind, const ActionInput& input,
                                    const Date& today) {
  const WorkflowSpec* w = find_workflow(kind);
  if (!w) return Status::Error("validation", "未知的流程类型“" + kind + "”", "kind");
  const ActionSpec* action = w->opening("");
  if (!action) return Status::Error("validation", w->title + "没有申请方式", "action");
  Actor system;
  system.user.username = kSystemUser;
  system.user.active = true;
  system.scope = Scope::All();
  return open_checked(db, system, *w, *action, input, today);
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
    return refuse("只有" + party_label(*w, action->party) + "可以" + action->label);
  Status f = check_fields(db, actor, *w, *action, c, input, today);
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

namespace {

// The cases a user who handles cases sees: their school's, their township's
// or (the bureau) all.
CaseFilter seen_by(const User& u) {
  CaseFilter f;
  if (u.role == role::kSchoolAdmin && u.school_id) {
    f.school_id = *u.school_id;
  } else if (u.role == role::kAreaOfficer) {
    f.area_id = *u.area_id;
  }
  return f;
}

}  // namespace

Result<std::vector<CaseWithLog>> student_cases(Database& db, const Actor& actor, int64_t student_id,
                                               const Date& today) {
  std::vector<CaseWithLog> out;
  if (!handles_cases(actor.user)) return out;
  CaseFilter f = seen_by(actor.user);
  f.student_id = student_id;
  auto cases = list_cases(db, f, today.iso());
  if (!cases.ok()) return cases.status();
  std::vector<int64_t> ids;
  for (const CaseView& v : *cases) ids.push_back(v.record.id);
  auto logs = case_logs(db, ids);
  if (!logs.ok()) return logs.status();
  auto files = attachments_of_cases(db, ids);
  if (!files.ok()) return files.status();
  std::map<int64_t, std::vector<CaseLogEntry>> by_case;
  for (CaseLogEntry& e : *logs) by_case[e.case_id].push_back(std::move(e));
  std::map<int64_t, std::map<int64_t, CaseAttachment>> files_by_case;
  for (auto& [id, a] : *files) files_by_case[a.case_id][id] = a;
  for (CaseView& v : *cases) out.push_back({v, std::move(by_case[v.record.id]), std::move(files_by_case[v.record.id])});
  return out;
}

Result<std::vector<CaseView>> list_box(Database& db, const Actor& actor, const BoxQuery& query,
                                       const Date& today) {
  const std::string& box = query.box;
  const User& u = actor.user;
  if (!handles_cases(u)) return Status::Error("forbidden", "您的角色不办理学籍异动");
  CaseFilter f = seen_by(u);
  if (!f.school_id) f.school_id = query.school_id;  // the bureau or a township narrowing to one school
  if (query.overdue_only) f.due_before = today.iso();
  auto swept = sweep_expired(db, today);
  if (!swept.ok()) return swept.status();
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

Result<int> sweep_expired(Database& db, const Date& today) {
  CaseFilter f;
  f.waiting.emplace();
  for (const WorkflowSpec& w : all_workflows())
    for (const StateSpec& s : w.states)
      if (!s.expires_to.empty()) f.waiting->push_back({w.kind, s.key, "", 0});
  f.due_before = today.iso();
  auto due = list_cases(db, f, today.iso());
  if (!due.ok()) return due.status();
  Actor system;
  system.user.username = kSystemUser;
  int closed = 0;
  for (const CaseView& v : *due) {
    const WorkflowSpec* w = find_workflow(v.record.kind);
    Transaction tx(db);
    if (!tx.begun().ok()) return tx.begun();
    auto again = get_case(db, v.record.id);
    if (!again.ok()) return again.status();
    if (!*again || (*again)->record.state != v.record.state) continue;  // acted on meanwhile
    CaseRecord c = (*again)->record;
    const std::string from = c.state, to = w->state(from)->expires_to;
    c.state = to;
    c.due_on = "";
    Status s = append_case_log(db, {c.id, "", 0, kSystemUser, kExpireAction, from, to, kExpireLabel, "{}"});
    if (s.ok()) s = update_case_state(db, c);
    if (s.ok())
      s = audit(db, &system, "workflow", Entity::kCase, c.id,
                {{"workflow", "", w->title}, {"action", "", kExpireLabel}, {"state", from, to}});
    if (s.ok()) s = tx.commit();
    if (!s.ok()) return s;
    ++closed;
  }
  return closed;
}

Result<std::vector<OverdueCount>> overdue_counts(Database& db, const Actor& actor, const Date& today) {
  const User& u = actor.user;
  if (!u.active || !(u.role == role::kBureauAdmin || (u.role == role::kAreaOfficer && u.area_id)))
    return Status::Error("forbidden", "逾期督办统计仅供教育局和乡镇(学区)查看");
  auto swept = sweep_expired(db, today);
  if (!swept.ok()) return swept.status();
  CaseFilter f;
  if (u.role == role::kAreaOfficer) f.area_id = *u.area_id;
  f.due_before = today.iso();
  auto rows = list_cases(db, f, today.iso());
  if (!rows.ok()) return rows.status();
  std::vector<OverdueCount> out;
  for (const CaseView& v : *rows) {
    const WorkflowSpec* w = find_workflow(v.record.kind);
    const StateSpec* s = w ? w->state(v.record.state) : nullptr;
    const bool receiving = s && s->waits_for == Party::kReceivingSchool;
    const int64_t school = receiving ? v.record.target_school_id : v.record.school_id;
    auto it = std::find_if(out.begin(), out.end(), [&](const OverdueCount& o) { return o.school_id == school; });
    if (it == out.end()) {
      out.push_back({school, receiving ? v.target_school_name : v.school_name, 0});
      it = out.end() - 1;
    }
    ++it->overdue;
  }
  return out;
}

}  // namespace edu
