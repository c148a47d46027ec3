#include "report/score_template.h"

#include "report/xlsx_table_writer.h"

namespace edu::report {

std::vector<std::string> score_template_headers(const exam::ExamRecord& exam) {
  std::vector<std::string> h{"学校标识码", "学籍号", "姓名"};
  for (const exam::SubjectRecord& s : exam.subjects) h.push_back(s.name);
  for (const exam::SubjectRecord& s : exam.subjects)
    for (const exam::ItemRecord& i : s.items) h.push_back(exam::item_column(s, i));
  return h;
}

Status write_score_template(const std::string& path, const exam::ExamRecord& exam,
                            const std::vector<ScoreTemplateRow>& rows) {
  std::vector<ColumnSpec> columns;
  const std::vector<std::string> headers = score_template_headers(exam);
  for (size_t c = 0; c < headers.size(); ++c)
    columns.push_back({.key = headers[c], .header = headers[c],
                       .type = c < 3 ? ColumnType::kText : ColumnType::kNumber});
  auto w = XlsxTableWriter::create(path, "成绩", std::move(columns));
  if (!w.ok()) return w.status();
  for (const ScoreTemplateRow& r : rows)
    if (Status s = (*w)->add_row({r.school_code, r.student_no, r.name}); !s.ok()) return s;
  return (*w)->close();
}

}  // namespace edu::report
