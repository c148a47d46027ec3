// Participation honesty: who should have sat (the register decides) against
// who was scored (the score sheet). Nothing is dropped silently.
//
// Contract:
//  - The roster (应考名单) lists every registered candidate of the exam's grade
//    at the exam date (built by the store), each with the school where they
//    are registered; exempt candidates (免考, approved) stay listed, marked.
//  - The roster given is the one the sheet may score: the whole register for
//    the bureau, one school's for a school administrator (the caller decides;
//    a student outside it is, for this sheet, not in the register at all).
//  - Score rows name the school they were submitted by and the student's 学籍号
//    (or 身份证号) and name. Each row is looked up on the student number:
//      附读       – registered at another school: listed with both schools; the
//                   score counts for the register's school (the register decides);
//      外校/不在册 – not in the roster at all: listed, not counted;
//      duplicate  – a student with several rows: all are listed; the one counted
//                   is the first from the register's school, else the first.
//  - 姓名: a row found in the roster whose name is not the register's is
//    listed (misnamed), whether it counts or not.
//  - 缺考: every roster entry, not exempt, with no row, listed by school.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace edu::exam {

struct RosterEntry {
  int64_t student_id = 0;
  std::string student_no;  // 学籍号 (G + 身份证号) or 身份证号 — both are accepted on rows
  std::string id_number;
  std::string name;
  int64_t school_id = 0;
  int64_t class_id = 0;
  bool exempt = false;
};

struct ScoreRowKey {
  int row = 0;  // row number in the file
  int64_t school_id = 0;
  std::string student_no;
  std::string name;
};

struct Reconciliation {
  std::vector<int32_t> row_entry;  // per row: roster index when the row counts, else -1
  std::vector<size_t> missing;     // roster indexes: 缺考 (not exempt, no matched row)
  struct Outsider {
    size_t row = 0;          // index into rows
    int32_t registered = -1; // roster index when registered at another school (附读), else -1
  };
  std::vector<Outsider> outsiders;
  struct Duplicate {
    size_t entry = 0;              // roster index
    std::vector<size_t> rows;      // every row scoring that student
  };
  std::vector<Duplicate> duplicates;
  struct Misnamed {
    size_t row = 0;    // index into rows
    size_t entry = 0;  // roster index of the student the row's number names
  };
  std::vector<Misnamed> misnamed;
  int64_t counted() const;  // rows that count
  bool clean() const { return missing.empty() && outsiders.empty() && duplicates.empty() && misnamed.empty(); }
};

Reconciliation reconcile(const std::vector<RosterEntry>& roster, const std::vector<ScoreRowKey>& rows);

}  // namespace edu::exam
