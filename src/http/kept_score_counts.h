// The exam list's imported scores per subject in the caller's scope, summed
// from each exam's counts per subject and school (store/exam_store.h
// exam_scored_by_school), which are kept per version of the exam's data
// (ExamRecord::data_version): one pass over an exam's scores after each change,
// instead of grouping every score of every exam on each request (2 M scores at
// province scale). Exams no longer asked for are dropped. One per server;
// thread-safe (two requests may count the same new version at once; both
// results are equal).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

#include "store/exam_store.h"

namespace edu {

class KeptScoreCounts {
 public:
  // Per exam of `exams` (in order), per subject: the students with a score
  // submitted by one of `schools`.
  Result<std::vector<std::vector<int64_t>>> scored(Database& db, const std::vector<exam::ExamRecord>& exams,
                                                   const std::set<int64_t>& schools);

 private:
  struct Kept {
    int64_t data_version = 0;
    std::shared_ptr<const std::vector<ScoredAtSchool>> counts;
  };
  std::mutex mutex_;
  std::map<int64_t, Kept> kept_;  // by exam id
};

}  // namespace edu
