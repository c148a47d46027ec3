// Register lists' kept totals and page anchors (store/page_anchors.h) through
// fetch_page (store/paging.h), on a SQLite file of 2,500 students with a
// stride of 7: every page is the plain OFFSET query's page, an audited write
// is seen by the next request, two scopes never share an entry; and the cache
// alone: one computation for concurrent requests, none held up by another's.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "core/id_number.h"
#include "store/page_anchors.h"
#include "store/paging.h"
#include "store/registers_loader.h"
#include "store/student_store.h"
#include "workflow/register_commands.h"
#include "migrated_database.h"
#include "tiny_registers.h"

namespace edu {
namespace {

constexpr int kStudents = 2500;

// Student k (0-based) has id 2k + 1 and goes to school 2 when k % 4 == 0
// (625 students: k = 0, 4, …, 2496), else to school 1 (1,875).
Registers county() {
  Registers r;
  r.areas = {{1, std::nullopt, "430521", "青山县", "县"}, {2, 1, "430521101", "桃洪镇", "乡镇"}};
  r.schools = {tiny::primary_school(1, "2143052101", "桃洪镇中心小学", 2, "镇区"),
               tiny::primary_school(2, "2143052102", "桃洪镇第二小学", 2, "镇区")};
  r.classes = {tiny::first_grade_class(1), tiny::first_grade_class(2)};
  for (int k = 0; k < kStudents; ++k) {
    const int day = 1 + k / 500, seq = 1 + k % 500;  // seq odd: 男 (GB 11643)
    char body[18];
    std::snprintf(body, sizeof body, "4305212020010%d%03d", day, seq);
    r.students.push_back(tiny::pupil(2 * k + 1, body + std::string(1, id_check_char(body)),
                                        "学生" + std::to_string(k), seq % 2 ? "男" : "女", {2020, 1, day},
                                        k % 4 == 0 ? 2 : 1));
  }
  return r;
}

class PageAnchorsTest : public MigratedDatabaseTest {
 protected:
  void SetUp() override {
    MigratedDatabaseTest::SetUp();
    ASSERT_TRUE(load_registers(*db_, county()).ok());
  }

  static SqlWhere in_school(int64_t school) {
    SqlWhere w;
    restrict_students(w, Scope::School(school), "st");
    return w;
  }

  Page<int64_t> page(const SqlWhere& where, int64_t number, int64_t size, const std::string& sort = "") {
    const PagedQuery q{"st.id", "students st", "st.id", "", "st.id", {{"name", "st.name"}},
                       PagedQuery::Total::kPerRegistersVersion};
    auto p = fetch_page<int64_t>(*db_, q, where, {number, size, sort},
                                 [](const Row& r) { return r.integer(0); }, cache_);
    EXPECT_TRUE(p.ok()) << p.status().message();
    return p.ok() ? *p : Page<int64_t>{};
  }

  // The same page by COUNT(*) and LIMIT/OFFSET alone.
  std::pair<int64_t, std::vector<int64_t>> plain(const SqlWhere& where, int64_t number, int64_t size,
                                                 const std::string& order = "st.id") {
    std::vector<Value> params = where.params;
    const int64_t total =
        db_->query("SELECT COUNT(*) FROM students st WHERE " + where.sql, params)->front().integer(0);
    params.push_back(size);
    params.push_back((number - 1) * size);
    auto rows = db_->query("SELECT st.id FROM students st WHERE " + where.sql + " ORDER BY " + order +
                               " LIMIT ? OFFSET ?",
                           params);
    std::vector<int64_t> ids;
    for (const Row& r : *rows) ids.push_back(r.integer(0));
    return {total, ids};
  }

  Student student(int64_t id) { return (*get_student(*db_, Scope::All(), id))->student; }

