#include "http/kept_score_counts.h"

namespace edu {

Result<std::vector<std::vector<int64_t>>> KeptScoreCounts::scored(Database& db,
                                                                  const std::vector<exam::ExamRecord>& exams,
                                                                  const std::set<int64_t>& schools) {
  std::map<int64_t, Kept> now;
  {
    std::lock_guard lock(mutex_);
    for (const exam::ExamRecord& e : exams)
      if (auto it = kept_.find(e.id); it != kept_.end() && it->second.data_version == e.data_version)
        now.insert(*it);
  }
  for (const exam::ExamRecord& e : exams) {
    if (now.count(e.id)) continue;
    auto counts = exam_scored_by_school(db, e.id);
    if (!counts.ok()) return counts.status();
    now[e.id] = {e.data_version, std::make_shared<const std::vector<ScoredAtSchool>>(std::move(*counts))};
  }
  std::vector<std::vector<int64_t>> out;
  for (const exam::ExamRecord& e : exams) {
    std::vector<int64_t>& scored = out.emplace_back(e.subjects.size(), 0);
    for (const ScoredAtSchool& c : *now[e.id].counts)
      if (c.subject >= 0 && static_cast<size_t>(c.subject) < scored.size() && schools.count(c.school_id))
        scored[c.subject] += c.students;
  }
  std::lock_guard lock(mutex_);
  kept_ = std::move(now);
  return out;
}

}  // namespace edu
