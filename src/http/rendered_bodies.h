// The serialized JSON bodies rendered from one kept exam report
// (http/exam_report_cache.h), each under a key naming the piece and the viewer
// it was rendered for, so that a piece is rendered once per report version and
// every later request sends the same bytes.
//   - A body is rendered by the first request for its key. Requests for the same
//     key at the same moment may each render it (the same bytes); one is kept.
//   - A failed rendering is returned and not kept.
//   - Bounded: once the kept bodies exceed `budget` bytes, the least recently
//     used go (a body larger than the budget is returned, not kept).
//   - The bodies live as long as their report's cache entry (or a request that
//     still holds them); a new version of the exam's data starts empty.
// Thread-safe.
#pragma once

#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/router.h"

namespace edu {

class RenderedBodies {
 public:
  using Body = std::shared_ptr<const std::string>;
  explicit RenderedBodies(size_t budget) : budget_(budget) {}
  // The body kept under `key`, else `render()`'s JSON serialized (json_text), kept.
  Result<Body> get(const std::string& key, const std::function<Result<Json>()>& render);

 private:
  using Entries = std::list<std::pair<std::string, Body>>;  // most recently used first
  const size_t budget_;
  std::mutex mutex_;
  Entries entries_;
  std::unordered_map<std::string, Entries::iterator> index_;
  size_t bytes_ = 0;
};

}  // namespace edu
