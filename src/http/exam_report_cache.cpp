#include "http/exam_report_cache.h"

namespace edu {

Result<KeptReport> ExamReportCache::get(Database& db, int64_t exam_id) {
  auto version = exam_data_version(db, exam_id);
  if (!version.ok()) return version.status();
  std::promise<Shared> promise;
  std::shared_future<Shared> report;
  std::shared_ptr<RenderedBodies> bodies;
  bool compute = false;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.begin();
    while (it != entries_.end() && it->exam_id != exam_id) ++it;
    if (it != entries_.end() && it->version == *version) {
      entries_.splice(entries_.begin(), entries_, it);
      report = it->report;
      bodies = it->bodies;
    } else {
      if (it != entries_.end()) entries_.erase(it);
      report = promise.get_future().share();
      bodies = std::make_shared<RenderedBodies>(body_budget_);
      entries_.push_front({exam_id, *version, report, bodies});
      if (entries_.size() > capacity_) entries_.pop_back();
      compute = true;
    }
  }
  if (compute) {
    Result<ExamReport> built = Status::Error("internal", "成绩分析失败");
    try {
      built = build_exam_report(db, exam_id);
    } catch (const std::exception&) {  // waiters get the error; the next request tries again
    }
    if (built.ok()) {
      promise.set_value(std::shared_ptr<const ExamReport>(std::make_shared<ExamReport>(std::move(*built))));
    } else {
      promise.set_value(built.status());
      std::lock_guard lock(mutex_);
      entries_.remove_if([&](const Entry& e) { return e.exam_id == exam_id && e.version == *version; });
    }
  }
  const Shared& kept = report.get();
  if (!kept.ok()) return kept.status();
  return KeptReport{kept.value(), std::move(bodies)};
}

}  // namespace edu
