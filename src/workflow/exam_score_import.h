// Importing an exam's scores from a spreadsheet (xlsx or csv, read by
// read_upload_sheet: at most import_max_rows rows), with the register deciding who counts.
//
// The sheet's first row names the columns: 学校标识码 (optional for a school
// administrator: their school), 学籍号 or 身份证号, 姓名, then one column per
// subject of the exam, named as the subject. A cell holds the score (a multiple
// of 0.5 between 0 and full marks), 缺考, or nothing (缺考). A subject with items
// may come per item instead, in columns named 科目-小题 (英语-1, 英语-书面1; "_"
// also accepted): an objective item's cell may hold the chosen option (A, B …,
// scored against the key), any item's cell its score; the subject's score is
// the sum (and must equal the subject's column when both are filled).
//
// The preview names, by school and by name, every problem cell, every
// registered candidate with no row (缺考; for the schools the sheet covers —
// its rows' schools and a school administrator's own), every row not in the school's
// register (附读/外校) and every student scored twice (reconcile()). Commit
// writes in one transaction and only when no cell has a problem: the counted
// rows' scores replace earlier ones, and the reconciliation is kept with the
// import. 附读 rows count for the register's school; rows of students not in
// the register are not stored (they are listed).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "access/policy.h"
#include "exam/exam_record.h"
#include "exam/participation.h"
#include "store/database.h"

namespace edu {

struct ScoreCellProblem {
  int row = 0;
  std::string column, value, message;
};

struct ScoreImport {
  std::string file_name;
  std::vector<ScoreCellProblem> problems;
  std::vector<exam::RosterEntry> roster;
  std::vector<exam::ScoreRowKey> rows;
  exam::Reconciliation reconciliation;
  std::vector<exam::ScoreRecord> scores;  // what commit writes
  std::vector<exam::ItemScoreRecord> item_scores;
  int64_t import_id = 0;                  // set by commit
};

// The reconciliation by student: {missing, outsiders (附读 / 外校/不在册), duplicates},
// as kept with a committed import and shown by the API.
nlohmann::json reconciliation_json(const ScoreImport& s);

Result<ScoreImport> preview_score_import(Database& db, const Actor& actor, int64_t exam_id,
                                         const std::string& file_name, std::string_view content);
// Errors: "has_problems" (nothing written).
Result<ScoreImport> commit_score_import(Database& db, const Actor& actor, int64_t exam_id,
                                        const std::string& file_name, std::string_view content);

}  // namespace edu
