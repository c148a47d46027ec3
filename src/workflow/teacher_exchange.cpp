#include "workflow/teacher_exchange.h"

#include "store/exchange_store.h"
#include "store/teacher_store.h"
#include "workflow/change_log.h"

namespace edu {
namespace {

std::string text(const nlohmann::json& fields, const char* key) {
  auto it = fields.find(key);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : "";
}

// The teacher, still at `expected`, moved to `to` and audited.
Status move_teacher(Database& db, const Actor& actor, int64_t teacher_id, int64_t expected, int64_t to,
                    const std::string& where) {
  auto found = get_teacher(db, Scope::All(), teacher_id);
  if (!found.ok()) return found.status();
  if (!*found) return Status::Error("not_found", "教师不存在");
  const Teacher before = (*found)->teacher;
  if (before.school_id != expected)
    return Status::Error("conflict", "教师" + before.name + "已不在" + where + "(现在:" + (*found)->school_name +
                                         "),不能办理;请退回此申请");
  Teacher after = before;
  after.school_id = to;
  Status s = update_teacher(db, after);
  if (!s.ok()) return s;
  return audit_update(db, actor, Entity::kTeacher, before.id, fields_of(before), fields_of(after));
}

}  // namespace

std::optional<Date> planned_return(const std::string& start_on, const std::string& years) {
  const auto start = parse_iso_date(start_on);
  int n = 0;
  try {
    size_t used = 0;
    n = std::stoi(years, &used);
    if (used != years.size()) n = 0;
  } catch (const std::exception&) {
  }
  if (!start || n <= 0 || n > 10) return std::nullopt;
  const int year = start->year + n;
  return Date{year, start->month, std::min(start->day, days_in_month(year, start->month))};
}

Status start_exchange(Database& db, const Actor& actor, const CaseRecord& c, const nlohmann::json& fields) {
  const auto back = planned_return(text(fields, "start_on"), text(fields, "years"));
  if (!back) return Status::Error("validation", "交流开始日期或服务年限有误", "start_on");
  Status s = move_teacher(db, actor, c.teacher_id, c.school_id, c.target_school_id, "派出学校");
  if (!s.ok()) return s;
  TeacherExchange e;
  e.case_id = c.id;
  e.teacher_id = c.teacher_id;
  e.home_school_id = c.school_id;
  e.host_school_id = c.target_school_id;
  e.start_on = text(fields, "start_on");
  e.return_on = back->iso();
  auto id = insert_exchange(db, e);
  return id.ok() ? Status::Ok() : id.status();
}

Status end_exchange(Database& db, const Actor& actor, const CaseRecord& c, const nlohmann::json& fields) {
  Status s = move_teacher(db, actor, c.teacher_id, c.target_school_id, c.school_id, "交流学校");
  if (!s.ok()) return s;
  return set_exchange_returned(db, c.id, text(fields, "date"));
}

}  // namespace edu
