// http/rendered_bodies.h: a body is rendered once per key and sent as kept; a
// failed rendering is not kept; the least recently used bodies go once the
// budget is exceeded.
#include "http/rendered_bodies.h"

#include <gtest/gtest.h>

namespace edu {
namespace {

// Renderers counting their calls; each renders the JSON string `text`.
struct Counting {
  int calls = 0;
  std::function<Result<Json>()> of(const std::string& text) {
    return [this, text]() -> Result<Json> {
      ++calls;
      return Json(text);
    };
  }
};

TEST(RenderedBodies, RendersOncePerKeyAndSharesTheBytes) {
  RenderedBodies bodies(1000);
  Counting r;
  auto first = bodies.get("a", r.of("甲"));
  auto again = bodies.get("a", r.of("乙"));  // kept: not rendered again
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(**first, "\"甲\"");
  EXPECT_EQ(first->get(), again->get());  // the same bytes, not a copy
  EXPECT_EQ(r.calls, 1);
  auto other = bodies.get("b", r.of("乙"));
  EXPECT_EQ(**other, "\"乙\"");
  EXPECT_EQ(r.calls, 2);
}

TEST(RenderedBodies, AFailedRenderingIsNotKept) {
  RenderedBodies bodies(1000);
  int calls = 0;
  auto failing = [&]() -> Result<Json> {
    ++calls;
    return Status::Error("internal", "成绩分析失败");
  };
  EXPECT_EQ(bodies.get("a", failing).status().code(), "internal");
  EXPECT_EQ(bodies.get("a", failing).status().code(), "internal");
  EXPECT_EQ(calls, 2);
  Counting r;
  EXPECT_EQ(**bodies.get("a", r.of("x")), "\"x\"");
}

// Bodies of 12 bytes ("\"0123456789\""); a budget of 30 keeps two of them.
TEST(RenderedBodies, TheLeastRecentlyUsedGoOverTheBudget) {
  RenderedBodies bodies(30);
  Counting r;
  const std::string ten = "0123456789";
  bodies.get("a", r.of(ten));
  bodies.get("b", r.of(ten));
  bodies.get("a", r.of(ten));  // a used last: b is the least recently used
  bodies.get("c", r.of(ten));  // 36 bytes: b goes
  EXPECT_EQ(r.calls, 3);
  bodies.get("a", r.of(ten));
  bodies.get("c", r.of(ten));
  EXPECT_EQ(r.calls, 3);  // a and c kept
  bodies.get("b", r.of(ten));
  EXPECT_EQ(r.calls, 4);  // b rendered again
  // A body over the whole budget is returned, not kept.
  auto big = bodies.get("big", r.of(std::string(40, 'x')));
  EXPECT_EQ((*big)->size(), 42u);
  bodies.get("big", r.of(std::string(40, 'x')));
  EXPECT_EQ(r.calls, 6);
}

}  // namespace
}  // namespace edu
