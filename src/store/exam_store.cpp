#include "store/exam_store.h"

#include <ctime>
#include <set>

#include "core/area_tree.h"
#include "core/date.h"
#include "store/area_store.h"
#include "store/registers_version.h"

namespace edu {
namespace {

using namespace edu::exam;

std::string now_text() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

const char* policy_key(AbsentPolicy p) { return p == AbsentPolicy::kExclude ? "exclude" : "zero"; }

Value optional_score(const std::optional<double>& v) { return v ? Value(*v) : Value(nullptr); }

// Marks the exam's data changed (see ExamDataVersion).
Status touch_exam(Database& db, int64_t exam_id) {
  return db.exec("UPDATE exams SET data_version = data_version + 1 WHERE id = ?", {exam_id});
}

Status insert_rows(Database& db, int64_t id, const ExamBundle& b) {
  Status s = insert_all(db, "exam_exemptions", {"exam_id", "student_id", "subject", "reason", "status", "created_at"},
                        b.exemptions, [&](const ExemptionRecord& x) {
                          return std::vector<Value>{id, x.student_id, x.subject, x.reason, x.status, now_text()};
                        });
  // A new exam has no scores to replace: they go in through bulk_insert (COPY on PostgreSQL).
  if (s.ok())
    s = insert_all(db, "exam_scores", {"exam_id", "student_id", "subject", "school_id", "score"}, b.scores,
                   [&](const ScoreRecord& r) {
                     return std::vector<Value>{id, r.student_id, int64_t{r.subject}, r.school_id,
                                               optional_score(r.score)};
                   });
  if (s.ok())
    s = insert_all(db, "exam_item_scores", {"exam_id", "student_id", "subject", "item", "score", "response"},
                   b.item_scores, [&](const ItemScoreRecord& r) {
                     return std::vector<Value>{id, r.student_id, int64_t{r.subject}, int64_t{r.item}, r.score,
                                               r.response};
                   });
  if (s.ok())
    s = insert_all(db, "exam_remarks", {"exam_id", "student_id", "subject", "self_score", "central_score"},
                   b.remarks, [&](const RemarkRecord& r) {
                     return std::vector<Value>{id, r.student_id, int64_t{r.subject}, r.self_score, r.central_score};
                   });
  if (s.ok()) s = insert_teaching(db, id, b.teaching);
  return s;
}

ExamRecord exam_from(const Row& r) {
  ExamRecord e;
  e.id = r.integer(0);
  e.name = r.text(1);
  e.date = parse_iso_date(r.text(2)).value_or(Date{});
  e.school_year = static_cast<int>(r.integer(3));
  e.grade = static_cast<int>(r.integer(4));
  e.absent_policy = r.text(5) == "exclude" ? AbsentPolicy::kExclude : AbsentPolicy::kCountAsZero;
  e.weights = {r.real(6), r.real(7), r.real(8), r.real(9)};
  if (!r.is_null(10)) e.previous_exam_id = r.integer(10);
  e.archived = r.integer(11) != 0;
  e.data_version = r.integer(12);
  return e;
}

// The subjects and items of `exams`: two queries for all of them (filtered to
// the one exam when there is one).
Status load_subjects(Database& db, std::vector<ExamRecord>& exams) {
  std::unordered_map<int64_t, ExamRecord*> by_id;
  for (ExamRecord& e : exams) by_id[e.id] = &e;
  const bool one = exams.size() == 1;
  const std::string where = one ? " WHERE exam_id = ?" : "";
  const std::vector<Value> params = one ? std::vector<Value>{exams.front().id} : std::vector<Value>{};
  auto subjects = db.query(
      "SELECT exam_id, name, full_marks, excellent_cut, pass_cut, low_cut FROM exam_subjects" + where +
          " ORDER BY exam_id, position",
      params);
  if (!subjects.ok()) return subjects.status();
  for (const Row& r : *subjects)
    if (auto it = by_id.find(r.integer(0)); it != by_id.end())
      it->second->subjects.push_back({r.text(1), r.real(2), {r.real(3), r.real(4), r.real(5)}, {}});
  auto items = db.query("SELECT exam_id, subject, label, full_marks, answer_key FROM exam_items" + where +
                            " ORDER BY exam_id, subject, position",
                        params);
  if (!items.ok()) return items.status();
  for (const Row& r : *items) {
    auto it = by_id.find(r.integer(0));
    if (it == by_id.end()) continue;
    auto& subjects_of = it->second->subjects;
    const auto s = static_cast<size_t>(r.integer(1));
    if (s < subjects_of.size()) subjects_of[s].items.push_back({r.text(2), r.real(3), r.text(4)});
  }
  return Status::Ok();
}

const char* kExamColumns =
    "id, name, exam_date, school_year, grade, absent_policy, weight_mean, weight_excellent, "
    "weight_pass, weight_low, previous_exam_id, archived, data_version";

// The exams `tail` selects ("WHERE …", "ORDER BY …"), with their subjects.
Result<std::vector<ExamRecord>> select_exams(Database& db, const std::string& tail, const std::vector<Value>& params) {
  auto rows = db.query(std::string("SELECT ") + kExamColumns + " FROM exams " + tail, params);
  if (!rows.ok()) return rows.status();
  std::vector<ExamRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(exam_from(r));
  if (out.empty()) return out;
  Status s = load_subjects(db, out);
  if (!s.ok()) return s;
  return out;
}

// The register's candidates of a school year and grade (parameters: year, grade,
// year, grade, year): the year's enrolments (在读, or 毕业 at a graduating year's
// end), and students now 在读 in a class of that year and grade who have no
// enrolment row for it yet (added to the register during the year).
const char* kRosterCte =
    "roster (student_id, school_id, class_id) AS ("
    "SELECT student_id, school_id, class_id FROM enrolments WHERE school_year = ? AND grade = ? "
    "AND status IN ('在读', '毕业') "
    "UNION ALL SELECT s.id, s.school_id, s.class_id FROM students s JOIN classes c ON c.id = s.class_id "
    "WHERE c.school_year = ? AND c.grade = ? AND s.status = '在读' AND NOT EXISTS (SELECT 1 FROM enrolments e "
    "WHERE e.student_id = s.id AND e.school_year = ?))";

Result<std::vector<NamedUnit>> named_units(Database& db, const std::string& sql, const std::vector<Value>& params) {
  std::vector<NamedUnit> out;
  Status s = db.query_each(sql, params, [&](const RowView& r) {
    out.push_back({r.integer(0), std::string(r.text(1)), r.integer(2)});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

// Loads the units the roster and teaching assignments name, county first.
Status load_units(Database& db, ExamTables& t) {
  const int64_t year = t.exam.school_year, grade = t.exam.grade;
  const std::vector<Value> roster_params{year, grade, year, grade, year};
  const std::string in_roster = std::string("WITH ") + kRosterCte + " SELECT DISTINCT school_id FROM roster";
  auto schools = named_units(db, "SELECT id, name, area_id FROM schools WHERE id IN (" + in_roster +
                                     ") ORDER BY id", roster_params);
  if (!schools.ok()) return schools.status();
  t.schools = std::move(*schools);
  // A school counts in its township (core/area_tree.h): a 学区's school in the 学区's township.
  auto areas = list_areas(db, Scope::All());
  if (!areas.ok()) return areas.status();
  const AreaTree tree(*areas);
  std::set<int64_t> townships;
  for (NamedUnit& school : t.schools)
    if (const Area* township = tree.township_of(school.parent_id)) {
      school.parent_id = township->id;
      townships.insert(township->id);
    }
  for (int64_t id : townships) {
    const Area* a = tree.find(id);
    t.townships.push_back({a->id, a->name, a->parent_id.value_or(0)});
  }
  auto classes = named_units(db, "SELECT id, name, school_id FROM classes WHERE school_year = ? AND grade = ? "
                                 "ORDER BY school_id, class_no", {year, grade});
  if (!classes.ok()) return classes.status();
  t.classes = std::move(*classes);
  auto teachers = named_units(db, "SELECT id, name, school_id FROM teachers WHERE id IN (SELECT teacher_id "
                                  "FROM exam_teaching WHERE exam_id = ?) ORDER BY id", {t.exam.id});
  if (!teachers.ok()) return teachers.status();
  t.teachers = std::move(*teachers);
  auto county = db.query("SELECT name FROM areas WHERE parent_id IS NULL ORDER BY id LIMIT 1");
  if (!county.ok()) return county.status();
  if (!county->empty()) t.county = county->front().text(0);
  return Status::Ok();
}

Status load_exam_rows(Database& db, ExamTables& t, ExamItemScores item_scores) {
  const std::vector<Value> id{t.exam.id};
  Status s = db.query_each(
      "SELECT student_id, school_id, subject, score FROM exam_scores WHERE exam_id = ?", id, [&](const RowView& r) {
        t.scores.push_back({r.integer(0), r.integer(1), static_cast<int>(r.integer(2)),
                            r.is_null(3) ? std::nullopt : std::optional<double>(r.real(3))});
        return Status::Ok();
      });
  if (!s.ok()) return s;
  auto exemptions = db.query("SELECT id, student_id, subject, reason, status FROM exam_exemptions WHERE exam_id = ? "
                             "AND status = ?", {t.exam.id, kExemptionApproved});
  if (!exemptions.ok()) return exemptions.status();
  for (const Row& r : *exemptions) t.exemptions.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4)});
  if (item_scores == ExamItemScores::kLoad)
    s = db.query_each("SELECT student_id, subject, item, score, response FROM exam_item_scores WHERE exam_id = ?", id,
                      [&](const RowView& r) {
                        t.item_scores.push_back({r.integer(0), static_cast<int>(r.integer(1)),
                                                 static_cast<int>(r.integer(2)), r.real(3), std::string(r.text(4))});
                        return Status::Ok();
                      });
  if (!s.ok()) return s;
  auto remarks = db.query("SELECT student_id, subject, self_score, central_score FROM exam_remarks WHERE exam_id = ?", id);
  if (!remarks.ok()) return remarks.status();
  for (const Row& r : *remarks)
    t.remarks.push_back({r.integer(0), static_cast<int>(r.integer(1)), r.real(2), r.real(3)});
  auto teaching = db.query("SELECT class_id, subject, teacher_id FROM exam_teaching WHERE exam_id = ?", id);
  if (!teaching.ok()) return teaching.status();
  for (const Row& r : *teaching)
    t.teaching.push_back({r.integer(0), static_cast<int>(r.integer(1)), r.integer(2)});
  return Status::Ok();
}

}  // namespace

Result<int64_t> insert_exam(Database& db, const ExamRecord& e) {
  auto rows = db.query(
      "INSERT INTO exams (name, exam_date, school_year, grade, absent_policy, weight_mean, weight_excellent, "
      "weight_pass, weight_low, previous_exam_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
      {e.name, e.date.iso(), int64_t{e.school_year}, int64_t{e.grade}, std::string(policy_key(e.absent_policy)),
       e.weights.mean, e.weights.excellent, e.weights.pass, e.weights.low,
       e.previous_exam_id ? Value(*e.previous_exam_id) : Value(nullptr), now_text()});
  if (!rows.ok()) return rows.status();
  const int64_t id = rows->front().integer(0);
  for (size_t s = 0; s < e.subjects.size(); ++s) {
    const SubjectRecord& sub = e.subjects[s];
    Status st = db.exec(
        "INSERT INTO exam_subjects (exam_id, position, name, full_marks, excellent_cut, pass_cut, low_cut) "
        "VALUES (?,?,?,?,?,?,?)",
        {id, static_cast<int64_t>(s), sub.name, sub.full_marks, sub.cuts.excellent, sub.cuts.pass, sub.cuts.low});
    if (!st.ok()) return st;
    for (size_t i = 0; i < sub.items.size(); ++i) {
      st = db.exec("INSERT INTO exam_items (exam_id, subject, position, label, full_marks, answer_key) "
                   "VALUES (?,?,?,?,?,?)",
                   {id, static_cast<int64_t>(s), static_cast<int64_t>(i), sub.items[i].label,
                    sub.items[i].full_marks, sub.items[i].key});
      if (!st.ok()) return st;
    }
  }
  return id;
}

Result<int64_t> save_exam_bundle(Database& db, const ExamBundle& b) {
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto id = insert_exam(db, b.exam);
  if (!id.ok()) return id.status();
  Status s = insert_rows(db, *id, b);
  if (s.ok()) s = tx.commit();
  if (!s.ok()) return s;
  return *id;
}

Result<std::vector<ExamRecord>> list_exams(Database& db) {
  return select_exams(db, "ORDER BY exam_date DESC, id DESC", {});
}

Result<std::optional<ExamRecord>> find_exam(Database& db, int64_t exam_id) {
  auto exams = select_exams(db, "WHERE id = ?", {exam_id});
  if (!exams.ok()) return exams.status();
  if (exams->empty()) return std::optional<ExamRecord>();
  return std::optional<ExamRecord>(std::move(exams->front()));
}

Result<ExamRecord> existing_exam(Database& db, int64_t exam_id) {
  auto exam = find_exam(db, exam_id);
  if (!exam.ok()) return exam.status();
  if (!*exam) return Status::Error("not_found", "考试(编号 " + std::to_string(exam_id) + ")不存在");
  return std::move(**exam);
}

Status set_exam_archived(Database& db, int64_t exam_id, bool archived) {
  return db.exec("UPDATE exams SET archived = ? WHERE id = ?", {int64_t{archived}, exam_id});
}

Result<std::vector<ScoredAtSchool>> exam_scored_by_school(Database& db, int64_t exam_id) {
  std::vector<ScoredAtSchool> out;
  Status s = db.query_each(
      "SELECT subject, school_id, COUNT(score) FROM exam_scores WHERE exam_id = ? GROUP BY subject, school_id",
      {exam_id}, [&](const RowView& r) {
        out.push_back({static_cast<int>(r.integer(0)), r.integer(1), r.integer(2)});
        return Status::Ok();
      });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<RosterEntry>> load_roster(Database& db, const ExamRecord& exam) {
  std::vector<RosterEntry> out;
  Status s = db.query_each(
      std::string("WITH ") + kRosterCte +
          " SELECT s.id, s.id_number, s.name, r.school_id, r.class_id, CASE WHEN EXISTS (SELECT 1 FROM "
          "exam_exemptions x WHERE x.exam_id = ? AND x.student_id = s.id AND x.subject = '' AND x.status = ?) "
          "THEN 1 ELSE 0 END FROM roster r JOIN students s ON s.id = r.student_id ORDER BY r.school_id, r.class_id, s.id",
      {int64_t{exam.school_year}, int64_t{exam.grade}, int64_t{exam.school_year}, int64_t{exam.grade},
       int64_t{exam.school_year}, exam.id, kExemptionApproved},
      [&](const RowView& r) {
        const std::string id_number(r.text(1));
        out.push_back({r.integer(0), "G" + id_number, id_number, std::string(r.text(2)), r.integer(3), r.integer(4),
                       r.integer(5) != 0});
        return Status::Ok();
      });
  if (!s.ok()) return s;
  return out;
}

Result<ExamTables> load_exam_tables(Database& db, int64_t exam_id, ExamItemScores item_scores) {
  auto exam = existing_exam(db, exam_id);
  if (!exam.ok()) return exam.status();
  ExamTables t;
  t.exam = std::move(*exam);
  auto roster = load_roster(db, t.exam);
  if (!roster.ok()) return roster.status();
  t.roster = std::move(*roster);
  Status s = load_exam_rows(db, t, item_scores);
  if (s.ok()) s = load_units(db, t);
  if (!s.ok()) return s;
  return t;
}

Result<ExamDataVersion> exam_data_version(Database& db, int64_t exam_id) {
  auto rows = db.query(
      "SELECT e.data_version, e.previous_exam_id, COALESCE(p.data_version, 0) FROM exams e "
      "LEFT JOIN exams p ON p.id = e.previous_exam_id WHERE e.id = ?",
      {exam_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::Error("not_found", "考试(编号 " + std::to_string(exam_id) + ")不存在");
  const Row& r = rows->front();
  auto registers = registers_version(db);
  if (!registers.ok()) return registers.status();
  ExamDataVersion v;
  v.data = r.integer(0);
  if (!r.is_null(1)) v.previous_exam_id = r.integer(1);
  v.previous_data = r.integer(2);
  v.registers = *registers;
  return v;
}

Status insert_teaching(Database& db, int64_t exam_id, const std::vector<TeachingRecord>& rows) {
  if (Status s = touch_exam(db, exam_id); !s.ok()) return s;
  return insert_all(db, "exam_teaching", {"exam_id", "class_id", "subject", "teacher_id"}, rows,
                    [&](const TeachingRecord& t) {
                      return std::vector<Value>{exam_id, t.class_id, int64_t{t.subject}, t.teacher_id};
                    });
}

Status replace_scores(Database& db, int64_t exam_id, const std::vector<ScoreRecord>& scores,
                      const std::vector<ItemScoreRecord>& item_scores) {
  if (Status s = touch_exam(db, exam_id); !s.ok()) return s;
  Status s = run_for_each(db,
                        "INSERT INTO exam_scores (exam_id, student_id, subject, school_id, score) VALUES (?,?,?,?,?) "
                        "ON CONFLICT (exam_id, student_id, subject) DO UPDATE SET school_id = excluded.school_id, "
                        "score = excluded.score",
                        scores, [&](const ScoreRecord& r) {
                          return std::vector<Value>{exam_id, r.student_id, int64_t{r.subject}, r.school_id,
                                                    optional_score(r.score)};
                        });
  if (!s.ok()) return s;
  return run_for_each(db,
                    "INSERT INTO exam_item_scores (exam_id, student_id, subject, item, score, response) "
                    "VALUES (?,?,?,?,?,?) ON CONFLICT (exam_id, student_id, subject, item) DO UPDATE SET "
                    "score = excluded.score, response = excluded.response",
                    item_scores, [&](const ItemScoreRecord& r) {
                      return std::vector<Value>{exam_id, r.student_id, int64_t{r.subject}, int64_t{r.item},
                                                r.score, r.response};
                    });
}

Result<std::vector<ExemptionView>> list_exemptions(Database& db, int64_t exam_id) {
  auto rows = db.query(
      "SELECT x.id, x.student_id, x.subject, x.reason, x.status, s.name, s.school_id, sc.name "
      "FROM exam_exemptions x JOIN students s ON s.id = x.student_id JOIN schools sc ON sc.id = s.school_id "
      "WHERE x.exam_id = ? ORDER BY s.school_id, x.id",
      {exam_id});
  if (!rows.ok()) return rows.status();
  std::vector<ExemptionView> out;
  for (const Row& r : *rows)
    out.push_back({{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4)}, r.text(5), r.integer(6), r.text(7)});
  return out;
}

Result<int64_t> insert_exemption(Database& db, int64_t exam_id, const ExemptionRecord& x, int64_t requested_by,
                                 int64_t decided_by) {
  if (Status s = touch_exam(db, exam_id); !s.ok()) return s;
  auto id = [](int64_t v) { return v ? Value(v) : Value(nullptr); };
  auto rows = db.query(
      "INSERT INTO exam_exemptions (exam_id, student_id, subject, reason, status, requested_by, decided_by, "
      "created_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
      {exam_id, x.student_id, x.subject, x.reason, x.status, id(requested_by), id(decided_by), now_text()});
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Result<int64_t> insert_score_import(Database& db, const ScoreImportSummary& m) {
  auto rows = db.query(
      "INSERT INTO exam_score_imports (exam_id, file_name, rows, counted, missing, outsiders, duplicates, report, "
      "created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
      {m.exam_id, m.file_name, m.rows, m.counted, m.missing, m.outsiders, m.duplicates, m.report, m.created_by,
       now_text()});
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Result<std::set<int64_t>> students_scored_elsewhere(Database& db, int64_t exam_id, int64_t school_id) {
  auto rows = db.query("SELECT DISTINCT student_id FROM exam_scores WHERE exam_id = ? AND school_id <> ?",
                       {exam_id, school_id});
  if (!rows.ok()) return rows.status();
  std::set<int64_t> out;
  for (const Row& r : *rows) out.insert(r.integer(0));
  return out;
}

Result<std::unordered_map<std::string, int64_t>> school_ids_by_code(Database& db) {
  auto rows = db.query("SELECT code, id FROM schools");
  if (!rows.ok()) return rows.status();
  std::unordered_map<std::string, int64_t> out;
  for (const Row& r : *rows) out[r.text(0)] = r.integer(1);
  return out;
}

Result<std::set<int64_t>> teacher_exam_classes(Database& db, const ExamRecord& exam, int64_t teacher_id) {
  auto rows = db.query(
      "SELECT id FROM classes WHERE school_year = ? AND grade = ? AND head_teacher_id = ? "
      "UNION SELECT class_id FROM exam_teaching WHERE exam_id = ? AND teacher_id = ?",
      {int64_t{exam.school_year}, int64_t{exam.grade}, teacher_id, exam.id, teacher_id});
  if (!rows.ok()) return rows.status();
  std::set<int64_t> out;
  for (const Row& r : *rows) out.insert(r.integer(0));
  return out;
}

Result<std::map<std::string, FlagReview>> load_flag_reviews(Database& db, int64_t exam_id) {
  auto rows = db.query(
      "SELECT r.flag_key, r.reviewed_by, COALESCE(u.display_name, ''), r.reviewed_at FROM exam_flag_reviews r "
      "LEFT JOIN users u ON u.id = r.reviewed_by WHERE r.exam_id = ?",
      {exam_id});
  if (!rows.ok()) return rows.status();
  std::map<std::string, FlagReview> out;
  for (const Row& r : *rows) out[r.text(0)] = {r.integer(1), r.text(2), r.text(3)};
  return out;
}

Status set_flag_review(Database& db, int64_t exam_id, const std::string& flag_key, bool reviewed,
                       int64_t reviewed_by) {
  Status s = db.exec("DELETE FROM exam_flag_reviews WHERE exam_id = ? AND flag_key = ?", {exam_id, flag_key});
  if (!s.ok() || !reviewed) return s;
  return db.exec("INSERT INTO exam_flag_reviews (exam_id, flag_key, reviewed_by, reviewed_at) VALUES (?,?,?,?)",
                 {exam_id, flag_key, reviewed_by, now_text()});
}

Status save_reward_rules(Database& db, int64_t exam_id, const std::vector<RewardRule>& rules) {
  Status s = db.exec("DELETE FROM exam_reward_rules WHERE exam_id = ?", {exam_id});
  if (!s.ok()) return s;
  return insert_all(db, "exam_reward_rules",
                    {"exam_id", "name", "kind", "level", "subject", "rank_from", "rank_to", "indicator",
                     "threshold", "points", "min_participation"},
                    rules, [&](const RewardRule& r) {
                      return std::vector<Value>{exam_id, r.name, std::string(reward_kind_key(r.kind)),
                                                std::string(level_key(r.level)), r.subject, int64_t{r.rank_from},
                                                int64_t{r.rank_to}, r.indicator, r.threshold, r.points,
                                                r.min_participation};
                    });
}

Result<std::vector<RewardRule>> load_reward_rules(Database& db, int64_t exam_id) {
  auto rows = db.query(
      "SELECT name, kind, level, subject, rank_from, rank_to, indicator, threshold, points, min_participation "
      "FROM exam_reward_rules WHERE exam_id = ? ORDER BY id",
      {exam_id});
  if (!rows.ok()) return rows.status();
  std::vector<RewardRule> out;
  for (const Row& r : *rows) {
    RewardRule rule;
    rule.name = r.text(0);
    parse_reward_kind(r.text(1), rule.kind);
    parse_level(r.text(2), rule.level);
    rule.subject = r.text(3);
    rule.rank_from = static_cast<int>(r.integer(4));
    rule.rank_to = static_cast<int>(r.integer(5));
    rule.indicator = r.text(6);
    rule.threshold = r.real(7);
    rule.points = r.real(8);
    rule.min_participation = r.real(9);
    out.push_back(std::move(rule));
  }
  return out;
}

}  // namespace edu
