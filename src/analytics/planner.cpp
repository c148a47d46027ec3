#include "analytics/planner.h"

#include <cmath>
#include <cstdio>
#include <map>

namespace edu::analytics {
namespace {

std::string three_places(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

struct Candidate {
  int teacher = -1, from = -1, to = -1;
  double excess = 0, total = 0;
};

class Greedy {
 public:
  Greedy(BalanceModel& model, Section section) : m_(model), section_(section) {
    for (size_t i = 0; i < m_.standard().indicators.size(); ++i)
      if (is_teacher_quantity(m_.standard().indicators[i].quantity)) teacher_.push_back(static_cast<int>(i));
    for (size_t u = 0; u < m_.units().size(); ++u)
      if (m_.units()[u].section == section) units_.push_back(static_cast<int>(u));
  }

  // Σ max(0, cv − limit) over the teacher indicators, and Σ cv.
  std::pair<double, double> excess() const {
    double excess = 0, total = 0;
    for (int i : teacher_) {
      IndicatorCv c = m_.cv(section_, i);
      double cv = c.cv.cv.value_or(0);
      excess += std::max(0.0, cv - c.limit);
      total += cv;
    }
    return {excess, total};
  }

  Candidate best_move() const {
    Candidate best;
    const double limit = m_.standard().cv_limit[static_cast<int>(section_)];
    for (int from : units_) {
      const BalanceUnit& a = m_.units()[from];
      double floor = std::ceil(a.students / staffing_norm(section_) - 1e-9);
      if (at(a.quantity, Quantity::kTeachers) - 1 < floor) continue;
      for (const auto& [profile, teacher] : profiles(a)) {
        Quantities q = teacher_contribution(m_.snapshot(), teacher, section_, m_.settings());
        for (int to : units_) {
          if (to == from) continue;
          double excess = 0, total = 0;
          for (int i : teacher_) {
            double cv = m_.cv_after_move(i, from, to, q).value_or(0);
            excess += std::max(0.0, cv - limit);
            total += cv;
          }
          if (best.teacher < 0 || excess < best.excess - 1e-12 ||
              (excess < best.excess + 1e-12 && total < best.total - 1e-12))
            best = {teacher, from, to, excess, total};
        }
      }
    }
    return best;
  }

 private:
  // One representative (the first) teacher of each distinct profile at a unit.
  std::map<int, int> profiles(const BalanceUnit& u) const {
    std::map<int, int> out;
    for (int t : u.teachers) {
      Quantities q = teacher_contribution(m_.snapshot(), t, section_, m_.settings());
      int key = 0;
      for (int j = 0; j < kQuantityCount; ++j)
        if (q[j] != 0) key |= 1 << j;
      out.emplace(key, t);
    }
    return out;
  }

  BalanceModel& m_;
  Section section_;
  std::vector<int> teacher_, units_;
};

void note_conditions(const BalanceModel& m, Section section, std::vector<std::string>& notes) {
  for (size_t i = 0; i < m.standard().indicators.size(); ++i) {
    const IndicatorDef& d = m.standard().indicators[i];
    if (is_teacher_quantity(d.quantity)) continue;
    IndicatorCv c = m.cv(section, static_cast<int>(i));
    if (c.within && !*c.within)
      notes.push_back("「" + d.label + "」差异系数 " + three_places(*c.cv.cv) + " 超过限值 " +
                      three_places(c.limit) + ",属办学条件指标,调动教师无法改善,须增加投入");
  }
}

// What the plan aims at, said plainly, and the schools it leaves failing.
void note_schools(const BalanceModel& today, Plan& plan) {
  const std::string name = section_name(plan.section);
  BalanceSummary before = today.summary(plan.section), after = plan.after.summary(plan.section);
  plan.schools = before.units;
  if (!today.standard().has_school_standards) return;
  plan.failing_before = before.units - before.complying;
  plan.failing_after = after.units - after.complying;
  std::string text = "本方案只以县域差异系数(教师类指标)为目标,不以每所学校达标为目标:";
  if (*plan.failing_after == 0)
    text += "调动后全部 " + std::to_string(after.units) + " 所" + name + "均达到校级标准";
  else
    text += "调动后仍有 " + std::to_string(*plan.failing_after) + " 所" + name + "未达到校级标准(共 " +
            std::to_string(after.units) + " 所,现状 " + std::to_string(*plan.failing_before) +
            " 所未达标),须逐校补充教师或改善办学条件,可在上方逐项模拟";
  plan.notes.push_back(text);
}

}  // namespace

Result<Plan> plan_teacher_moves(const BalanceModel& today, Section section, int max_moves) {
  if (!today.teachers_known())
    return Status::Error("validation", "该学年没有教师数据,无法规划教师调动");
  Plan plan{section, false, {}, today, {}};
  Greedy greedy(plan.after, section);
  auto [excess, total] = greedy.excess();
  while (excess > 1e-12 && static_cast<int>(plan.moves.size()) < max_moves) {
    Candidate c = greedy.best_move();
    if (c.teacher < 0 || c.excess >= excess - 1e-12) break;
    Status s = plan.after.move_teacher(c.teacher, c.from, c.to);
    if (!s.ok()) return s;
    plan.moves.push_back({c.teacher, c.from, c.to});
    std::tie(excess, total) = greedy.excess();
  }
  plan.reached = excess <= 1e-12;
  const std::string name = section_name(section);
  if (plan.reached && plan.moves.empty())
    plan.notes.push_back("县域" + name + "各项教师类指标差异系数均在限值内,无需为缩小差异系数调动教师");
  else if (plan.reached)
    plan.notes.push_back("调动 " + std::to_string(plan.moves.size()) + " 名教师后," + name +
                         "各项教师类指标差异系数均在限值内(逐步择优,人数不保证最少)");
  else if (static_cast<int>(plan.moves.size()) >= max_moves)
    plan.notes.push_back("调动 " + std::to_string(max_moves) + " 名教师后仍未使" + name +
                         "教师类指标差异系数全部达标,仅靠调动教师无法实现");
  else
    plan.notes.push_back("在保证各校专任教师不低于编制标准的前提下,找不到能继续降低" + name +
                         "教师类指标差异系数的调动,仅靠调动教师无法达到限值,须补充教师");
  note_conditions(today, section, plan.notes);
  note_schools(today, plan);
  return plan;
}

}  // namespace edu::analytics
