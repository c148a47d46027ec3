// The 控辍保学 sweep (workflow/dropout_sweep.h) run by `serve`: once when the
// server starts (in start(), before it answers) and then every 24 hours until stop(), each on a connection of
// the pool, on the local date. A failure is written to stderr and retried the
// next day; it never stops the server.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/connection_pool.h"

namespace edu {

class DailySweep {
 public:
  explicit DailySweep(ConnectionPool& pool) : pool_(pool) {}
  ~DailySweep() { stop(); }
  void start();
  void stop();

 private:
  void run_once();
  ConnectionPool& pool_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace edu
