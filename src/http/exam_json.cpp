#include "http/exam_json.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include "core/id_number.h"
#include "exam/integrity_review.h"

namespace edu {
namespace {

using Json = nlohmann::json;
using namespace edu::exam;

const std::vector<NamedUnit>& named(const ExamTables& t, Level level) {
  static const std::vector<NamedUnit> none;
  switch (level) {
    case Level::kTownship: return t.townships;
    case Level::kSchool: return t.schools;
    case Level::kClass: return t.classes;
    case Level::kTeacher: return t.teachers;
    case Level::kCounty: return none;
  }
  return none;
}

double round6(double v) { return std::round(v * 1e6) / 1e6; }

// A figure that may have no data: null, never 0.
Json round6(const std::optional<double>& v) { return v ? Json(round6(*v)) : Json(nullptr); }

Json cuts_json(const CutLines& c) {
  return {{"excellent", c.excellent}, {"pass", c.pass}, {"low", c.low}};
}

// A group of which nobody sat the column has no scores imported (未导入成绩):
// its marks, rates, 综合得分 and ranks are null — not the zeros an absent-as-0
// policy would make of them; the counts (应考, 实考 0) stay.
Json group_json(const GroupResult& g, std::span<const int32_t> bins) {
  Json j = stats_json(g.stats, bins);
  const bool imported = g.stats.sat > 0;
  j["imported"] = imported;
  if (!imported)
    for (const char* k : {"mean", "sd", "excellent_rate", "pass_rate", "low_rate", "max", "min"}) j[k] = nullptr;
  const bool ranked = imported && g.stats.counted > 0;  // no 综合得分, no rank
  j["composite"] = ranked ? Json(round6(g.composite)) : Json(nullptr);
  j["rank"] = ranked ? Json(g.rank) : Json(nullptr);
  j["mean_rank"] = ranked ? Json(g.mean_rank) : Json(nullptr);
  j["previous_rank"] = g.previous_rank ? Json(g.previous_rank) : Json(nullptr);
  j["rank_change"] = g.previous_rank ? Json(g.rank_change) : Json(nullptr);
  return j;
}

std::string school_name(const ExamReport& r, int32_t school) {
  return school >= 0 && school < static_cast<int32_t>(r.input.units.schools.size())
             ? r.input.units.schools[school].name
             : "";
}

}  // namespace

bool ExamViewer::sees_school_id(const ExamTables& t, int64_t school_id) const {
  switch (scope.kind) {
    case Scope::Kind::kAll: return true;
    case Scope::Kind::kArea: return schools.count(school_id) > 0;
    case Scope::Kind::kSchool:
    case Scope::Kind::kHeadTeacher: return school_id == scope.school_id;
  }
  return false;
}

bool ExamViewer::sees(const ExamTables& t, Level level, size_t index) const {
  if (level == Level::kCounty || scope.kind == Scope::Kind::kAll) return true;
  const NamedUnit& u = named(t, level)[index];
  switch (level) {
    case Level::kTownship: return scope.kind == Scope::Kind::kArea && areas.count(u.id) > 0;
    case Level::kSchool: return sees_school_id(t, u.id);
    case Level::kClass:
      return scope.kind == Scope::Kind::kHeadTeacher ? classes.count(u.id) > 0 : sees_school_id(t, u.parent_id);
    case Level::kTeacher:
      return scope.kind == Scope::Kind::kHeadTeacher ? u.id == scope.teacher_id : sees_school_id(t, u.parent_id);
    case Level::kCounty: return true;
  }
  return false;
}

std::string ExamViewer::key() const {
  std::string k = std::to_string(static_cast<int>(scope.kind)) + ":" + std::to_string(scope.area_id) + ":" +
                  std::to_string(scope.school_id) + ":" + std::to_string(scope.teacher_id);
  for (const auto* ids : {&classes, &areas, &schools}) {
    k += '|';
    for (int64_t id : *ids) k += std::to_string(id) + ",";
  }
  return k;
}

Json exam_json(const ExamRecord& e) {
  Json subjects = Json::array();
  for (const SubjectRecord& s : e.subjects) {
    Json items = Json::array();
    for (const ItemRecord& i : s.items) items.push_back({{"label", i.label}, {"full_marks", i.full_marks}, {"key", i.key}});
    subjects.push_back({{"name", s.name}, {"full_marks", s.full_marks},
                        {"cuts", cuts_json(s.cuts)},
                        {"items", items}});
  }
  return {{"id", e.id},
          {"name", e.name},
          {"date", e.date.iso()},
          {"school_year", e.school_year},
          {"grade", e.grade},
          {"absent_policy", e.absent_policy == AbsentPolicy::kExclude ? "exclude" : "zero"},
          {"weights", {{"mean", e.weights.mean}, {"excellent", e.weights.excellent}, {"pass", e.weights.pass},
                       {"low", e.weights.low}}},
          {"previous_exam_id", e.previous_exam_id ? Json(*e.previous_exam_id) : Json(nullptr)},
          {"archived", e.archived},
          {"subjects", subjects}};
}

Json stats_json(const ScoreStats& s, std::span<const int32_t> bins) {
  Json percentiles = Json::object();
  for (size_t k = 0; k < kPercentiles.size(); ++k)
    percentiles["p" + std::to_string(static_cast<int>(kPercentiles[k] * 100))] =
        s.percentiles ? Json((*s.percentiles)[k]) : Json(nullptr);
  return {{"expected", s.expected},
          {"sat", s.sat},
          {"counted", s.counted},
          {"participation", round6(s.participation)},
          {"mean", round6(s.mean)},
          {"sd", round6(s.sd)},
          {"excellent", s.excellent},
          {"excellent_rate", round6(s.excellent_rate)},
          {"pass", s.pass},
          {"pass_rate", round6(s.pass_rate)},
          {"low", s.low},
          {"low_rate", round6(s.low_rate)},
          {"max", round6(s.max)},
          {"min", round6(s.min)},
          {"percentiles", percentiles},
          {"bins", std::vector<int32_t>(bins.begin(), bins.end())}};
}

namespace {

// The township and school (register ids) a group of `level` belongs to; 0 where none.
std::pair<int64_t, int64_t> township_and_school(const exam::Units& units, Level level, const Unit& u) {
  int32_t school = -1;
  if (level == Level::kSchool) return {u.parent >= 0 ? units.townships[u.parent].id : 0, u.id};
  if (level == Level::kClass || level == Level::kTeacher) school = u.parent;
  if (level == Level::kTownship) return {u.id, 0};
  if (school < 0) return {0, 0};
  const Unit& s = units.schools[school];
  return {s.parent >= 0 ? units.townships[s.parent].id : 0, s.id};
}

}  // namespace

Json results_json(const ExamReport& r, Level level, const ExamViewer& viewer, const ResultsPiece& piece) {
  const LevelResult& result = r.analysis.at(level);
  const auto& units = units_of(r.input.units, level);
  Json columns = Json::array();
  for (const ColumnResult& c : result.columns)
    columns.push_back({{"subject", c.subject.name}, {"full_marks", c.subject.full_marks}, {"cuts", cuts_json(c.subject.cuts)}});
  const size_t count = result.columns.empty() ? 0 : result.columns.front().groups.size();
  std::vector<size_t> shown;
  for (size_t g = 0; g < count; ++g) {
    if (!viewer.sees(r.tables, level, g)) continue;
    bool any = false;  // a class or teacher without candidates in this exam is left out
    for (const ColumnResult& c : result.columns) any |= g < c.groups.size() && c.groups[g].stats.expected > 0;
    if (!any) continue;
    if (level != Level::kCounty && (piece.township_id || piece.school_id)) {
      auto [township, school] = township_and_school(r.input.units, level, units[g]);
      if ((piece.township_id && township != piece.township_id) || (piece.school_id && school != piece.school_id))
        continue;
    }
    shown.push_back(g);
  }
  const size_t total = shown.size();
  if (piece.page > 0 && !result.columns.empty()) {
    const ColumnResult& by = result.columns[piece.column.value_or(result.columns.size() - 1)];
    auto rank = [&](size_t g) {
      const GroupResult& x = by.groups[g];
      const bool ranked = g < by.groups.size() && x.stats.sat > 0 && x.stats.counted > 0;
      return ranked ? static_cast<int64_t>(x.rank) : INT64_MAX;
    };
    std::stable_sort(shown.begin(), shown.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
    const size_t from = std::min(total, static_cast<size_t>((piece.page - 1) * piece.size));
    const size_t to = std::min(total, from + static_cast<size_t>(piece.size));
    shown = std::vector<size_t>(shown.begin() + from, shown.begin() + to);
  }
  Json groups = Json::array();
  for (size_t g : shown) {
    Json cols = Json::array();
    for (size_t k = 0; k < result.columns.size(); ++k) {
      if (piece.column && k != *piece.column) continue;
      const ColumnResult& c = result.columns[k];
      cols.push_back(g < c.groups.size() ? group_json(c.groups[g], c.bins_of(g)) : Json(nullptr));
    }
    const Unit& u = level == Level::kCounty ? Unit{0, r.input.units.county, -1} : units[g];
    Json row{{"id", u.id}, {"name", u.name}, {"columns", cols}};
    if (level == Level::kSchool && u.parent >= 0) row["township"] = r.input.units.townships[u.parent].name;
    if (level == Level::kClass && u.parent >= 0) row["school"] = r.input.units.schools[u.parent].name;
    groups.push_back(std::move(row));
  }
  Json out{{"exam", exam_json(r.tables.exam)},
           {"level", level_key(level)},
           {"absent_policy", r.tables.exam.absent_policy == AbsentPolicy::kExclude ? "exclude" : "zero"},
           {"columns", columns},
           {"total", total},
           {"groups", groups}};
  if (piece.column) out["column"] = *piece.column;
  if (piece.page > 0) {
    out["page"] = piece.page;
    out["size"] = piece.size;
  }
  return out;
}

Json student_json(const ExamReport& r, int64_t student_id) {
  const Cohort& c = r.input.cohort;
  for (size_t i = 0; i < c.size(); ++i) {
    if (c.student_id[i] != student_id) continue;
    Json subjects = Json::array();
    const Column total = total_column(c);
    for (size_t k = 0; k < r.analysis.columns.size(); ++k) {
      const Column& col = k < c.subjects.size() ? c.subjects[k] : total;
      const StudentColumn& s = r.analysis.students[k];
      const char* sitting[] = {"sat", "absent", "exempt"};
      const bool sat = col.sitting[i] == Sitting::kSat;
      subjects.push_back({{"subject", r.analysis.columns[k].name},
                          {"full_marks", r.analysis.columns[k].full_marks},
                          {"sitting", sitting[static_cast<int>(col.sitting[i])]},
                          {"score", sat ? Json(to_marks(col.points[i])) : Json(nullptr)},
                          {"z", sat ? Json(round6(s.z[i])) : Json(nullptr)},
                          {"t", sat ? Json(round6(50 + 10 * s.z[i])) : Json(nullptr)},
                          {"class_rank", s.class_rank[i]},
                          {"school_rank", s.school_rank[i]},
                          {"county_rank", s.county_rank[i]}});
    }
    const RosterEntry& e = r.tables.roster[i];
    return {{"student_id", student_id}, {"name", e.name}, {"school_id", e.school_id},
            {"school", school_name(r, c.school[i])},
            {"class", c.klass[i] >= 0 ? Json(r.input.units.classes[c.klass[i]].name) : Json(nullptr)},
            {"class_id", e.class_id}, {"subjects", subjects}};
  }
  return nullptr;
}

bool ExamViewer::sees_candidate(const ExamTables& t, size_t index) const {
  const RosterEntry& e = t.roster[index];
  return scope.kind == Scope::Kind::kHeadTeacher ? classes.count(e.class_id) > 0 : sees_school_id(t, e.school_id);
}

Json candidates_json(const ExamReport& r, const ExamViewer& viewer, const std::string& name_prefix,
                     const std::string& id_number_prefix, size_t limit) {
  const Cohort& c = r.input.cohort;
  Json items = Json::array();
  for (size_t i = 0; i < c.size() && items.size() < limit; ++i) {
    const RosterEntry& e = r.tables.roster[i];
    const bool match = id_number_prefix.empty() ? e.name.starts_with(name_prefix)
                                                : e.id_number.starts_with(id_number_prefix) ||
                                                      e.student_no.starts_with(id_number_prefix);
    if (!match || !viewer.sees_candidate(r.tables, i)) continue;
    items.push_back({{"student_id", e.student_id}, {"name", e.name}, {"id_number", mask_id_number(e.id_number)},
                     {"school", school_name(r, c.school[i])},
                     {"class", c.klass[i] >= 0 ? Json(r.input.units.classes[c.klass[i]].name) : Json(nullptr)}});
  }
  return {{"items", items}};
}

Json items_json(const ExamReport& r, const ExamViewer& viewer) {
  Json subjects = Json::array();
  for (size_t s = 0; s < r.items.size(); ++s) {
    const ItemAnalysis& a = r.items[s];
    if (a.items.empty() || a.rows == 0) continue;  // no item rows yet: no figures, not zeros
    Json items = Json::array();
    for (size_t i = 0; i < a.items.size(); ++i) {
      Json schools = Json::array();
      for (size_t k = 0; k < a.items[i].school_rate.size(); ++k)
        if (a.school_rows[k] > 0 && viewer.sees(r.tables, Level::kSchool, k))
          schools.push_back({{"school_id", r.input.units.schools[k].id}, {"school", r.input.units.schools[k].name},
                             {"score_rate", round6(a.items[i].school_rate[k])}});
      const ItemSpec& spec = r.input.items[s].items[i];
      items.push_back({{"label", spec.label}, {"full_marks", spec.full_marks}, {"key", spec.key},
                       {"mean", round6(a.items[i].mean)}, {"difficulty", round6(a.items[i].difficulty)},
                       {"discrimination", round6(a.items[i].discrimination)}, {"schools", schools}});
    }
    subjects.push_back({{"subject", r.input.spec.subjects[s].name}, {"rows", a.rows}, {"alpha", round6(a.alpha)},
                        {"items", items}});
  }
  return {{"exam_id", r.tables.exam.id}, {"subjects", subjects}};
}

Json value_added_json(const ExamReport& r, const ExamViewer& viewer) {
  if (!r.value_added || !r.previous)
    return {{"exam_id", r.tables.exam.id}, {"previous", nullptr}, {"schools", Json::array()}, {"classes", Json::array()}};
  const ValueAddedResult& v = *r.value_added;
  auto groups = [&](const std::vector<ValueAdded>& list, Level level) {
    Json out = Json::array();
    const auto& units = units_of(r.input.units, level);
    for (size_t g = 0; g < list.size(); ++g) {
      if (list[g].n == 0 || !viewer.sees(r.tables, level, g)) continue;
      out.push_back({{"id", units[g].id}, {"name", units[g].name}, {"n", list[g].n},
                     {"value_added", round6(list[g].mean_residual)}, {"ci_low", round6(list[g].ci_low)},
                     {"ci_high", round6(list[g].ci_high)}, {"raw_mean", round6(list[g].raw_mean)},
                     {"rank", list[g].rank}, {"raw_rank", list[g].raw_rank}});
    }
    return out;
  };
  return {{"exam_id", r.tables.exam.id},
          {"previous", exam_json(*r.previous)},
          {"subject", "总分"},
          {"regression", {{"n", v.fit.n}, {"intercept", round6(v.fit.intercept)}, {"slope", round6(v.fit.slope)},
                          {"r_squared", round6(v.fit.r_squared)}}},
          {"schools", groups(v.schools, Level::kSchool)},
          {"classes", groups(v.classes, Level::kClass)}};
}

Json integrity_json(const ExamReport& r, const ExamViewer& viewer, const std::map<std::string, FlagReview>& reviews) {
  Json flags = Json::array();
  for (const IntegrityFlag& f : r.flags) {
    if (f.school >= 0 && !viewer.sees(r.tables, Level::kSchool, f.school)) continue;
    Json evidence = Json::object();
    for (const Evidence& e : f.evidence) evidence[e.name] = e.value;
    const int64_t school_id = f.school >= 0 ? r.input.units.schools[f.school].id : 0;
    const std::string key = flag_key(f, school_id);
    const Severity severity = flag_severity(f);
    Json j{{"key", key}, {"kind", f.kind}, {"kind_label", integrity_kind_label(f.kind)}, {"school", school_name(r, f.school)},
           {"school_id", school_id ? Json(school_id) : Json(nullptr)}, {"subject", f.subject},
           {"severity", severity_key(severity)}, {"severity_label", severity_label(severity)},
           {"message", f.message}, {"evidence", evidence}, {"reviewed", nullptr}};
    if (f.student_a) j["students"] = {f.student_a, f.student_b};
    if (auto at = reviews.find(key); at != reviews.end())
      j["reviewed"] = {{"by", at->second.reviewer}, {"at", at->second.reviewed_at}};
    flags.push_back(std::move(j));
  }
  // What was checked, over the candidates the caller sees.
  const Cohort& c = r.input.cohort;
  int64_t candidates = 0, sat = 0, item_rows = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    if (!viewer.sees(r.tables, Level::kSchool, c.school[i])) continue;
    ++candidates;
    bool any = false;
    for (const Column& col : c.subjects) any |= col.sitting[i] == Sitting::kSat;
    sat += any;
  }
  for (const ItemMatrix& m : r.input.items) item_rows += static_cast<int64_t>(m.rows());
  const auto remarks = static_cast<int64_t>(r.input.remarks.size());
  auto check = [](const char* kind, int64_t over, const std::string& what) {
    return Json{{"kind", kind}, {"label", integrity_kind_label(kind)}, {"ran", over > 0}, {"over", over}, {"what", what}};
  };
  Json checks = Json::array({
      check("participation", candidates, "各校参考率与全县中位数比较,覆盖应考 " + std::to_string(candidates) + " 人"),
      check("cut_spike", sat, "各校各科及格线、优秀线附近的分数分布,覆盖实考 " + std::to_string(sat) + " 人"),
      check("remark", remarks, "学校自评分与教育局复评分比较,复评样本 " + std::to_string(remarks) + " 份"),
      check("similar_answers", item_rows, "同校考生客观题错误选项雷同,小题作答 " + std::to_string(item_rows) + " 份"),
      check("visiting", candidates, "成绩上报学校与学籍学校比较,覆盖应考 " + std::to_string(candidates) + " 人"),
  });
  return {{"exam_id", r.tables.exam.id}, {"candidates", candidates}, {"checks", checks}, {"flags", flags}};
}

Json rule_json(const RewardRule& r) {
  return {{"name", r.name}, {"kind", reward_kind_key(r.kind)}, {"level", level_key(r.level)},
          {"subject", r.subject}, {"rank_from", r.rank_from}, {"rank_to", r.rank_to},
          {"indicator", r.indicator}, {"threshold", r.threshold}, {"points", r.points},
          {"min_participation", r.min_participation}};
}

Json awards_json(const ExamReport& r, const std::vector<Award>& awards, const ExamViewer& viewer) {
  Json out = Json::array();
  for (const Award& a : awards) {
    if (!viewer.sees(r.tables, a.level, a.unit)) continue;
    Json lines = Json::array();
    for (const AwardLine& l : a.lines) lines.push_back({{"rule", l.rule}, {"working", l.working}, {"points", l.points}});
    const Unit& u = units_of(r.input.units, a.level)[a.unit];
    out.push_back({{"level", level_key(a.level)}, {"id", u.id}, {"name", u.name}, {"points", a.points},
                   {"lines", lines}});
  }
  return out;
}

Json absentees_json(const ExamReport& r, const ExamViewer& viewer) {
  const Cohort& c = r.input.cohort;
  std::vector<Json> by_school(r.input.units.schools.size(), Json::array());
  for (size_t i = 0; i < c.size(); ++i) {
    bool any_score = false, exempt = true;
    for (const Column& col : c.subjects) {
      any_score |= col.sitting[i] == Sitting::kSat;
      exempt &= col.sitting[i] == Sitting::kExempt;
    }
    if (any_score || exempt || !viewer.sees(r.tables, Level::kSchool, c.school[i])) continue;
    by_school[c.school[i]].push_back({{"student_id", c.student_id[i]}, {"name", c.name_of(i)},
                                      {"class", c.klass[i] >= 0 ? r.input.units.classes[c.klass[i]].name : ""}});
  }
  Json out = Json::array();
  for (size_t s = 0; s < by_school.size(); ++s)
    if (!by_school[s].empty())
      out.push_back({{"school_id", r.input.units.schools[s].id}, {"school", r.input.units.schools[s].name},
                     {"count", by_school[s].size()}, {"students", by_school[s]}});
  return out;
}

}  // namespace edu
