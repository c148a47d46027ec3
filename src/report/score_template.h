// 成绩模板: the score sheet of an exam as workflow/exam_score_import.h reads it,
// pre-filled with the rows of the candidates the downloader acts for, so a
// school fills in the scores and uploads the file as it is.
//   columns: 学校标识码, 学籍号, 姓名, one per subject (named as the subject),
//            then, for a subject with items, one per item (科目-小题);
//   rows:    one per candidate, in the order given, score cells blank.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "exam/exam_record.h"

namespace edu::report {

struct ScoreTemplateRow {
  std::string school_code, student_no, name;
};

// The headers in their order (the import's names).
std::vector<std::string> score_template_headers(const exam::ExamRecord& exam);
Status write_score_template(const std::string& path, const exam::ExamRecord& exam,
                            const std::vector<ScoreTemplateRow>& rows);

}  // namespace edu::report
