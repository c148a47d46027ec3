#include "exam/answer_similarity.h"

#include <algorithm>
#include <array>

#include "exam/text.h"

namespace edu::exam {
namespace {

constexpr size_t kBand = 4;

// q[item]: the chance that two wrong answers to the item name the same option.
std::vector<double> same_wrong_chance(const ItemMatrix& m) {
  std::vector<double> q(m.items.size(), 0);
  for (size_t i = 0; i < m.items.size(); ++i) {
    if (m.items[i].key.empty()) continue;
    std::array<double, 26> count{};
    double wrongs = 0;
    for (char r : m.responses[i])
      if (r >= 'A' && r <= 'Z' && r != m.items[i].key[0]) ++count[r - 'A'], ++wrongs;
    for (double c : count) q[i] += wrongs > 0 ? (c / wrongs) * (c / wrongs) : 0;
  }
  return q;
}

bool wrong(const ItemMatrix& m, size_t item, size_t row) {
  const char r = m.responses[item][row];
  return !m.items[item].key.empty() && r >= 'A' && r <= 'Z' && r != m.items[item].key[0];
}

// Candidate pairs (row a < row b, same school) sharing a band's wrong answers:
// each once, in ascending order (a stable report order).
std::vector<uint64_t> candidate_pairs(const ItemMatrix& m, const Cohort& cohort) {
  struct Banded {
    uint64_t hash;
    uint32_t row;
    bool operator<(const Banded& o) const { return hash != o.hash ? hash < o.hash : row < o.row; }
  };
  std::vector<Banded> banded;
  for (size_t band = 0; band * kBand < m.items.size(); ++band)
    for (size_t r = 0; r < m.rows(); ++r) {
      uint64_t h = 1469598103934665603ull ^ (band * 1000003ull) ^
                   (static_cast<uint64_t>(cohort.school[m.candidate[r]]) << 40);
      int wrongs = 0;
      for (size_t i = band * kBand; i < std::min(m.items.size(), (band + 1) * kBand); ++i) {
        const bool w = wrong(m, i, r);
        wrongs += w;
        h = (h ^ static_cast<uint64_t>(w ? m.responses[i][r] : '=')) * 1099511628211ull;
      }
      if (wrongs >= 2) banded.push_back({h, static_cast<uint32_t>(r)});
    }
  std::sort(banded.begin(), banded.end());
  std::vector<uint64_t> pairs;
  for (size_t begin = 0, end; begin < banded.size(); begin = end) {
    for (end = begin + 1; end < banded.size() && banded[end].hash == banded[begin].hash;) ++end;
    for (size_t a = begin; a < end; ++a)
      for (size_t b = a + 1; b < end; ++b)
        if (cohort.school[m.candidate[banded[a].row]] == cohort.school[m.candidate[banded[b].row]])
          pairs.push_back(static_cast<uint64_t>(banded[a].row) << 32 | banded[b].row);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace

double poisson_binomial_upper_tail(const std::vector<double>& p, size_t k) {
  if (k == 0) return 1;
  if (k > p.size()) return 0;
  std::vector<double> dist(p.size() + 1, 0);  // dist[j] = P(j successes so far)
  dist[0] = 1;
  for (size_t i = 0; i < p.size(); ++i) {
    for (size_t j = i + 1; j > 0; --j) dist[j] = dist[j] * (1 - p[i]) + dist[j - 1] * p[i];
    dist[0] *= 1 - p[i];
  }
  double tail = 0;
  for (size_t j = k; j <= p.size(); ++j) tail += dist[j];
  return std::min(1.0, tail);
}

std::vector<IntegrityFlag> similar_answer_flags(const std::string& subject, const ItemMatrix& m,
                                                const Cohort& cohort, const Units& units,
                                                const IntegrityOptions& options) {
  if (m.responses.size() != m.items.size()) return {};
  const std::vector<double> q = same_wrong_chance(m);
  std::vector<double> rows_in_school(units.schools.size(), 0);
  for (size_t r = 0; r < m.rows(); ++r) ++rows_in_school[cohort.school[m.candidate[r]]];

  std::vector<IntegrityFlag> out;
  std::vector<double> chances;  // of the items both of a pair got wrong
  for (uint64_t pair : candidate_pairs(m, cohort)) {
    const size_t a = pair >> 32, b = pair & 0xffffffffu;
    int64_t same = 0;
    chances.clear();
    for (size_t i = 0; i < m.items.size(); ++i) {
      if (!wrong(m, i, a) || !wrong(m, i, b)) continue;
      chances.push_back(q[i]);
      same += m.responses[i][a] == m.responses[i][b];
    }
    const auto both_wrong = static_cast<int64_t>(chances.size());
    double expected = 0;
    for (double c : chances) expected += c;
    const int32_t school = cohort.school[m.candidate[a]];
    const double compared = rows_in_school[school] * (rows_in_school[school] - 1) / 2;
    const double tail = poisson_binomial_upper_tail(chances, static_cast<size_t>(same));
    if (tail * compared >= options.similarity_alpha) continue;
    const uint32_t ca = m.candidate[a], cb = m.candidate[b];
    IntegrityFlag f{"similar_answers", school, subject, "", {}, cohort.student_id[ca], cohort.student_id[cb]};
    f.message = units.schools[school].name + "学生" + cohort.name_of(ca) + "与" + cohort.name_of(cb) + "在" +
                subject + "客观题中两人同错 " + std::to_string(both_wrong) + " 道,其中 " + std::to_string(same) +
                " 道选了相同的错误选项;按全县错选分布,各自独立作答时预期相同约 " + fixed(expected, 1) +
                " 道,出现 " + std::to_string(same) + " 道及以上的概率 p=" + p_value_text(tail) + ",按该校 " +
                fixed(compared, 0) + " 对考生校正后仍显著。疑似抄袭,建议核查考场座位与监考记录。";
    f.evidence = {{"identical_wrong", double(same)}, {"both_wrong", double(both_wrong)},
                  {"expected", expected}, {"p", tail}, {"pairs_compared", compared}};
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace edu::exam
