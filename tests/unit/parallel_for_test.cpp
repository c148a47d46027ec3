// parallel_for: every item exactly once, on any number of threads; one
// thread is the calling thread, in order.
#include "core/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace edu {
namespace {

TEST(ParallelFor, EveryItemExactlyOnce) {
  for (unsigned threads : {0u, 1u, 2u, 8u})
    for (size_t n : {0u, 1u, 3u, 1000u}) {
      std::vector<std::atomic<int>> calls(n);
      parallel_for(n, threads, [&](size_t i) { ++calls[i]; });
      for (size_t i = 0; i < n; ++i) ASSERT_EQ(calls[i].load(), 1) << threads << " threads, item " << i;
    }
}

TEST(ParallelFor, OneThreadRunsInOrderOnTheCaller) {
  std::vector<size_t> order;
  const auto caller = std::this_thread::get_id();
  parallel_for(5, 1, [&](size_t i) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    order.push_back(i);
  });
  EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2, 3, 4}));
}

// Calls inside calls find the extra threads taken and run on their caller:
// never more threads than the machine's cores at once.
TEST(ParallelFor, NestedCallsStayWithinTheCores) {
  std::atomic<int> running{0}, most{0};
  std::vector<std::atomic<int>> calls(16 * 16);
  parallel_for(16, 0, [&](size_t i) {
    parallel_for(16, 0, [&](size_t j) {
      const int now = ++running;
      for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
      }
      ++calls[i * 16 + j];
      --running;
    });
  });
  for (const auto& c : calls) ASSERT_EQ(c.load(), 1);
  EXPECT_LE(most.load(), static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}

}  // namespace
}  // namespace edu
