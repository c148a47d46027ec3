#include "workflow/title_appointment.h"

#include <algorithm>

#include "analytics/title_posts.h"
#include "core/title_eligibility.h"
#include "store/area_store.h"
#include "store/school_year_store.h"
#include "store/teacher_store.h"
#include "store/title_store.h"
#include "workflow/change_log.h"
#include "workflow/county_rules.h"
#include "workflow/title_posts.h"
#include "workflow/training_report.h"

namespace edu {

bool title_state::passed(const std::string& state) {
  return state == kAwaiting || state == kDeferred || state == kAppointed || state == kLower;
}

namespace {

std::string text(const nlohmann::json& fields, const char* key) {
  auto it = fields.find(key);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : "";
}

// The rules as the county set them (workflow/county_rules.h: defaults and bounds).
Result<TitleRules> title_rules(Database& db) {
  TitleRules rules;
  for (const std::string& level : post_levels()) {
    auto n = rule_number(db, "title_years_required." + level);
    if (!n.ok()) return n.status();
    rules.years_required[level] = static_cast<int>(*n);
  }
  auto rural = rule_number(db, "title_rural_years_required");
  if (!rural.ok()) return rural.status();
  rules.rural_years_required = static_cast<int>(*rural);
  auto hours = rule_number(db, "title_training_hours_required");
  if (!hours.ok()) return hours.status();
  rules.training_hours_required = *hours;
  return rules;
}

Result<TeacherView> teacher_of(Database& db, int64_t teacher_id) {
  auto t = get_teacher(db, Scope::All(), teacher_id);
  if (!t.ok()) return t.status();
  if (!*t) return Status::Error("not_found", "教师不存在");
  return **t;
}

// The teacher's present holding (analytics/title_posts.h holder_of).
Result<analytics::titles::Holder> holding(Database& db, const Teacher& t) {
  auto rows = teacher_appointments(db, t.id);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return analytics::titles::holder_of(t.id, t.school_id, t.title, false, "", "", "");
  const TitleAppointment& a = rows->back();
  return analytics::titles::holder_of(t.id, t.school_id, t.title, true, a.title_level, a.post_level, a.status);
}

// 聘任 needs a vacant post of `level` at the school, unless the teacher holds one already.
Status check_vacancy(Database& db, const TeacherView& t, const analytics::titles::Holder& present,
                     const std::string& level) {
  if (present.post == level) return Status::Ok();
  auto year = current_school_year(db);
  if (!year.ok()) return year.status();
  auto posts = read_title_posts(db, Scope::School(t.teacher.school_id), *year);
  if (!posts.ok()) return posts.status();
  if (posts->table.schools.empty()) return Status::Error("not_found", "学校不存在");
  for (const auto& l : posts->table.schools.front().levels)
    if (l.level == level && l.vacancies == 0)
      return Status::Error("conflict", t.school_name + std::to_string(*year) + "学年" + level + "岗位已满:核定" +
                                           std::to_string(l.approved) + "个,已聘" + std::to_string(l.held.size()) +
                                           "个,空缺0个,不能聘任;可选择高职低聘或缓聘");
  return Status::Ok();
}

}  // namespace

Status write_appointment(Database& db, const Actor& actor, const TitleAppointment& a) {
  auto id = insert_appointment(db, a);
  if (!id.ok()) return id.status();
  std::vector<FieldChange> changes = {{"teacher_id", "", std::to_string(a.teacher_id)},
                                      {"title_level", "", a.title_level},
                                      {"post_level", "", a.post_level},
                                      {"status", "", a.status},
                                      {"since", "", a.since}};
  if (!a.reason.empty()) changes.push_back({"reason", "", a.reason});
  return audit(db, &actor, "create", Entity::kTitle, a.teacher_id, changes);
}

Status check_title_application(Database& db, int64_t teacher_id, const std::string& level, const Date& today) {
  auto t = teacher_of(db, teacher_id);
  if (!t.ok()) return t.status();
  auto rules = title_rules(db);
  if (!rules.ok()) return rules.status();
  auto rows = teacher_appointments(db, teacher_id);
  if (!rows.ok()) return rows.status();
  auto years = teacher_title_years(db, teacher_id);
  if (!years.ok()) return years.status();
  TitleCareer career;
  career.title = t->teacher.title;
  if (!rows->empty() && rows->back().title_level == career.title) career.title_since = parse_iso_date(rows->back().since);
  for (const TitleYear& y : *years) career.years.push_back({y.school_year, y.title, y.location, y.weak});
  if (rules->training_hours_required > 0) {
    auto year = current_school_year(db);
    if (!year.ok()) return year.status();
    auto hours = teacher_cycle_hours(db, teacher_id, *year);
    if (!hours.ok()) return hours.status();
    career.training_hours = *hours;
  }
  const Eligibility e = check_title_eligibility(*rules, career, level, today);
  if (e.ok()) return Status::Ok();
  std::string why;
  for (const std::string& u : e.unmet) why += (why.empty() ? "" : ";") + u;
  return Status::Error("validation", t->teacher.name + "不符合申报" + level + "的条件:" + why, "level");
}

Status enter_title_round(Database& db, const CaseRecord& c, const nlohmann::json& fields) {
  auto round = open_round(db);
  if (!round.ok()) return round.status();
  if (!*round) return Status::Error("conflict", "当前没有开放的职称申报批次,请等待教育局开放申报");
  return insert_application(db, {c.id, (*round)->id, c.teacher_id, text(fields, "level")});
}

Status record_title_appointment(Database& db, const Actor& actor, const CaseRecord& c, const std::string& status,
                                const nlohmann::json& fields, const Date& today) {
  auto t = teacher_of(db, c.teacher_id);
  if (!t.ok()) return t.status();
  if (t->teacher.school_id != c.school_id)
    return Status::Error("conflict", "教师" + t->teacher.name + "已不在申报时的学校(现在:" + t->school_name +
                                         "),不能办理;请由现学校重新申报");
  auto present = holding(db, t->teacher);
  if (!present.ok()) return present.status();
  const std::string level = text(fields, "level");
  TitleAppointment a;
  a.teacher_id = c.teacher_id;
  a.case_id = c.id;
  a.title_level = level;
  a.post_level = present->post;
  a.status = status;
  a.since = today.iso();
  if (status == "聘任") {
    Status v = check_vacancy(db, *t, *present, level);
    if (!v.ok()) return v;
    a.post_level = level;
    if (!text(fields, "date").empty()) a.since = text(fields, "date");
    Teacher after = t->teacher;
    after.title = level;
    Status s = update_teacher(db, after);
    if (!s.ok()) return s;
    s = audit_update(db, actor, Entity::kTeacher, after.id, fields_of(t->teacher), fields_of(after));
    if (!s.ok()) return s;
  } else {
    a.reason = text(fields, "reason");
  }
  return write_appointment(db, actor, a);
}

Status dismiss_title(Database& db, const Actor& actor, int64_t teacher_id, const std::string& reason,
                     const std::string& date) {
  const User& u = actor.user;
  if (!u.active || !(u.role == role::kBureauAdmin || (u.role == role::kSchoolAdmin && u.school_id)))
    return Status::Error("forbidden", "只有教育局或教师所在学校可以解聘");
  auto found = get_teacher(db, actor.scope, teacher_id);
  if (!found.ok()) return found.status();
  if (!*found) return Status::Error("not_found", "教师不存在或不在您的管辖范围内");
  if (reason.empty()) return Status::Error("validation", "请填写“解聘理由”", "reason");
  if (reason.size() > 1000) return Status::Error("validation", "“解聘理由”不能超过1000字节", "reason");
  if (!parse_iso_date(date)) return Status::Error("validation", "“解聘日期”应为有效日期(YYYY-MM-DD)", "date");
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto present = holding(db, (*found)->teacher);
  if (!present.ok()) return present.status();
  const auto& levels = post_levels();
  if (std::find(levels.begin(), levels.end(), present->post) == levels.end())
    return Status::Error("conflict", (*found)->teacher.name + "现在没有受聘的岗位(高级、一级、二级或三级),无需解聘");
  TitleAppointment a{0, teacher_id, 0, present->title, "", "解聘", reason, date};
  Status s = write_appointment(db, actor, a);
  if (!s.ok()) return s;
  return tx.commit();
}

Result<TeacherTitles> teacher_titles(Database& db, const Actor& actor, int64_t teacher_id) {
  if (!allowed(actor.user, Action::kRead, Entity::kTitle))
    return Status::Error("forbidden", "职称评聘仅供教育局、乡镇(学区)和学校管理员查看");
  auto found = get_teacher(db, actor.scope, teacher_id);
  if (!found.ok()) return found.status();
  if (!*found) return Status::Error("not_found", "教师不存在或不在您的管辖范围内");
  TeacherTitles out{**found};
  auto present = holding(db, out.teacher.teacher);
  if (!present.ok()) return present.status();
  out.present = *present;
  auto rows = teacher_appointments(db, teacher_id);
  if (!rows.ok()) return rows.status();
  out.appointments = std::move(*rows);
  ApplicationFilter f;
  f.teacher_id = teacher_id;
  auto apps = list_applications(db, Scope::All(), f);
  if (!apps.ok()) return apps.status();
  out.applications = std::move(*apps);
  return out;
}

}  // namespace edu
