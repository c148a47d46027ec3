// A cap on concurrent password checks. An argon2id verification takes 64 MB
// and tens of milliseconds of a core; sixteen at once took every worker and
// made an unrelated GET 150 times slower (issue 8.8). At most `slots` checks
// run at once; a login that cannot get a slot within `wait` is not checked
// and is answered "服务器繁忙,请稍后再试" (HTTP 429), so the workers keep
// answering other requests.
#pragma once

#include <chrono>
#include <semaphore>

namespace edu {

class HashingSlots {
 public:
  HashingSlots(std::ptrdiff_t slots, std::chrono::milliseconds wait) : free_(slots), wait_(wait) {}

  // Runs `check` in a slot and returns true; false, without running it, when
  // no slot frees within the wait.
  template <class F>
  bool run(F&& check) {
    if (!free_.try_acquire_for(wait_)) return false;
    struct Release {
      std::counting_semaphore<>& slots;
      ~Release() { slots.release(); }
    } release{free_};
    check();
    return true;
  }

 private:
  std::counting_semaphore<> free_;
  std::chrono::milliseconds wait_;
};

}  // namespace edu
