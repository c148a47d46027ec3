#include "http/daily_sweep.h"

#include <chrono>
#include <ctime>
#include <iostream>

#include "store/area_store.h"
#include "workflow/dropout_sweep.h"

namespace edu {

void DailySweep::run_once() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  auto db = pool_.acquire();
  auto county = get_county(*db);
  if (!county.ok() || !*county) return;  // 首次设置 first
  auto done = sweep_dropouts(*db, Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
  if (!done.ok())
    std::cerr << "控辍保学排查失败(明日重试):" << done.status().message() << std::endl;
  else if (done->opened > 0)
    std::cout << "控辍保学排查:新登记 " << done->opened << " 名失学辍学儿童" << std::endl;
}

void DailySweep::start() {
  run_once();  // before the server answers: its first reader sees the day's cases
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::hours(24), [this] { return stopping_; })) {
      lock.unlock();
      run_once();
      lock.lock();
    }
  });
}

void DailySweep::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace edu
