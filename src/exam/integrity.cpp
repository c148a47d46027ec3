#include "exam/integrity.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "exam/text.h"

namespace edu::exam {

std::string integrity_kind_label(const std::string& kind) {
  static const std::map<std::string, std::string> labels = {
      {"participation", "参考率异常"}, {"remark", "自评偏松"}, {"cut_spike", "分数线堆积"},
      {"similar_answers", "答案雷同"}, {"visiting", "附读生"}};
  auto it = labels.find(kind);
  return it == labels.end() ? kind : it->second;
}
namespace {

struct CutCounts {
  std::vector<int64_t> above, below;  // per school
};

CutCounts count_around(const Column& column, const Cohort& cohort, size_t schools, Points cut, Points width) {
  CutCounts c{std::vector<int64_t>(schools, 0), std::vector<int64_t>(schools, 0)};
  for (size_t i = 0; i < cohort.size(); ++i) {
    if (column.sitting[i] != Sitting::kSat) continue;
    const Points p = column.points[i];
    if (p >= cut && p < cut + width) ++c.above[cohort.school[i]];
    if (p >= cut - width && p < cut) ++c.below[cohort.school[i]];
  }
  return c;
}

void spike_flags_at(std::vector<IntegrityFlag>& out, const Column& column, const SubjectSpec& subject,
                    const char* cut_name, Points cut, const Cohort& cohort, const Units& units,
                    const IntegrityOptions& options) {
  const Points width = std::max<Points>(kPointsPerMark, to_points(0.02 * subject.full_marks));
  const CutCounts c = count_around(column, cohort, units.schools.size(), cut, width);
  int64_t all_above = 0, all_below = 0;
  for (size_t s = 0; s < units.schools.size(); ++s) all_above += c.above[s], all_below += c.below[s];
  for (size_t s = 0; s < units.schools.size(); ++s) {
    const int64_t a = c.above[s], b = c.below[s], n = a + b;
    if (n < 8) continue;
    const int64_t other_a = all_above - a, other_n = all_above + all_below - n;
    const double p0 = other_n >= 20 ? std::clamp(static_cast<double>(other_a) / other_n, 0.05, 0.95) : 0.5;
    const double expected = n * p0;
    const double z = (a - expected) / std::sqrt(n * p0 * (1 - p0));
    if (z < options.spike_z || a < 1.5 * expected) continue;
    const double lo = to_marks(cut - width), mid = to_marks(cut), hi = to_marks(cut + width);
    IntegrityFlag f{"cut_spike", static_cast<int32_t>(s), subject.name, "", {}};
    f.message = units.schools[s].name + subject.name + cut_name + "(" + marks_text(mid) +
                "分)上方分数异常堆积:[" + marks_text(mid) + "," + marks_text(hi) + ")分有 " +
                std::to_string(a) + " 人,紧邻下方[" + marks_text(lo) + "," + marks_text(mid) +
                ")分仅 " + std::to_string(b) + " 人;全县其他学校上方一档占两档之比为 " +
                percent_text(p0) + ",按二项分布预期上方约 " + fixed(expected, 1) + " 人,z=" +
                fixed(z, 2) + ",单侧p=" + p_value_text(normal_upper_tail(z)) +
                "。疑似阅卷“凑分过线”,建议抽调试卷复核。";
    f.evidence = {{"above", double(a)}, {"below", double(b)}, {"p0", p0}, {"expected", expected}, {"z", z}};
    out.push_back(std::move(f));
  }
}

}  // namespace

double normal_upper_tail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

double poisson_upper_tail(double mean, int64_t k) {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  // Σ_{j ≥ k} e^−m m^j / j!, summed upward from the k-th term (precise in the far tail).
  double term = std::exp(-mean + k * std::log(mean) - std::lgamma(k + 1.0)), sum = 0;
  for (int64_t j = k; term > sum * 1e-16 && j < k + 10000; ++j) {
    sum += term;
    term *= mean / (j + 1);
  }
  return std::min(1.0, sum);
}

std::vector<IntegrityFlag> cut_spike_flags(const ExamSpec& spec, const Cohort& cohort, const Units& units,
                                           const IntegrityOptions& options) {
  std::vector<IntegrityFlag> out;
  const Column total = total_column(cohort);
  for (size_t c = 0; c <= spec.subjects.size(); ++c) {
    const bool is_total = c == spec.subjects.size();
    const SubjectSpec subject = is_total ? total_spec(spec) : spec.subjects[c];
    const Column& column = is_total ? total : cohort.subjects[c];
    const PointCuts cuts = PointCuts::of(subject);
    spike_flags_at(out, column, subject, "及格线", cuts.pass, cohort, units, options);
    spike_flags_at(out, column, subject, "优秀线", cuts.excellent, cohort, units, options);
  }
  return out;
}

std::vector<IntegrityFlag> remark_flags(const ExamSpec& spec, const Cohort& cohort, const Units& units,
                                        const std::vector<RemarkSample>& samples,
                                        const IntegrityOptions& options) {
  struct Sum { int64_t n = 0; double sum = 0, sum_sq = 0; };
  const size_t schools = units.schools.size();
  std::vector<Sum> sums(schools * spec.subjects.size());
  for (const RemarkSample& r : samples) {
    Sum& s = sums[cohort.school[r.candidate] * spec.subjects.size() + r.subject];
    const double d = r.self_marks - r.central_marks;
    ++s.n, s.sum += d, s.sum_sq += d * d;
  }
  std::vector<IntegrityFlag> out;
  for (size_t school = 0; school < schools; ++school)
    for (size_t subj = 0; subj < spec.subjects.size(); ++subj) {
      const Sum& s = sums[school * spec.subjects.size() + subj];
      if (s.n < 2) continue;
      const double n = static_cast<double>(s.n), mean = s.sum / n;
      const double sd = std::sqrt(std::max(0.0, (s.sum_sq - n * mean * mean) / (n - 1)));
      const double tolerance = options.remark_tolerance * spec.subjects[subj].full_marks;
      const double t = sd > 1e-12 ? mean / (sd / std::sqrt(n)) : (mean > 0 ? INFINITY : 0);
      if (mean <= tolerance || t < 2.0) continue;
      IntegrityFlag f{"remark", static_cast<int32_t>(school), spec.subjects[subj].name, "", {}};
      f.message = units.schools[school].name + spec.subjects[subj].name + "自评分比统一复评抽样平均高出 " +
                  fixed(mean, 2) + " 分(抽样 " + std::to_string(s.n) + " 份,允许误差 " +
                  fixed(tolerance, 1) + " 分,差值标准差 " + fixed(sd, 2) + ",t=" +
                  (std::isinf(t) ? std::string("∞") : fixed(t, 2)) +
                  ")。自评明显偏松,建议以统一阅卷成绩为准并扩大复评。";
      f.evidence = {{"samples", n}, {"mean_difference", mean}, {"tolerance", tolerance}, {"sd", sd},
                    {"t", std::isinf(t) ? 1e9 : t}};
      out.push_back(std::move(f));
    }
  return out;
}

std::vector<IntegrityFlag> participation_flags(const ExamAnalysis& analysis, const Units& units,
                                               const IntegrityOptions& options) {
  const ColumnResult& total = analysis.at(Level::kSchool).columns.back();
  std::vector<double> rates;
  for (const GroupResult& g : total.groups)
    if (g.stats.participation) rates.push_back(*g.stats.participation);
  if (rates.size() < 3) return {};
  auto median_of = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
  };
  const double median = median_of(rates);
  std::vector<double> deviations;
  for (double r : rates) deviations.push_back(std::fabs(r - median));
  const double spread = std::max(0.01, 1.4826 * median_of(deviations));
  std::vector<IntegrityFlag> out;
  for (size_t s = 0; s < total.groups.size(); ++s) {
    const ScoreStats& st = total.groups[s].stats;
    if (!st.participation) continue;
    const double participation = *st.participation;
    const double z = (participation - median) / spread;
    if (median - participation <= options.participation_gap || z > -3) continue;
    IntegrityFlag f{"participation", static_cast<int32_t>(s), total.subject.name, "", {}};
    f.message = units.schools[s].name + "参考率仅 " + percent_text(participation) + "(应考 " +
                std::to_string(st.expected) + " 人,全科实考 " + std::to_string(st.sat) + " 人,有缺考科目 " +
                std::to_string(st.expected - st.sat) + " 人),全县学校中位数 " + percent_text(median) +
                ",稳健z=" + fixed(z, 1) + "。应考名单以学籍为准,缺考学生见缺考名单;疑似组织部分学生不参考。";
    f.evidence = {{"expected", double(st.expected)}, {"sat", double(st.sat)},
                  {"participation", participation}, {"median", median}, {"robust_z", z}};
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace edu::exam

namespace edu::exam {

void add_prior_evidence(std::vector<IntegrityFlag>& flags, const Cohort& now, const Cohort& before) {
  const Column then = total_column(before), total = total_column(now);
  std::unordered_map<int64_t, double> prior;
  for (size_t i = 0; i < before.size(); ++i)
    if (then.sitting[i] == Sitting::kSat) prior[before.student_id[i]] = to_marks(then.points[i]);
  for (IntegrityFlag& f : flags) {
    if (f.kind != "participation") continue;
    double sum[2] = {0, 0};
    int64_t n[2] = {0, 0};  // [0] absent now, [1] sat now
    for (size_t i = 0; i < now.size(); ++i) {
      if (now.school[i] != f.school || total.sitting[i] == Sitting::kExempt) continue;
      auto it = prior.find(now.student_id[i]);
      if (it == prior.end()) continue;
      const int k = total.sitting[i] == Sitting::kSat ? 1 : 0;
      sum[k] += it->second;
      ++n[k];
    }
    if (n[0] < 3 || n[1] < 3) continue;
    const double absent = sum[0] / n[0], sat = sum[1] / n[1];
    f.message += "上次考试中,本次有缺考科目的 " + std::to_string(n[0]) + " 人总分平均 " + fixed(absent, 1) +
                 " 分,本次全科参考的 " + std::to_string(n[1]) + " 人平均 " + fixed(sat, 1) + " 分" +
                 (absent < sat ? ",缺考者多为原来的低分学生。" : "。");
    f.evidence.push_back({"prior_mean_absent", absent});
    f.evidence.push_back({"prior_mean_sat", sat});
  }
}

}  // namespace edu::exam
