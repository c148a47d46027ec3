// Exam reports kept per version of their data (store/exam_store.h,
// ExamDataVersion): the first request after a change computes the report
// (workflow/exam_report.h) and every later one reads the kept result.
//   - Requests for an exam being computed wait for that one computation; a
//     reader never sees a half-built report (it gets a finished, immutable one).
//   - At most `capacity` exams are kept; the least recently used is dropped.
//   - Nothing is computed at start: after a restart each exam is computed when
//     first asked for.
//   - A failed computation is not kept; the next request tries again.
//   - Each kept report comes with its rendered bodies (http/rendered_bodies.h,
//     at most `body_budget` bytes per report), which go when the report goes.
// One cache per server (its database); thread-safe.
#pragma once

#include <cstdint>
#include <future>
#include <list>
#include <memory>
#include <mutex>

#include "http/rendered_bodies.h"
#include "store/exam_store.h"
#include "workflow/exam_report.h"

namespace edu {

// A report as kept, with the bodies rendered from it.
struct KeptReport {
  std::shared_ptr<const ExamReport> report;
  std::shared_ptr<RenderedBodies> bodies;
};

class ExamReportCache {
 public:
  ExamReportCache(size_t capacity, size_t body_budget) : capacity_(capacity), body_budget_(body_budget) {}
  Result<KeptReport> get(Database& db, int64_t exam_id);

 private:
  using Shared = Result<std::shared_ptr<const ExamReport>>;
  struct Entry {
    int64_t exam_id = 0;
    ExamDataVersion version;
    std::shared_future<Shared> report;
    std::shared_ptr<RenderedBodies> bodies;
  };
  const size_t capacity_, body_budget_;
  std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
};

}  // namespace edu
