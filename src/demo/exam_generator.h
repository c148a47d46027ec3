// The demo county's exams: two unified exams of the same junior-middle cohort
// (八年级期末 at the end of the previous school year, 九年级期中 in the current
// one), generated deterministically from the registers, so value-added and
// rank change have something to compare.
//
// Scores follow each student's latent ability plus school and class effects;
// 英语 comes per item (30 multiple-choice items with keys, 4 written items).
// Disabled students in regular classes are exempt (approved). The second exam
// carries planted problems the integrity report must find:
//  - kLeftOut: the school left its weakest fifth out of the score sheet;
//  - kInflated: the school marked its own papers leniently (+4–8 marks, and
//    scores just below the pass line pushed onto it); the bureau re-marked a
//    sample of every school's papers centrally;
//  - kCopier: three pairs of students in one class share their 英语 choices;
// plus two 附读 students scored by a school that is not their register's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demo/generator.h"
#include "exam/exam_record.h"

namespace edu::demo {

struct DemoExams {
  std::vector<exam::ExamBundle> exams;  // [0] the earlier exam, [1] the later one
  int64_t left_out_school = 0;          // planted problems (school ids)
  int64_t inflated_school = 0;
  int64_t copier_school = 0;
  std::vector<std::pair<int64_t, int64_t>> copied_pairs;  // student ids
};

// Needs at least four schools teaching 初中 in the current year; otherwise
// returns no exams.
DemoExams generate_exams(const DemoCounty& county, const DemoSettings& settings);

}  // namespace edu::demo
