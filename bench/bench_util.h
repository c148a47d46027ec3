// What the benchmarks share: the median wall time of a few runs, and removing
// a SQLite database with its -wal and -shm files before a fresh load.
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <vector>

namespace edu::bench {

using Clock = std::chrono::steady_clock;

template <class F>
double median_seconds(int runs, F&& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    f();
    t.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

inline void remove_db(const std::filesystem::path& p) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
}

}  // namespace edu::bench
