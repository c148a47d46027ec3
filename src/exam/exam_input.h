// From an exam's stored rows (ExamTables, read by the store in bulk) to the
// columns the analytics runs on (ExamInput). Pure.
//
// Contract:
//  - The cohort is the roster (应考名单) in roster order. A candidate exempt
//    from everything, or from a subject by an approved exemption, is kExempt
//    there; a stored score is kSat; a stored 缺考 or no score at all is kAbsent.
//  - Units hold only the townships, schools, classes and teachers named in the
//    tables, in the tables' order; a school whose township is unknown gets -1.
//  - items[s] is the item matrix of subject s (empty when it has no items);
//    rows are the candidates who sat s and have item scores.
#pragma once

#include <string>
#include <vector>

#include "exam/exam_record.h"
#include "exam/integrity.h"
#include "exam/item_analysis.h"
#include "exam/participation.h"

namespace edu::exam {

struct NamedUnit {
  int64_t id = 0;
  std::string name;
  int64_t parent_id = 0;  // school → township (area), class → school
};

struct ExamTables {
  ExamRecord exam;
  std::string county;
  std::vector<RosterEntry> roster;
  std::vector<ScoreRecord> scores;
  std::vector<ExemptionRecord> exemptions;  // approved only
  std::vector<ItemScoreRecord> item_scores;
  std::vector<RemarkRecord> remarks;
  std::vector<TeachingRecord> teaching;
  std::vector<NamedUnit> townships, schools, classes, teachers;
};

struct ExamInput {
  ExamSpec spec;
  Cohort cohort;
  Units units;
  std::vector<ItemMatrix> items;
  std::vector<RemarkSample> remarks;
};

ExamInput build_input(const ExamTables& tables);

}  // namespace edu::exam
