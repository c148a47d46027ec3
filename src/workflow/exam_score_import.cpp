#include "workflow/exam_score_import.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "exam/text.h"
#include "store/exam_store.h"
#include "workflow/change_log.h"
#include "workflow/exam_entitlement.h"
#include "workflow/upload_sheet.h"

namespace edu {
namespace {

using namespace edu::exam;

struct Layout {
  int school = -1, student = -1, name = -1;
  std::vector<int> subject;            // column of each subject, -1 when absent
  std::vector<std::vector<int>> item;  // column of each subject's item (科目-小题), -1 when absent
  bool has_items(size_t s) const {
    return std::any_of(item[s].begin(), item[s].end(), [](int c) { return c >= 0; });
  }
};

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string cell(const ingest::TableRow& row, int column) {
  return column >= 0 && column < static_cast<int>(row.cells.size()) ? trimmed(row.cells[column].text) : "";
}

Result<Layout> layout_of(const ingest::TableRow& header, const ExamRecord& exam, bool school_optional) {
  Layout l;
  l.subject.assign(exam.subjects.size(), -1);
  l.item.resize(exam.subjects.size());
  for (size_t s = 0; s < exam.subjects.size(); ++s) l.item[s].assign(exam.subjects[s].items.size(), -1);
  for (int c = 0; c < static_cast<int>(header.cells.size()); ++c) {
    std::string h = cell(header, c);
    std::replace(h.begin(), h.end(), '_', '-');
    for (size_t s = 0; s < exam.subjects.size(); ++s)
      for (size_t i = 0; i < exam.subjects[s].items.size(); ++i)
        if (h == item_column(exam.subjects[s], exam.subjects[s].items[i])) l.item[s][i] = c;
    if (h == "学校标识码" || h == "学校代码") l.school = c;
    else if (h == "学籍号" || h == "全国学籍号" || h == "身份证号" || h == "身份证件号") l.student = c;
    else if (h == "姓名") l.name = c;
    for (size_t s = 0; s < exam.subjects.size(); ++s)
      if (h == exam.subjects[s].name) l.subject[s] = c;
  }
  std::string missing;
  if (l.school < 0 && !school_optional) missing += " 学校标识码";
  if (l.student < 0) missing += " 学籍号(或身份证号)";
  if (l.name < 0) missing += " 姓名";
  bool any_subject = false;
  for (size_t s = 0; s < l.subject.size(); ++s) any_subject |= l.subject[s] >= 0 || l.has_items(s);
  if (!any_subject) missing += " 任一科目(列名与考试科目相同,或“科目-小题”)";
  if (!missing.empty())
    return Status::Error("bad_file", "成绩表第" + std::to_string(header.number) + "行(表头)缺少列:" + missing);
  return l;
}

// The score in a cell of column `header` (full marks `full`): a value, or
// nullopt for 缺考 / empty; a problem otherwise.
std::optional<double> parse_score(const std::string& text, const std::string& header, double full, int row,
                                  std::vector<ScoreCellProblem>& problems) {
  if (text.empty() || text == "缺考") return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  std::string why;
  if (end == text.c_str() || *end != '\0') why = "不是分数(应填数字,或“缺考”)";
  else if (v < 0 || v > full) why = "超出 0–" + marks_text(full) + " 分";
  else if (!on_half_point(v)) why = "须为 0.5 的整数倍";
  if (why.empty()) return v;
  problems.push_back({row, header, text, "第" + std::to_string(row) + "行“" + header + "”列的“" + text + "”" + why});
  return std::nullopt;
}

// One row's scores: per subject, and the item scores when given per item.
struct RowScores {
  std::vector<std::optional<double>> subject;
  std::vector<ItemScoreRecord> items;  // student_id filled when the row counts
};

// A subject given per item: an objective item's cell may hold the chosen
// option (scored against the key), any item a score; the subject's score is
// the sum, and must equal the subject column when that is filled too.
std::optional<double> item_scores(const ingest::TableRow& row, const Layout& l, const SubjectRecord& subject,
                                  int s, std::optional<double> given, RowScores& out,
                                  std::vector<ScoreCellProblem>& problems) {
  double sum = 0;
  bool any = false;
  for (size_t i = 0; i < subject.items.size(); ++i) {
    const ItemRecord& item = subject.items[i];
    const std::string text = cell(row, l.item[s][i]);
    if (text.empty()) continue;
    any = true;
    ItemScoreRecord r{0, s, static_cast<int>(i), 0, ""};
    if (!item.key.empty() && text.size() == 1 && text[0] >= 'A' && text[0] <= 'Z') {
      r.response = text;
      r.score = text == item.key ? item.full_marks : 0;
    } else {
      auto v = parse_score(text, item_column(subject, item), item.full_marks, row.number, problems);
      r.score = v.value_or(0);
    }
    sum += r.score;
    out.items.push_back(std::move(r));
  }
  if (!any) return given;
  if (given && std::fabs(*given - sum) > 1e-9)
    problems.push_back({row.number, subject.name, marks_text(*given),
                        "第" + std::to_string(row.number) + "行“" + subject.name + "”的总分 " + marks_text(*given) +
                            " 与各小题之和 " + marks_text(sum) + " 不一致"});
  return sum;
}

RowScores row_scores(const ingest::TableRow& row, const Layout& l, const ExamRecord& exam,
                     std::vector<ScoreCellProblem>& problems) {
  RowScores out;
  out.subject.resize(exam.subjects.size());
  for (size_t s = 0; s < exam.subjects.size(); ++s) {
    const SubjectRecord& subject = exam.subjects[s];
    std::optional<double> given;
    if (l.subject[s] >= 0) given = parse_score(cell(row, l.subject[s]), subject.name, subject.full_marks, row.number, problems);
    out.subject[s] = l.has_items(s) ? item_scores(row, l, subject, static_cast<int>(s), given, out, problems) : given;
  }
  return out;
}

// 缺考 are listed for the schools the sheet covers (its rows' schools, and a
// school administrator's own school): a sheet of one school says nothing of others.
void keep_covered_schools(ScoreImport& s, int64_t own_school) {
  std::set<int64_t> covered;
  if (own_school) covered.insert(own_school);
  for (const ScoreRowKey& row : s.rows) covered.insert(row.school_id);
  std::vector<size_t> kept;
  for (size_t e : s.reconciliation.missing)
    if (covered.count(s.roster[e].school_id)) kept.push_back(e);
  s.reconciliation.missing = std::move(kept);
}

// A 姓名 that is not the register's is a problem of its row (the student is
// one the sheet may score, so the register's name may be shown).
void name_problems(ScoreImport& s) {
  for (const Reconciliation::Misnamed& m : s.reconciliation.misnamed) {
    const ScoreRowKey& row = s.rows[m.row];
    s.problems.push_back({row.row, "姓名", row.name,
                          "第" + std::to_string(row.row) + "行“姓名”列的“" + row.name + "”与学籍登记的姓名“" +
                              s.roster[m.entry].name + "”不一致"});
  }
}

// A school's own student whose stored score another school submitted (附读,
// written by the bureau) keeps it: the row is a problem, not a quiet overwrite.
void scored_elsewhere_problems(ScoreImport& s, const std::set<int64_t>& scored_elsewhere) {
  for (size_t r = 0; r < s.rows.size(); ++r) {
    const int32_t e = s.reconciliation.row_entry[r];
    if (e < 0 || !scored_elsewhere.count(s.roster[e].student_id)) continue;
    const ScoreRowKey& row = s.rows[r];
    s.problems.push_back({row.row, "学籍号", row.student_no,
                          "第" + std::to_string(row.row) + "行的学生本次考试的成绩已由其他学校报送(附读,经教育局导入)," +
                              "学校管理员不能覆盖;请删除此行,如有异议请联系教育局"});
  }
}

// Rows naming a student registered at a school the actor does not act for
// (附读 as seen by the register): held for the bureau, never written.
std::vector<HeldRow> held_rows(const Actor& actor, const std::vector<RosterEntry>& register_roster,
                               const std::vector<ScoreRowKey>& rows) {
  std::vector<HeldRow> out;
  for (const auto& o : reconcile(register_roster, rows).outsiders)
    if (o.registered >= 0 && !acts_for(actor, register_roster[o.registered]))
      out.push_back({rows[o.row].row, register_roster[o.registered].student_id,
                     register_roster[o.registered].school_id});
  return out;
}

// The sheet's rows (into out.rows, with problems) and each row's scores.
Result<std::vector<RowScores>> read_rows(Database& db, const Actor& actor, const ExamRecord& exam,
                                         const ingest::SheetTable& table, const Layout& layout, ScoreImport& out) {
  auto codes = school_ids_by_code(db);
  if (!codes.ok()) return codes.status();
  const bool own_school = actor.scope.kind == Scope::Kind::kSchool;
  std::vector<RowScores> values;
  for (size_t k = 1; k < table.rows.size(); ++k) {
    const ingest::TableRow& row = table.rows[k];
    int64_t school_id = actor.scope.school_id;
    const std::string code = cell(row, layout.school);
    if (layout.school >= 0) {
      auto it = codes->find(code);
      if (it == codes->end()) {
        out.problems.push_back({row.number, "学校标识码", code, "第" + std::to_string(row.number) + "行的学校标识码“" + code + "”不存在"});
        continue;
      }
      school_id = it->second;
    }
    if (own_school && school_id != actor.scope.school_id) {
      out.problems.push_back({row.number, "学校标识码", code, "第" + std::to_string(row.number) + "行不是本校的成绩,学校管理员只能导入本校成绩"});
      continue;
    }
    out.rows.push_back({row.number, school_id, cell(row, layout.student), cell(row, layout.name)});
    values.push_back(row_scores(row, layout, exam, out.problems));
  }
  return values;
}

Result<ScoreImport> read_sheet(Database& db, const Actor& actor, const ExamRecord& exam,
                               const std::string& file_name, std::string_view content) {
  const bool own_school = actor.scope.kind == Scope::Kind::kSchool;
  ScoreImport out;
  out.file_name = file_name;
  Layout layout;
  std::vector<RowScores> values;
  {  // the sheet's cells are let go once read: what follows needs the rows and their scores only
    auto table = read_upload_sheet(db, file_name, content);
    if (!table.ok()) return table.status();
    if (table->rows.empty()) return Status::Error("bad_file", "成绩表“" + file_name + "”是空的");
    auto l = layout_of(table->rows.front(), exam, own_school);
    if (!l.ok()) return l.status();
    layout = std::move(*l);
    auto read = read_rows(db, actor, exam, *table, layout, out);
    if (!read.ok()) return read.status();
    values = std::move(*read);
  }
  auto register_roster = load_roster(db, exam);
  if (!register_roster.ok()) return register_roster.status();
  out.roster = entitled_roster(actor, *register_roster);
  out.reconciliation = reconcile(out.roster, out.rows);
  keep_covered_schools(out, own_school ? actor.scope.school_id : 0);
  name_problems(out);
  if (own_school) {
    auto elsewhere = students_scored_elsewhere(db, exam.id, actor.scope.school_id);
    if (!elsewhere.ok()) return elsewhere.status();
    scored_elsewhere_problems(out, *elsewhere);
  }
  if (out.roster.size() < register_roster->size()) out.held = held_rows(actor, *register_roster, out.rows);
  for (size_t r = 0; r < out.rows.size(); ++r) {
    const int32_t e = out.reconciliation.row_entry[r];
    if (e < 0) continue;
    const int64_t student = out.roster[e].student_id;
    for (size_t s = 0; s < exam.subjects.size(); ++s)
      if (layout.subject[s] >= 0 || layout.has_items(s))
        out.scores.push_back({student, out.rows[r].school_id, static_cast<int>(s), values[r].subject[s]});
    for (ItemScoreRecord& item : values[r].items) {
      item.student_id = student;
      out.item_scores.push_back(std::move(item));
    }
  }
  return out;
}

Result<ExamRecord> exam_for_import(Database& db, const Actor& actor, int64_t exam_id) {
  if (!allowed(actor.user, Action::kCreate, Entity::kExamScores))
    return Status::Error("forbidden", "只有教育局管理员和学校管理员可以导入成绩");
  return existing_exam(db, exam_id);
}

}  // namespace

nlohmann::json reconciliation_json(const ScoreImport& s) {
  using Json = nlohmann::json;
  const Reconciliation& r = s.reconciliation;
  Json missing = Json::array(), outsiders = Json::array(), duplicates = Json::array();
  for (size_t e : r.missing)
    missing.push_back({{"student_id", s.roster[e].student_id}, {"name", s.roster[e].name},
                       {"school_id", s.roster[e].school_id}, {"class_id", s.roster[e].class_id}});
  for (const auto& o : r.outsiders) {
    const ScoreRowKey& row = s.rows[o.row];
    outsiders.push_back({{"row", row.row}, {"name", row.name}, {"student_no", row.student_no},
                         {"school_id", row.school_id}, {"kind", o.registered >= 0 ? "附读" : "外校/不在册"},
                         {"registered_school_id", o.registered >= 0 ? Json(s.roster[o.registered].school_id) : Json(nullptr)}});
  }
  for (const auto& d : r.duplicates) {
    Json rows = Json::array();
    for (size_t k : d.rows) rows.push_back(s.rows[k].row);
    duplicates.push_back({{"student_id", s.roster[d.entry].student_id}, {"name", s.roster[d.entry].name}, {"rows", rows}});
  }
  return {{"missing", missing}, {"outsiders", outsiders}, {"duplicates", duplicates}};
}

nlohmann::json kept_report(const ScoreImport& s) {
  nlohmann::json held = nlohmann::json::array();
  for (const HeldRow& h : s.held)
    held.push_back({{"row", h.row}, {"student_id", h.student_id}, {"registered_school_id", h.registered_school_id}});
  nlohmann::json j = reconciliation_json(s);
  j["held"] = std::move(held);
  return j;
}

Result<ScoreImport> preview_score_import(Database& db, const Actor& actor, int64_t exam_id,
                                         const std::string& file_name, std::string_view content) {
  auto exam = exam_for_import(db, actor, exam_id);
  if (!exam.ok()) return exam.status();
  return read_sheet(db, actor, *exam, file_name, content);
}

Result<ScoreImport> commit_score_import(Database& db, const Actor& actor, int64_t exam_id,
                                        const std::string& file_name, std::string_view content) {
  auto exam = exam_for_import(db, actor, exam_id);
  if (!exam.ok()) return exam.status();
  auto sheet = read_sheet(db, actor, *exam, file_name, content);
  if (!sheet.ok()) return sheet.status();
  if (!sheet->problems.empty())
    return Status::Error("has_problems", "成绩表有 " + std::to_string(sheet->problems.size()) +
                                             " 处错误,未导入任何成绩:" + sheet->problems.front().message);
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  Status s = replace_scores(db, exam_id, sheet->scores, sheet->item_scores);
  if (!s.ok()) return s;
  const Reconciliation& r = sheet->reconciliation;
  auto id = insert_score_import(db, {exam_id, file_name, static_cast<int64_t>(sheet->rows.size()), r.counted(),
                                     static_cast<int64_t>(r.missing.size()), static_cast<int64_t>(r.outsiders.size()),
                                     static_cast<int64_t>(r.duplicates.size()),
                                     // names from an xlsx file are not checked for UTF-8
                                     kept_report(*sheet).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                                     actor.user.id});
  if (!id.ok()) return id.status();
  s = audit(db, &actor, "import", Entity::kExamScores, exam_id,
            {{"file", "", file_name}, {"counted", "", std::to_string(r.counted())}});
  if (s.ok()) s = tx.commit();
  if (!s.ok()) return s;
  sheet->import_id = *id;
  return sheet;
}

}  // namespace edu
