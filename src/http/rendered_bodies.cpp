#include "http/rendered_bodies.h"

namespace edu {

Result<RenderedBodies::Body> RenderedBodies::get(const std::string& key,
                                                 const std::function<Result<Json>()>& render) {
  {
    std::lock_guard lock(mutex_);
    if (auto at = index_.find(key); at != index_.end()) {
      entries_.splice(entries_.begin(), entries_, at->second);
      return at->second->second;
    }
  }
  auto json = render();  // outside the lock: other pieces are served meanwhile
  if (!json.ok()) return json.status();
  auto body = std::make_shared<const std::string>(json_text(*json));
  if (body->size() > budget_) return Body(body);
  std::lock_guard lock(mutex_);
  if (auto at = index_.find(key); at != index_.end()) return at->second->second;  // rendered meanwhile
  entries_.emplace_front(key, body);
  index_[key] = entries_.begin();
  bytes_ += body->size();
  while (bytes_ > budget_) {
    bytes_ -= entries_.back().second->size();
    index_.erase(entries_.back().first);
    entries_.pop_back();
  }
  return Body(body);
}

}  // namespace edu
