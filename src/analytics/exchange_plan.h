// 交流轮岗's plan for a school year (DOMAIN.md, "Teachers' work"): per school
// that must send, its eligible teachers (each with why) and the year's moves
// out of it, checked against the national quotas. Pure: no SQL, no HTTP.
//
// Contract:
//  - A school must send when its 城乡类别 is one of rules.sending_locations
//    (城区, 镇区: 城镇) or its code is in rules.quality_school_codes (优质).
//  - A teacher is eligible at their school — for one among the year's moves,
//    the school they leave, even once approved and away — when they are an
//    在编 专任教师, have taught there at least rules.min_years school years up
//    to `year`, and are younger on 1 September of `year` than the age limit
//    of their gender (男 < 55, 女 < 50 by default). The years at the school:
//    `year` itself and the unbroken run of teacher_years rows there before; a
//    run reaching back to the register's first recorded year (or a teacher
//    with no rows) continues back to the year the teacher was hired (the
//    school year of hired_on: from 1 September) — the register knows nothing
//    earlier to contradict it.
//  - The year's moves: the exchange cases starting in `year` (1 September to
//    31 August) not refused, proposed or approved, as the caller gives them.
//  - Quotas, each with numerator, denominator and the need (rounded up):
//    moving: the school's eligible teachers in the year's moves ≥ 10% of its
//    eligible; 骨干: the 骨干 (县级 and above) among them ≥ 20% of those
//    movers. A move of a teacher not eligible there (too young in the post,
//    past the age limit, not 在编 专任, or from a school that need not send)
//    is listed with `counts` false (不计入) and counts toward neither.
//    Met when the numerator reaches the need.
//  - A school that need not send is listed only when moves leave it; it has
//    no quotas.
//  - Receiving schools: every 乡村 school and every school marked 薄弱学校
//    (the schools exchange is meant to strengthen), by school id, each with
//    why (乡村学校, 薄弱学校 or both) and the year's moves into it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace edu::analytics {

struct ExchangeRules {
  int min_years = 6;
  int male_age_limit = 55, female_age_limit = 50;
  std::vector<std::string> sending_locations = {"城区", "镇区"};
  std::vector<std::string> quality_school_codes;
  int service_years = 3;  // the period of service a proposal defaults to
};

inline constexpr int kMovePercent = 10, kBackbonePercent = 20;

struct ExchangeMove {
  int64_t case_id = 0, teacher_id = 0, from_school_id = 0, to_school_id = 0;
  std::string state, start_on;
  bool approved = false;  // the bureau has approved it (交流中 or back)
  bool counts = false;    // the plan's: the teacher is eligible at from_school_id (else 不计入)
};

struct EligibleTeacher {
  int64_t teacher_id = 0;
  std::string name, gender, backbone, subject;
  int age = 0, years_at_school = 0;
  std::string why;       // 中文: 在本校任教8年(≥6年),42岁(男<55岁)
  bool moving = false;   // among the year's moves
};

struct Quota {
  int64_t numerator = 0, denominator = 0, need = 0;
  bool met = true;
};
// need = ⌈denominator × percent ÷ 100⌉; met when numerator ≥ need.
Quota quota(int64_t numerator, int64_t denominator, int percent);

struct SchoolExchangePlan {
  int64_t school_id = 0;
  std::string school_name, location;
  bool must_send = false;
  std::string why_sending;  // 城区学校 / 优质学校; "" when it need not send
  std::vector<EligibleTeacher> eligible;
  std::vector<ExchangeMove> moves;  // out of this school, counted or not
  int64_t counted_moving = 0, backbone_moving = 0;  // among the moves that count
  std::optional<Quota> moving, backbone;  // absent when it need not send
};

struct ReceivingSchool {
  int64_t school_id = 0;
  std::string school_name, why;  // 乡村学校 / 薄弱学校 / 乡村学校、薄弱学校
  int64_t moves_in = 0;          // the year's moves to it
};

struct ExchangePlan {
  int year = 0;
  std::vector<SchoolExchangePlan> schools;  // by school id
  std::vector<ReceivingSchool> receiving;   // by school id
};

// `staff`: schools, teachers and teacher_years (store/registers_loader.h read_staff).
ExchangePlan plan_exchange(const Registers& staff, const std::vector<ExchangeMove>& moves,
                           const ExchangeRules& rules, int year);

}  // namespace edu::analytics
