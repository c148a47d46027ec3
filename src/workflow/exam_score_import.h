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
// Whom a sheet may score (workflow/exam_entitlement): the sheet is reconciled
// against the roster of the candidates its uploader acts for, never the whole
// register.
//  - The bureau's sheet may score any candidate. A row submitted for a school
//    other than the student's register is 附读: it counts for the register's
//    school and is written, naming the school that submitted it.
//  - A school administrator's sheet scores their own school's roster only.
//    Any other student number — another school's student (附读, by 学籍号 or
//    身份证号) or nobody's — is listed as 外校/不在册 and never written: no
//    other school's score is replaced or re-assigned. The uploader learns
//    nothing of such a student (not whether they are registered, where, or
//    their name): the preview shows the row as typed. The rows that are 附读
//    in the register are kept with the committed import ("held", with the
//    register's school) for the bureau, who scores them with its own sheet;
//    there is no other path by which they are written.
//  - A school administrator's row for their own student whose stored score
//    another school submitted (附读, written by the bureau) is a problem: a
//    school's sheet (even an empty cell, 缺考) never replaces another
//    school's score.
//  - A row whose 姓名 is not the register's (for a student the sheet may
//    score) is a problem of that row and column.
//
// The preview names, by school and by name, every problem cell, every
// registered candidate with no row (缺考; for the schools the sheet covers —
// its rows' schools and a school administrator's own), every row not in the
// roster (附读/外校) and every student scored twice (reconcile()). Commit
// writes in one transaction and only when no cell has a problem: the counted
// rows' scores replace earlier ones, and the reconciliation (with the held
// rows) is kept with the import.
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

// A row of a school administrator's sheet naming another school's student:
// listed for the bureau in the kept import, never written.
struct HeldRow {
  int row = 0;  // row number in the file
  int64_t student_id = 0;
  int64_t registered_school_id = 0;
};

struct ScoreImport {
  std::string file_name;
  std::vector<ScoreCellProblem> problems;
  std::vector<exam::RosterEntry> roster;  // the candidates the uploader acts for
  std::vector<HeldRow> held;
  std::vector<exam::ScoreRowKey> rows;
  exam::Reconciliation reconciliation;
  std::vector<exam::ScoreRecord> scores;  // what commit writes
  std::vector<exam::ItemScoreRecord> item_scores;
  int64_t import_id = 0;                  // set by commit
};

// The reconciliation by student, as the uploader sees it: {missing, outsiders
// (附读 / 外校/不在册, with registered_school_id for 附读), duplicates} — only
// ever about the candidates the uploader acts for.
nlohmann::json reconciliation_json(const ScoreImport& s);
// What is kept with a committed import: reconciliation_json plus held
// [{row, student_id, registered_school_id}] (for the bureau; never sent to the uploader).
nlohmann::json kept_report(const ScoreImport& s);

Result<ScoreImport> preview_score_import(Database& db, const Actor& actor, int64_t exam_id,
                                         const std::string& file_name, std::string_view content);
// Errors: "has_problems" (nothing written).
Result<ScoreImport> commit_score_import(Database& db, const Actor& actor, int64_t exam_id,
                                        const std::string& file_name, std::string_view content);

}  // namespace edu
