// What the benchmarks share: the median wall time of a few runs, removing a
// SQLite database with its -wal and -shm files before a fresh load, and the
// process' memory by phase (Linux: the peak resident set can be reset).
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
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

// The resident set of this process now and its peak since the last
// reset_peak_memory() (VmRSS and VmHWM of /proc/self/status), in MB.
struct Memory {
  double now_mb = 0, peak_mb = 0;
};

inline Memory memory() {
  Memory m;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) m.now_mb = std::stod(line.substr(6)) / 1024;
    if (line.rfind("VmHWM:", 0) == 0) m.peak_mb = std::stod(line.substr(6)) / 1024;
  }
  return m;
}

// Starts a new phase: its peak begins at the present resident set.
inline void reset_peak_memory() { std::ofstream("/proc/self/clear_refs") << "5"; }

}  // namespace edu::bench
