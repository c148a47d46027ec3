#include "demo/exchange.h"

#include <algorithm>

#include "demo/casework.h"
#include "store/registers_loader.h"
#include "store/school_year_store.h"
#include "workflow/case_engine.h"
#include "workflow/exchange_report.h"

namespace edu::demo {
namespace {

class Exchanges {
 public:
  Exchanges(Database& db, const Date& today) : db_(db), today_(today) {}

  Status write() {
    auto year = current_school_year(db_);
    if (!year.ok()) return year.status();
    auto staff = read_staff(db_);
    if (!staff.ok()) return staff.status();
    for (const School& s : staff->schools)
      if (s.location == "乡村") rural_.push_back(s);
    if (rural_.empty()) return Status::Ok();
    auto report = exchange_report(db_, bureau_, *year);
    if (!report.ok()) return report.status();
    start_on_ = std::to_string(*year) + "-09-01";
    years_ = std::to_string(report->rules.service_years);
    std::vector<const analytics::SchoolExchangePlan*> sending;
    for (const analytics::SchoolExchangePlan& p : report->plan.schools)
      if (p.must_send && p.moving && p.moving->need > 0) sending.push_back(&p);
    for (size_t i = 0; i < sending.size(); ++i) {
      Status s = send(*sending[i], staff->schools, i == 0, i + 1 == sending.size() && sending.size() > 1);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  // The school's quota (one short when `short_of`), 骨干 first, approved;
  // `refuse_one` (the first school): its last one waits for the receiving
  // school, and one more is refused by it.
  Status send(const analytics::SchoolExchangePlan& p, const std::vector<School>& schools, bool refuse_one,
              bool short_of) {
    std::vector<analytics::EligibleTeacher> chosen = p.eligible;
    std::stable_partition(chosen.begin(), chosen.end(),
                          [](const analytics::EligibleTeacher& e) { return e.backbone != "无"; });
    const size_t count = static_cast<size_t>(p.moving->need - (short_of ? 1 : 0)) + (refuse_one ? 1 : 0);
    if (chosen.size() > count) chosen.resize(count);
    const std::string kind = std::find_if(schools.begin(), schools.end(), [&](const School& s) {
                               return s.id == p.school_id;
                             })->kind;
    const Actor sender = demo_actor(role::kSchoolAdmin, p.school_id, p.school_name);
    for (size_t i = 0; i < chosen.size(); ++i) {
      const School& to = receiving(kind);
      const Actor receiver = demo_actor(role::kSchoolAdmin, to.id, to.name);
      ActionInput open;
      open.fields = {{"teacher_id", std::to_string(chosen[i].teacher_id)},
                     {"target_school_id", std::to_string(to.id)},
                     {"start_on", start_on_},
                     {"years", years_}};
      open.comment = "按年度交流轮岗计划拟定";
      auto id = open_case(db_, bureau_, "exchange", "propose", open, today_);
      if (!id.ok()) return id.status();
      Status s = take_action(db_, sender, *id, "agree", {{}, "同意派出"}, today_);
      if (!s.ok()) return s;
      const bool refused = refuse_one && i + 1 == chosen.size();
      const bool waiting = refuse_one && i + 2 == chosen.size();
      if (refused) {
        s = take_action(db_, receiver, *id, "refuse_receive", {{{"reason", "本校该学科岗位已满"}}, ""}, today_);
      } else if (!waiting) {
        s = take_action(db_, receiver, *id, "accept", {{}, "同意接收"}, today_);
        if (s.ok()) s = take_action(db_, bureau_, *id, "approve", {{}, "同意"}, today_);
      }
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  // The 乡村 schools in turn, of `kind` where there is one.
  const School& receiving(const std::string& kind) {
    for (size_t tried = 0; tried < rural_.size(); ++tried) {
      const School& s = rural_[next_++ % rural_.size()];
      if (s.kind == kind) return s;
    }
    return rural_[next_++ % rural_.size()];
  }

  Database& db_;
  Date today_;
  Actor bureau_ = demo_actor(role::kBureauAdmin, std::nullopt, "教育局");
  std::vector<School> rural_;
  size_t next_ = 0;
  std::string start_on_, years_;
};

}  // namespace

Status write_demo_exchange(Database& db, const Date& today) { return Exchanges(db, today).write(); }

}  // namespace edu::demo
