// The demo generator's random numbers: splitmix64 and a few plain helpers on
// top of it, so that a seed gives the same county on every machine and
// standard library (std::*_distribution and std::hash are
// implementation-defined, so they are never used for output).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace edu::demo {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
  // Uniform in [lo, hi], both included.
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
  bool chance(double p) { return unit() < p; }

  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[below(static_cast<int>(items.size()))];
  }
  // A value drawn with the given relative weights.
  template <class T>
  const T& weighted(const std::vector<std::pair<T, double>>& table) {
    double total = 0;
    for (const auto& [value, weight] : table) total += weight;
    double x = unit() * total;
    for (const auto& [value, weight] : table) {
      if (x < weight) return value;
      x -= weight;
    }
    return table.back().first;
  }
  template <class T>
  void shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i)
      std::swap(items[i - 1], items[below(static_cast<int>(i))]);
  }

 private:
  uint64_t state_;
};

}  // namespace edu::demo
