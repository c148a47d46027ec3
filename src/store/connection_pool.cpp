#include "store/connection_pool.h"

namespace edu {

Result<std::unique_ptr<ConnectionPool>> ConnectionPool::open(const std::string& url, int size) {
  auto pool = std::unique_ptr<ConnectionPool>(new ConnectionPool());
  for (int i = 0; i < size; ++i) {
    auto db = open_database(url);
    if (!db.ok()) return db.status();
    pool->idle_.push_back(std::move(db.value()));
  }
  return pool;
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty(); });
  auto db = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(db));
}

void ConnectionPool::release(std::unique_ptr<Database> db) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
  }
  available_.notify_one();
}

}  // namespace edu
