// The cap on concurrent password checks (http/hashing_slots.h): a check runs
// only in a free slot; with none free within the wait it is not run at all.
#include "http/hashing_slots.h"

#include <gtest/gtest.h>

namespace edu {
namespace {

TEST(HashingSlots, RunsInAFreeSlotAndRefusesWhenNoneFrees) {
  HashingSlots slots(2, std::chrono::milliseconds(0));
  int checks = 0;
  bool third_ran = true;
  EXPECT_TRUE(slots.run([&] {
    ++checks;
    EXPECT_TRUE(slots.run([&] {
      ++checks;
      third_ran = slots.run([&] { ++checks; });  // both slots held
    }));
  }));
  EXPECT_FALSE(third_ran);
  EXPECT_EQ(checks, 2);
  EXPECT_TRUE(slots.run([&] { ++checks; }));  // released again
  EXPECT_EQ(checks, 3);
}

}  // namespace
}  // namespace edu
