// Benchmark of the 待办 inbox (issue 10): the bureau admin's 待办 — count and
// list, GET /cases?box=todo's work below HTTP (list_box: the expiry sweep,
// then the cases waiting for the bureau, overdue first) — with 1,000 cases
// waiting for them (100 overdue) among 20,000 closed ones, on a demo county.
// 1,000 runs; p50 and p99. Peer: the same two queries (the sweep's and the
// list's, the same SQL text and parameters) through python's sqlite3 on the
// same file and indexes (bench/todo_peer.py), in the same run.
// Usage: bench_todo WORK_DIR BENCH_SOURCE_DIR
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "bench_util.h"
#include "demo/generator.h"
#include "store/case_store.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "workflow/case_engine.h"

namespace fs = std::filesystem;
using namespace edu;

namespace {

void check(const Status& s) {
  if (!s.ok()) {
    std::cerr << "错误:" << s.message() << "\n";
    std::exit(1);
  }
}

// 21,000 transfer cases between the county's students' schools: the first
// 1,000 waiting for the bureau (every tenth overdue), the rest closed.
void fill_cases(Database& db, const Registers& county) {
  Transaction tx(db);
  check(tx.begun());
  const int64_t other = county.schools.back().id;
  for (size_t i = 0; i < 21000; ++i) {
    const Student& s = county.students[i % county.students.size()];
    CaseRecord c;
    c.kind = "transfer";
    c.student_id = s.id;
    c.school_id = s.school_id;
    c.target_school_id = s.school_id == other ? county.schools.front().id : other;
    c.state = i < 1000 ? "待教育局审批" : (i % 2 ? "已转学" : "已退回");
    c.due_on = i < 1000 ? (i % 10 == 0 ? "2026-11-01" : "2026-12-10") : "";
    c.fields = R"({"reason":"随父母迁居","date":"2026-11-20","class_id":"1"})";
    auto id = insert_case(db, c);
    check(id.status());
  }
  check(tx.commit());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_todo WORK_DIR BENCH_SOURCE_DIR\n";
    return 2;
  }
  const fs::path work = argv[1], source = argv[2];
  fs::create_directories(work);
  const fs::path path = work / "todo.db";
  bench::remove_db(path);
  auto db = open_database(path.string());
  check(db.status());
  check(migrate(**db).status());
  demo::DemoSettings settings;
  settings.scale = 0.5;
  const Registers county = demo::generate_county(settings);
  check(load_registers(**db, county));
  fill_cases(**db, county);

  Actor bureau;
  bureau.user = {1, "admin", "教育局管理员", "", role::kBureauAdmin, {}, {}, {}, true};
  bureau.scope = Scope::All();
  const Date today{2026, 11, 29};
  std::vector<double> ms;
  size_t listed = 0, overdue = 0;
  for (int i = 0; i < 1000; ++i) {
    auto start = bench::Clock::now();
    auto rows = list_box(**db, bureau, BoxQuery{}, today);
    ms.push_back(std::chrono::duration<double, std::milli>(bench::Clock::now() - start).count());
    check(rows.status());
    listed = rows->size();
    overdue = std::count_if(rows->begin(), rows->end(), [&](const CaseView& v) { return is_overdue(v.record, today); });
  }
  std::sort(ms.begin(), ms.end());
  std::printf("edubureau list_box todo: %zu cases (%zu overdue), 1000 runs: p50 %.2f ms, p99 %.2f ms\n", listed,
              overdue, ms[500], ms[990]);
  db->reset();
  const std::string peer = "python3 " + (source / "todo_peer.py").string() + " " + path.string();
  return std::system(peer.c_str()) == 0 ? 0 : 1;
}
