// A fixed set of connections handed out to request threads. acquire() blocks
// until one is free; the Lease returns it when it goes out of scope.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.h"

namespace edu {

class ConnectionPool {
 public:
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Database> db) : pool_(pool), db_(std::move(db)) {}
    ~Lease() { pool_.release(std::move(db_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Database& operator*() { return *db_; }
    Database* operator->() { return db_.get(); }

   private:
    ConnectionPool& pool_;
    std::unique_ptr<Database> db_;
  };

  // Opens `size` connections to `url`.
  static Result<std::unique_ptr<ConnectionPool>> open(const std::string& url, int size);
  Lease acquire();

 private:
  void release(std::unique_ptr<Database> db);
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Database>> idle_;
};

}  // namespace edu
