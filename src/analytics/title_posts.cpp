#include "analytics/title_posts.h"

#include <algorithm>
#include <cmath>

#include "core/title_eligibility.h"  // post_levels()

namespace edu::analytics::titles {

Fraction fraction(int64_t numerator, int64_t denominator) {
  Fraction f{numerator, denominator, std::nullopt};
  if (denominator > 0) f.percent = std::round(1000.0 * numerator / denominator) / 10.0;
  return f;
}

int64_t vacancies(int64_t approved, int64_t held) { return std::max<int64_t>(0, approved - held); }

Holder holder_of(int64_t teacher_id, int64_t school_id, const std::string& register_title, bool has_appointment,
                 const std::string& title_level, const std::string& post_level, const std::string& status) {
  if (!has_appointment) return {teacher_id, school_id, register_title, register_title, false};
  return {teacher_id, school_id, title_level, status == "解聘" ? "" : post_level, status == "高职低聘"};
}

namespace {

size_t level_index(const std::string& level) {
  const auto& levels = post_levels();
  return static_cast<size_t>(std::find(levels.begin(), levels.end(), level) - levels.begin());
}

std::vector<LevelPosts> empty_levels() {
  std::vector<LevelPosts> out;
  for (const std::string& l : post_levels()) out.push_back({l});
  return out;
}

std::vector<RoundCell> empty_cells() {
  std::vector<RoundCell> out;
  for (const std::string& l : post_levels()) out.push_back({l});
  return out;
}

// Adds a holder to the levels of one school (or the total); titled counts
// the holders of each title, the under rate's denominator.
void add_holder(std::vector<LevelPosts>& levels, std::vector<int64_t>& titled, const Holder& h) {
  const size_t post = level_index(h.post), title = level_index(h.title);
  if (post < levels.size()) levels[post].held.push_back(h.teacher_id);
  if (title < levels.size()) {
    ++titled[title];
    if (h.under) levels[title].under.push_back(h.teacher_id);
  }
}

void finish(std::vector<LevelPosts>& levels, const std::vector<int64_t>& titled) {
  for (size_t i = 0; i < levels.size(); ++i) {
    LevelPosts& l = levels[i];
    const auto held = static_cast<int64_t>(l.held.size());
    l.vacancies = vacancies(l.approved, held);
    l.over = held > l.approved;
    l.under_rate = fraction(static_cast<int64_t>(l.under.size()), titled[i]);
  }
}

}  // namespace

PostsTable posts_table(const std::vector<int64_t>& school_ids, const std::vector<Post>& posts,
                       const std::vector<Holder>& holders) {
  PostsTable t;
  t.total = empty_levels();
  std::vector<int64_t> total_titled(post_levels().size(), 0);
  for (int64_t id : school_ids) {
    SchoolPosts s{id, empty_levels()};
    std::vector<int64_t> titled(post_levels().size(), 0);
    for (const Post& p : posts)
      if (p.school_id == id && level_index(p.level) < s.levels.size()) {
        s.levels[level_index(p.level)].approved = p.approved;
        t.total[level_index(p.level)].approved += p.approved;
      }
    for (const Holder& h : holders)
      if (h.school_id == id) {
        add_holder(s.levels, titled, h);
        add_holder(t.total, total_titled, h);
      }
    finish(s.levels, titled);
    t.schools.push_back(std::move(s));
  }
  finish(t.total, total_titled);
  return t;
}

RoundReport round_report(const std::vector<Application>& applications) {
  RoundReport r;
  r.total = empty_cells();
  for (const Application& a : applications) {
    const size_t i = level_index(a.level);
    if (i >= r.total.size()) continue;
    auto row = std::find_if(r.schools.begin(), r.schools.end(),
                            [&](const RoundRow& x) { return x.school_id == a.school_id; });
    if (row == r.schools.end()) {
      r.schools.push_back({a.school_id, empty_cells()});
      row = r.schools.end() - 1;
    }
    for (RoundCell* cell : {&row->levels[i], &r.total[i]}) {
      cell->applied.push_back(a.case_id);
      if (a.passed) cell->passed.push_back(a.case_id);
      if (a.appointed) cell->appointed.push_back(a.case_id);
    }
  }
  return r;
}

}  // namespace edu::analytics::titles