  PageAnchorCache cache_{7, 64};
  Actor admin_ = tiny::bureau_admin();
  RegisterContext ctx_{{2026, 11, 22}, 2026};
};

TEST_F(PageAnchorsTest, HandComputedPages) {
  // School 1 holds k = 1, 2, 3, 5, 6, 7, 9, 10, 11, 13, …; page 2 of 5 is k = 7, 9, 10, 11, 13
  // (positions 5–9, across the anchor at position 7).
  Page<int64_t> p = page(in_school(1), 2, 5);
  EXPECT_EQ(p.total, 1875);
  EXPECT_EQ(p.items, (std::vector<int64_t>{15, 19, 21, 23, 27}));
  // School 2's last page of 20: 625 = 31 × 20 + 5, k = 2480 … 2496.
  p = page(in_school(2), 32, 20);
  EXPECT_EQ(p.total, 625);
  EXPECT_EQ(p.items, (std::vector<int64_t>{4961, 4969, 4977, 4985, 4993}));
  // Past the end: no rows, the total still told.
  p = page(in_school(2), 33, 20);
  EXPECT_EQ(p.total, 625);
  EXPECT_TRUE(p.items.empty());
  // The first page of everyone, and a page starting exactly on an anchor (position 14 = 2 × 7).
  EXPECT_EQ(page(SqlWhere{}, 1, 3).items, (std::vector<int64_t>{1, 3, 5}));
  EXPECT_EQ(page(SqlWhere{}, 3, 7).items, (std::vector<int64_t>{29, 31, 33, 35, 37, 39, 41}));
}

TEST_F(PageAnchorsTest, EveryPageIsThePlainOffsetQuerysPage) {
  for (const SqlWhere& where : {SqlWhere{}, in_school(1), in_school(2)}) {
    for (int64_t size : {1, 6, 7, 20, 200}) {
      const int64_t last = plain(where, 1, size).first / size + 2;  // one empty page past the end
      for (int64_t number = 1; number <= last; number += size == 1 ? 97 : 1) {
        const auto [total, ids] = plain(where, number, size);
        const Page<int64_t> p = page(where, number, size);
        ASSERT_EQ(p.total, total) << where.sql << " size " << size << " page " << number;
        ASSERT_EQ(p.items, ids) << where.sql << " size " << size << " page " << number;
      }
    }
  }
  // A sorted list keeps its total only and pages by OFFSET: the same rows as the plain query.
  EXPECT_EQ(page(in_school(1), 40, 20, "-name").items, plain(in_school(1), 40, 20, "st.name DESC, st.id").second);
}

TEST_F(PageAnchorsTest, AnAuditedWriteIsSeenByTheNextRequest) {
  EXPECT_EQ(page(in_school(1), 1, 20).total, 1875);
  EXPECT_EQ(page(in_school(2), 1, 20).total, 625);
  // A new student of school 1 (id 5000, after the loaded 4999).
  Student s = student(3);
  s.id = 0;
  s.name = "新生";
  s.gender = "男";
  s.id_number = "43052120200106001";
  s.id_number += id_check_char(s.id_number);
  s.birth_date = {2020, 1, 6};
  auto saved = save_student(*db_, admin_, s, ctx_);
  ASSERT_TRUE(saved.ok()) << saved.status().message();
  Page<int64_t> last = page(in_school(1), 94, 20);  // 1876 = 93 × 20 + 16
  EXPECT_EQ(last.total, 1876);
  ASSERT_EQ(last.items.size(), 16u);
  EXPECT_EQ(last.items.back(), 5000);
  // Student 3 (k = 1, school 1's first) moves to school 2: out of school 1's list, into school 2's.
  Student moved = student(3);
  moved.school_id = 2;
  moved.class_id = 2;
  moved.id_number = "";  // kept
  saved = save_student(*db_, admin_, moved, ctx_);
  ASSERT_TRUE(saved.ok()) << saved.status().message();
  Page<int64_t> first = page(in_school(1), 1, 3);
  EXPECT_EQ(first.total, 1875);
  EXPECT_EQ(first.items, (std::vector<int64_t>{5, 7, 11}));
  first = page(in_school(2), 1, 3);
  EXPECT_EQ(first.total, 626);
  EXPECT_EQ(first.items, (std::vector<int64_t>{1, 3, 9}));
}

TEST_F(PageAnchorsTest, TwoScopesNeverShareAnEntry) {
  EXPECT_EQ(page(in_school(1), 1, 20).total, 1875);
  EXPECT_EQ(page(in_school(2), 1, 20).total, 625);
  EXPECT_EQ(page(in_school(1), 1, 20).items.front(), 3);
  EXPECT_EQ(page(in_school(2), 1, 20).items.front(), 1);
  EXPECT_EQ(cache_.size(), 2u);
  // The list's own order and a sort are two entries (anchors; the total alone).
  EXPECT_EQ(page(in_school(2), 1, 20, "name").total, 625);
  EXPECT_EQ(cache_.size(), 3u);
}

TEST_F(PageAnchorsTest, OpeningTheDatabaseAgainForgetsItsEntries) {
  PageAnchorCache& shared = PageAnchorCache::shared();
  const size_t before = shared.size();
  ASSERT_EQ(list_students(*db_, Scope::All(), {}, {})->total, kStudents);
  EXPECT_EQ(shared.size(), before + 1);
  auto again = connect();  // as a test's fresh database at the same place would be
  EXPECT_EQ(shared.size(), before);
}

Result<PageAnchors> anchors_of(int64_t total) {
  PageAnchors a;
  a.total = total;
  return a;
}

TEST(PageAnchorCacheTest, ConcurrentRequestsComputeOnceAndHoldUpNoOtherEntry) {
  PageAnchorCache cache(10, 8);
  std::atomic<int> computed{0};
  std::promise<void> started, release;
  std::shared_future<void> released = release.get_future().share();
  auto slow = [&]() -> Result<PageAnchors> {
    ++computed;
    started.set_value();
    released.wait();
    return anchors_of(42);
  };
  auto first = std::async(std::launch::async, [&] { return cache.get("db", "list", 5, slow); });
  started.get_future().wait();
  auto second = std::async(std::launch::async, [&] { return cache.get("db", "list", 5, slow); });
  // Another list is answered while the first is still being computed.
  auto other = cache.get("db", "other", 5, [] { return anchors_of(7); });
  ASSERT_TRUE(other.ok());
  EXPECT_EQ((*other)->total, 7);
  release.set_value();
  auto a = first.get(), b = second.get();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)->total, 42);
  EXPECT_EQ(a.value(), b.value());  // the one computed entry
  EXPECT_EQ(computed, 1);
}

