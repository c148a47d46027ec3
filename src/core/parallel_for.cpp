#include "core/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace edu {
namespace {

unsigned cores() { return std::max(1u, std::thread::hardware_concurrency()); }

// The extra threads not in use by any call: the process-wide budget.
std::atomic<int> spare_threads{static_cast<int>(cores()) - 1};

// Takes up to `wanted` threads from the budget; returns how many it got.
int take_threads(int wanted) {
  int spare = spare_threads.load();
  int taken = 0;
  do taken = std::clamp(spare, 0, wanted);
  while (taken > 0 && !spare_threads.compare_exchange_weak(spare, spare - taken));
  return taken;
}

}  // namespace

void parallel_for(size_t n, unsigned threads, const std::function<void(size_t)>& work) {
  const size_t wanted = std::min<size_t>(n, threads == 0 ? cores() : threads);
  const int extra = wanted > 1 ? take_threads(static_cast<int>(wanted - 1)) : 0;
  if (extra == 0) {
    for (size_t i = 0; i < n; ++i) work(i);
    return;
  }
  struct GivenBack {
    int threads;
    ~GivenBack() { spare_threads += threads; }
  } given_back{extra};
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t i = next++; i < n; i = next++) work(i);
  };
  std::vector<std::jthread> helpers;  // joined before given_back returns them
  helpers.reserve(extra);
  for (int t = 0; t < extra; ++t) helpers.emplace_back(run);
  run();
}

}  // namespace edu
