#include "core/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace edu {
namespace {

unsigned cores() { return std::max(1u, std::thread::hardware_concurrency()); }

// The helper threads. Each call is one generation: every helper wakes for it,
// the first `helping` of them take items, and all report before the call returns.
class Helpers {
 public:
  Helpers() {
    for (unsigned k = 0; k + 1 < cores(); ++k) threads_.emplace_back([this, k] { serve(k); });
  }
  ~Helpers() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  size_t size() const { return threads_.size(); }

  // Whether this call may use the helpers; release() when done.
  bool acquire() { return !in_use_.exchange(true); }
  void release() { in_use_ = false; }

  void run(size_t n, size_t helping, const std::function<void(size_t)>& work) {
    std::atomic<size_t> next{0};
    {
      std::lock_guard lock(mutex_);
      job_ = {&work, n, &next, helping};
      ++generation_;
      reported_ = 0;
    }
    wake_.notify_all();
    struct AllReported {  // also when work throws here: the helpers hold references to this frame
      Helpers& h;
      ~AllReported() {
        std::unique_lock lock(h.mutex_);
        h.done_.wait(lock, [&] { return h.reported_ == h.threads_.size(); });
      }
    } all_reported{*this};
    take_items(job_);
  }

 private:
  struct Job {
    const std::function<void(size_t)>* work = nullptr;
    size_t n = 0;
    std::atomic<size_t>* next = nullptr;
    size_t helping = 0;
  };

  static void take_items(const Job& job) {
    for (size_t i = (*job.next)++; i < job.n; i = (*job.next)++) (*job.work)(i);
  }

  void serve(size_t k) {
    uint64_t seen = 0;
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      const Job job = job_;
      lock.unlock();
      if (k < job.helping) take_items(job);
      lock.lock();
      if (++reported_ == threads_.size()) done_.notify_one();
    }
  }

  std::vector<std::thread> threads_;
  std::atomic<bool> in_use_{false};
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  Job job_;
  uint64_t generation_ = 0;
  size_t reported_ = 0;
  bool stop_ = false;
};

}  // namespace

void parallel_for(size_t n, unsigned threads, const std::function<void(size_t)>& work) {
  const size_t wanted = std::min<size_t>(n, threads == 0 ? cores() : threads);
  static Helpers helpers;
  if (wanted <= 1 || helpers.size() == 0 || !helpers.acquire()) {
    for (size_t i = 0; i < n; ++i) work(i);
    return;
  }
  struct Released {
    ~Released() { helpers.release(); }
  } released;
  helpers.run(n, std::min(wanted - 1, helpers.size()), work);
}

}  // namespace edu
