#include "core/title_eligibility.h"

#include <algorithm>
#include <set>

namespace edu {

TitleRules default_title_rules() { return {{{"高级", 5}, {"一级", 5}, {"二级", 4}, {"三级", 1}}, 1, 0}; }

const std::vector<std::string>& post_levels() {
  static const std::vector<std::string> levels = {"高级", "一级", "二级", "三级"};
  return levels;
}

int title_rank(const std::string& title) {
  static const std::vector<std::string> ranks = {"未定级", "三级", "二级", "一级", "高级", "正高级"};
  auto it = std::find(ranks.begin(), ranks.end(), title);
  return it == ranks.end() ? -1 : static_cast<int>(it - ranks.begin());
}

namespace {

// The school years, consecutive up to the newest row, with `title`.
int history_years_in(std::vector<CareerYear> years, const std::string& title) {
  std::sort(years.begin(), years.end(),
            [](const CareerYear& a, const CareerYear& b) { return a.school_year > b.school_year; });
  int n = 0;
  for (size_t i = 0; i < years.size() && years[i].title == title; ++i) {
    if (i > 0 && years[i].school_year != years[i - 1].school_year - 1) break;
    ++n;
  }
  return n;
}

}  // namespace

Eligibility check_title_eligibility(const TitleRules& rules, const TitleCareer& career, const std::string& level,
                                    const Date& today) {
  Eligibility e;
  e.years_in_title =
      career.title_since ? std::max(0, age_on(*career.title_since, today)) : history_years_in(career.years, career.title);
  std::set<int> rural;
  for (const CareerYear& y : career.years)
    if (y.location == "乡村" || y.weak) rural.insert(y.school_year);
  e.rural_years = static_cast<int>(rural.size());
  if (std::find(post_levels().begin(), post_levels().end(), level) == post_levels().end()) {
    e.unmet.push_back("申报等级应为高级、一级、二级或三级");
    return e;
  }
  if (title_rank(level) <= title_rank(career.title))
    e.unmet.push_back("申报等级(" + level + ")应高于现任职称(" + career.title + ")");
  auto need = rules.years_required.find(level);
  const int years = need == rules.years_required.end() ? 0 : need->second;
  if (e.years_in_title < years)
    e.unmet.push_back("现任职称(" + career.title + ")任职年限不足:申报" + level + "须满" + std::to_string(years) +
                      "年,现为" + std::to_string(e.years_in_title) + "年");
  if (level == "高级" && e.rural_years < rules.rural_years_required)
    e.unmet.push_back("申报高级须有乡村学校或薄弱学校任教经历满" + std::to_string(rules.rural_years_required) + "年,现为" +
                      std::to_string(e.rural_years) + "年");
  if (career.training_hours < rules.training_hours_required)
    e.unmet.push_back("本周期继续教育学时不足:须满" + std::to_string(rules.training_hours_required) + "学时,现为" +
                      std::to_string(career.training_hours) + "学时");
  return e;
}

}  // namespace edu
