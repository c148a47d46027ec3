#include "analytics/exchange_plan.h"

#include <algorithm>
#include <map>
#include <set>

namespace edu::analytics {
namespace {

bool listed(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

// Years at `school` up to `year`, this year counted there: the unbroken run
// of earlier rows there, continued back to the hiring year when it starts at
// the register's first recorded year (see the header).
int years_at_school(const Teacher& t, int64_t school, const std::vector<const TeacherYear*>& rows,
                    int first_recorded, int year) {
  int start = year;
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    const TeacherYear& r = **it;
    if (r.school_year >= year) continue;
    if (r.school_id != school || r.school_year != start - 1) break;
    start = r.school_year;
  }
  if (start <= first_recorded || rows.empty()) start = std::min(start, school_year_of(t.hired_on));
  return year - start + 1;
}

}  // namespace

Quota quota(int64_t numerator, int64_t denominator, int percent) {
  Quota q{numerator, denominator, (denominator * percent + 99) / 100};
  q.met = numerator >= q.need;
  return q;
}

ExchangePlan plan_exchange(const Registers& staff, const std::vector<ExchangeMove>& moves,
                           const ExchangeRules& rules, int year) {
  ExchangePlan plan{year, {}};
  std::map<int64_t, std::vector<const TeacherYear*>> rows;
  int first_recorded = year;
  for (const TeacherYear& r : staff.teacher_years) {
    rows[r.teacher_id].push_back(&r);
    first_recorded = std::min(first_recorded, r.school_year);
  }
  std::map<int64_t, const Teacher*> teachers;
  for (const Teacher& t : staff.teachers) teachers[t.id] = &t;
  std::map<int64_t, size_t> index;  // school id → plan.schools
  for (const School& s : staff.schools) {
    SchoolExchangePlan p;
    p.school_id = s.id;
    p.school_name = s.name;
    p.location = s.location;
    if (listed(rules.sending_locations, s.location)) p.why_sending = s.location + "学校";
    else if (listed(rules.quality_school_codes, s.code)) p.why_sending = "优质学校";
    p.must_send = !p.why_sending.empty();
    index[s.id] = plan.schools.size();
    plan.schools.push_back(std::move(p));
    std::vector<std::string> why;
    if (s.location == "乡村") why.push_back("乡村学校");
    if (s.weak) why.push_back("薄弱学校");
    if (why.empty()) continue;
    ReceivingSchool r{s.id, s.name, why.front() + (why.size() > 1 ? "、" + why.back() : "")};
    for (const ExchangeMove& m : moves) r.moves_in += m.to_school_id == s.id;
    plan.receiving.push_back(std::move(r));
  }
  std::map<int64_t, int64_t> home;  // a mover's school for the plan: the one they leave
  for (const ExchangeMove& m : moves) home[m.teacher_id] = m.from_school_id;
  const Date september{year, 9, 1};
  std::set<std::pair<int64_t, int64_t>> eligible;  // (school, teacher)
  for (const Teacher& t : staff.teachers) {
    auto moving = home.find(t.id);
    const int64_t school = moving == home.end() ? t.school_id : moving->second;
    auto at = index.find(school);
    if (at == index.end() || !plan.schools[at->second].must_send) continue;
    if (t.post != "专任教师" || !t.on_staff) continue;
    const int years = years_at_school(t, school, rows[t.id], first_recorded, year);
    const int age = age_on(t.birth_date, september);
    const bool male = t.gender == "男";
    const int limit = male ? rules.male_age_limit : rules.female_age_limit;
    if (years < rules.min_years || age >= limit) continue;
    SchoolExchangePlan& p = plan.schools[at->second];
    EligibleTeacher e{t.id, t.name, t.gender, t.backbone, t.subject, age, years};
    e.why = "在本校任教" + std::to_string(years) + "年(≥" + std::to_string(rules.min_years) + "年)," +
            std::to_string(age) + "岁(" + (male ? "男" : "女") + "<" + std::to_string(limit) + "岁)";
    e.moving = moving != home.end();
    p.eligible.push_back(std::move(e));
    eligible.insert({school, t.id});
  }
  for (const ExchangeMove& m : moves) {
    auto at = index.find(m.from_school_id);
    if (at == index.end()) continue;
    SchoolExchangePlan& p = plan.schools[at->second];
    ExchangeMove counted = m;
    counted.counts = eligible.count({m.from_school_id, m.teacher_id}) > 0;
    p.moves.push_back(counted);
    if (!counted.counts) continue;
    ++p.counted_moving;
    auto t = teachers.find(m.teacher_id);
    if (t != teachers.end() && t->second->backbone != "无" && !t->second->backbone.empty()) ++p.backbone_moving;
  }
  std::vector<SchoolExchangePlan> kept;
  for (SchoolExchangePlan& p : plan.schools) {
    if (!p.must_send && p.moves.empty()) continue;
    if (p.must_send) {
      p.moving = quota(p.counted_moving, static_cast<int64_t>(p.eligible.size()), kMovePercent);
      p.backbone = quota(p.backbone_moving, p.counted_moving, kBackbonePercent);
    }
    kept.push_back(std::move(p));
  }
  plan.schools = std::move(kept);
  return plan;
}

}  // namespace edu::analytics
