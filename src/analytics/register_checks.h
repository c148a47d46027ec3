// The bureau's standing checks of the register (数据核查), as pure functions
// over plain rows: no SQL, no HTTP. The store reads the rows
// (store/check_store.h); the caller keeps the results to the user's scope.
//
// (a) 重复学籍 — the same person registered twice. Two records are one person
//     when either
//       1. name, birth date and gender are all equal ("姓名、出生日期、性别相同"), or
//       2. the names are equal and the first 17 digits of the two 18-character
//          ID numbers differ in exactly one place ("姓名相同,身份证号前17位仅一位
//          不同"): a mistyped digit with the check character made to match
//          (the check alone catches every single-character typo) gives a
//          second record; when it falls in the date digits the birth date
//          (read from the number) differs too, so rule 1 alone misses it.
//     Every pair is listed once (lower id first), with the first rule it meets.
// (b) 人籍分离/附读 — students whose record is 在读 now and who sat an exam for
//     a school other than the one they were registered at in that exam's
//     school year (their current school when that year has no enrolment). One
//     row per student and school sat at, with the exams.
// (c) 转出未到 — transfers that left and never arrived:
//       1. a 县内转学 case closed as done whose student is not 在读 at the
//          receiving school, under that record or another record of the same
//          person (rule a.1);
//       2. a record 转出 for more than `max_days` days (since the day the
//          status became 转出) with no confirmation: no case of the student's
//          closed by an action that changed the register, and no record of the
//          same person 在读 anywhere in the county.
//     A student listed by 1 is not listed again by 2; a record whose day of
//     leaving is unknown is not listed by 2.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"

namespace edu::analytics {

struct CheckPerson {
  int64_t id = 0;
  std::string name, gender, birth_date;  // birth_date ISO
  std::string id_number;                 // full: compared, never returned
  std::string status;                    // 在读, 转出 …
  int64_t school_id = 0;                 // the current record's school
};

struct DuplicatePair {
  int64_t first = 0, second = 0;  // person ids, first < second
  std::string reason;
};
std::vector<DuplicatePair> duplicate_people(const std::vector<CheckPerson>& people);

// Where a student sat an exam, and where the register had them that year (0: no enrolment).
struct Sitting {
  int64_t exam_id = 0, student_id = 0;
  int64_t sat_school_id = 0, registered_school_id = 0;
};
struct SatElsewhere {
  int64_t student_id = 0;
  int64_t registered_school_id = 0, sat_school_id = 0;
  std::vector<int64_t> exam_ids;  // ascending
};
// By student, then school sat at.
std::vector<SatElsewhere> sat_elsewhere(const std::vector<CheckPerson>& people,
                                        const std::vector<Sitting>& sittings);

struct DoneTransfer {
  int64_t case_id = 0, student_id = 0, target_school_id = 0;
};
struct LostTransferInput {
  std::vector<DoneTransfer> done_transfers;
  std::map<int64_t, Date> left_on;    // student → the day the status became 转出
  std::set<int64_t> confirmed;        // students with a case closed by an action that changed the register
  Date today;
  int max_days = 30;
};
struct LostTransfer {
  int64_t student_id = 0;
  int64_t case_id = 0;           // rule 1's case; 0 for rule 2
  int64_t target_school_id = 0;  // rule 1's receiving school; 0 for rule 2
  std::string left_on;           // rule 2: ISO; "" when unknown
  int days = 0;                  // rule 2: days since left_on
  std::string reason;
};
// By student.
std::vector<LostTransfer> lost_transfers(const std::vector<CheckPerson>& people, const LostTransferInput& input);

}  // namespace edu::analytics