TEST(PageAnchorCacheTest, VersionsFailuresAndTheBound) {
  PageAnchorCache cache(10, 3);
  int computed = 0;
  auto count = [&](int64_t total) {
    return [&computed, total] {
      ++computed;
      return anchors_of(total);
    };
  };
  EXPECT_EQ((*cache.get("db", "a", 5, count(1)))->total, 1);
  EXPECT_EQ((*cache.get("db", "a", 5, count(99)))->total, 1);  // kept
  EXPECT_EQ((*cache.get("db", "a", 6, count(2)))->total, 2);   // a newer version: computed again
  EXPECT_EQ((*cache.get("db", "a", 5, count(3)))->total, 3);   // an older one: its own, not kept
  EXPECT_EQ((*cache.get("db", "a", 6, count(99)))->total, 2);
  EXPECT_EQ(computed, 3);
  // Another database, and a failure (returned, not kept).
  EXPECT_EQ((*cache.get("db2", "a", 6, count(4)))->total, 4);
  auto failed = cache.get("db", "b", 6, [] { return Result<PageAnchors>(Status::Error("database", "失败")); });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(cache.size(), 2u);  // db/a and db2/a
  EXPECT_EQ((*cache.get("db", "b", 6, count(5)))->total, 5);
  EXPECT_EQ(cache.size(), 3u);
  // A fourth entry drops the least recently used, db/a: asked again, it is computed again.
  EXPECT_EQ((*cache.get("db", "c", 6, count(6)))->total, 6);
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ((*cache.get("db", "a", 6, count(7)))->total, 7);
  // "" (a private in-memory database) and an over-long key are never kept.
  EXPECT_EQ((*cache.get("", "a", 6, count(8)))->total, 8);
  EXPECT_EQ((*cache.get("", "a", 6, count(9)))->total, 9);
  const std::string long_key(PageAnchorCache::kMaxKeyBytes + 1, 'x');
  EXPECT_EQ((*cache.get("db", long_key, 6, count(10)))->total, 10);
  EXPECT_EQ((*cache.get("db", long_key, 6, count(11)))->total, 11);
  EXPECT_EQ(cache.size(), 3u);  // db/a, db/c, db/b (db2/a dropped for db/a)
  cache.forget("db");
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace edu
