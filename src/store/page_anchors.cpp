#include "store/page_anchors.h"

#include <future>

namespace edu {

struct PageAnchorCache::Entry {
  std::string location;
  int64_t version = 0;
  std::shared_future<Computed> result;
  std::list<std::string>::iterator place;  // in recent_
};

PageAnchorCache& PageAnchorCache::shared() {
  static PageAnchorCache cache(1000, 256);
  return cache;
}

namespace {

Result<std::shared_ptr<const PageAnchors>> kept(Result<PageAnchors> computed) {
  if (!computed.ok()) return computed.status();
  return std::shared_ptr<const PageAnchors>(std::make_shared<PageAnchors>(std::move(*computed)));
}

}  // namespace

Result<std::shared_ptr<const PageAnchors>> PageAnchorCache::get(
    const std::string& location, const std::string& key, int64_t version,
    const std::function<Result<PageAnchors>()>& compute) {
  if (location.empty() || key.size() > kMaxKeyBytes) return kept(compute());
  const std::string full = location + '\0' + key;
  std::promise<Computed> promise;
  std::shared_ptr<Entry> mine;
  std::shared_future<Computed> theirs;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(full);
    if (it != entries_.end() && it->second->version > version) {
      // This request read the version before a write that the entry has seen.
    } else if (it != entries_.end() && it->second->version == version) {
      recent_.splice(recent_.begin(), recent_, it->second->place);
      theirs = it->second->result;
    } else {
      mine = std::make_shared<Entry>();
      mine->location = location;
      mine->version = version;
      mine->result = promise.get_future().share();
      if (it != entries_.end()) {
        mine->place = it->second->place;
        recent_.splice(recent_.begin(), recent_, mine->place);
        it->second = mine;
      } else {
        recent_.push_front(full);
        mine->place = recent_.begin();
        entries_.emplace(full, mine);
      }
      while (entries_.size() > capacity_) {
        entries_.erase(recent_.back());
        recent_.pop_back();
      }
    }
  }
  if (theirs.valid()) return theirs.get();  // waits while the first request computes it
  if (!mine) return kept(compute());
  auto drop_mine = [&] {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(full);
    if (it == entries_.end() || it->second != mine) return;
    recent_.erase(it->second->place);
    entries_.erase(it);
  };
  try {
    Computed value = kept(compute());
    if (!value.ok()) drop_mine();
    promise.set_value(value);
    return value;
  } catch (...) {
    drop_mine();
    promise.set_exception(std::current_exception());
    throw;
  }
}

void PageAnchorCache::forget(const std::string& location) {
  std::lock_guard lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second->location == location) {
      recent_.erase(it->second->place);
      it = entries_.erase(it);
    } else {
      ++it;
    }
  }
}

size_t PageAnchorCache::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace edu
