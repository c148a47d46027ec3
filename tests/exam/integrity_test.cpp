// Integrity flags: a spike over the pass line, lenient self-marking, a low
// participation rate and copied answers are each found and explained; honest
// data raises nothing.
#include "exam/integrity.h"

#include <gtest/gtest.h>

#include <cmath>

#include "exam/answer_similarity.h"
#include "exam_fixture.h"

namespace edu::exam {
namespace {

// Four schools of 200 with scores spread evenly over 0..99.5; school 0 may get
// its 56–59.5 scores pushed to 60–61.5.
struct County {
  ExamSpec spec;
  Cohort cohort;
  Units units = testing::simple_units(4, 1);
  explicit County(bool pushed) {
    spec.subjects = {{"数学", 100, {}}};
    std::vector<double> marks;
    for (int s = 0; s < 4; ++s)
      for (int i = 0; i < 200; ++i) {
        double m = (i + s) % 200 / 2.0;
        if (pushed && s == 0 && m >= 56 && m < 60) m = 60 + std::fmod(m, 2.0);
        marks.push_back(m);
        cohort.student_id.push_back(s * 1000 + i);
        cohort.school.push_back(s);
        cohort.klass.push_back(s);
      }
    cohort.subjects = {testing::column_of(marks)};
  }
};

TEST(Integrity, SpikeJustAboveThePassLine) {
  EXPECT_TRUE(cut_spike_flags(County(false).spec, County(false).cohort, County(false).units, {}).empty());
  County c(true);
  auto flags = cut_spike_flags(c.spec, c.cohort, c.units, {});
  ASSERT_GE(flags.size(), 1u);
  EXPECT_EQ(flags[0].kind, "cut_spike");
  EXPECT_EQ(flags[0].school, 0);
  EXPECT_EQ(flags[0].subject, "数学");
  EXPECT_NE(flags[0].message.find("学校1数学及格线(60分)"), std::string::npos) << flags[0].message;
  EXPECT_NE(flags[0].message.find("[60,62)分有 12 人"), std::string::npos) << flags[0].message;
}

TEST(Integrity, SelfMarkedAboveTheCentralSample) {
  County c(false);
  std::vector<RemarkSample> samples;
  for (uint32_t i = 0; i < 10; ++i) {
    samples.push_back({i, 0, 70.0 + i, 70.0 + i - 1});               // school 0: +1, within 3
    samples.push_back({400 + i, 0, 70.0 + i, 70.0 + i - 5 - i % 2});  // school 2: +5.5
  }
  auto flags = remark_flags(c.spec, c.cohort, c.units, samples, {});
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].school, 2);
  EXPECT_NE(flags[0].message.find("平均高出 5.50 分(抽样 10 份,允许误差 3.0 分"), std::string::npos)
      << flags[0].message;
}

TEST(Integrity, ParticipationOutlier) {
  County c(false);
  for (int i = 0; i < 40; ++i) c.cohort.subjects[0].sitting[600 + i] = Sitting::kAbsent;  // school 3
  c.cohort.subjects[0].sitting[0] = Sitting::kAbsent;
  auto flags = participation_flags(analyze_exam(c.spec, c.cohort, c.units), c.units, {});
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].school, 3);
  EXPECT_NE(flags[0].message.find("参考率仅 80.0%(应考 200 人,全科实考 160 人,有缺考科目 40 人)"),
            std::string::npos)
      << flags[0].message;
}

TEST(Integrity, TailProbabilities) {
  EXPECT_NEAR(poisson_upper_tail(1, 1), 1 - std::exp(-1.0), 1e-12);
  EXPECT_DOUBLE_EQ(poisson_upper_tail(2, 0), 1);
  const double term20 = std::exp(-0.5) * std::pow(0.5, 20) / 2432902008176640000.0;  // P(X = 20)
  const double tail = term20 * (1 + 0.5 / 21 + 0.25 / (21 * 22) + 0.125 / (21 * 22 * 23));
  EXPECT_NEAR(poisson_upper_tail(0.5, 20) / tail, 1.0, 1e-6);  // later terms: ~2.4e-7
  EXPECT_NEAR(normal_upper_tail(1.959964), 0.025, 1e-6);
}

TEST(AnswerSimilarity, CopiedWrongAnswersAreFlagged) {
  County c(false);
  ItemMatrix m;
  const std::string keys = "ABCDABCDABCDABCDABCDABCDABCDAB";  // 30 items
  for (char k : keys) m.items.push_back({"题", 2, std::string(1, k)});
  m.responses.assign(keys.size(), {});
  m.scores.assign(keys.size(), {});
  uint64_t state = 12345;
  auto next = [&] { state = state * 6364136223846793005ull + 1442695040888963407ull; return state >> 33; };
  for (uint32_t i = 0; i < 400; ++i) {
    m.candidate.push_back(i);
    for (size_t q = 0; q < keys.size(); ++q) {
      char r = next() % 10 < 6 ? keys[q] : static_cast<char>('A' + next() % 4);
      if (i == 104) r = static_cast<char>('A' + (keys[q] - 'A' + 1 + next() % 3) % 4);  // all wrong
      if (i == 105 && q < 24) r = m.responses[q][104];  // copies 24 answers from 104
      m.responses[q].push_back(r);
      m.scores[q].push_back(r == keys[q] ? 4 : 0);
    }
  }
  auto flags = similar_answer_flags("英语", m, c.cohort, c.units, {});
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].student_a, 104);
  EXPECT_EQ(flags[0].student_b, 105);
  EXPECT_NE(flags[0].message.find("选了相同的错误选项"), std::string::npos);
}

}  // namespace
}  // namespace edu::exam

namespace edu::exam {
namespace {

TEST(AnswerSimilarity, PoissonBinomialTail) {
  EXPECT_DOUBLE_EQ(poisson_binomial_upper_tail({0.5, 0.5}, 1), 0.75);
  EXPECT_DOUBLE_EQ(poisson_binomial_upper_tail({0.5, 0.5}, 2), 0.25);
  EXPECT_NEAR(poisson_binomial_upper_tail({0.2, 0.5, 0.9}, 2), 0.2 * 0.5 + 0.2 * 0.9 + 0.5 * 0.9 - 2 * 0.09, 1e-12);
  EXPECT_DOUBLE_EQ(poisson_binomial_upper_tail({0.3}, 0), 1);
  EXPECT_DOUBLE_EQ(poisson_binomial_upper_tail({0.3}, 2), 0);
}

}  // namespace
}  // namespace edu::exam

namespace edu::exam {
namespace {

TEST(Integrity, AbsenteesEarlierScoresAreAddedToTheParticipationFlag) {
  Cohort before, now;
  for (int i = 0; i < 6; ++i) {
    before.student_id.push_back(i + 1), now.student_id.push_back(i + 1);
    before.school.push_back(0), now.school.push_back(0);
    before.klass.push_back(0), now.klass.push_back(0);
  }
  before.subjects = {testing::column_of({20, 25, 30, 80, 85, 90})};
  now.subjects = {testing::column_of({testing::kAbsent, testing::kAbsent, testing::kAbsent, 82, 86, 91})};
  std::vector<IntegrityFlag> flags = {{"participation", 0, "总分", "学校1参考率仅 50.0%。", {}}};
  add_prior_evidence(flags, now, before);
  EXPECT_NE(flags[0].message.find("本次有缺考科目的 3 人总分平均 25.0 分,本次全科参考的 3 人平均 85.0 分,缺考者多为原来的低分学生"),
            std::string::npos)
      << flags[0].message;
}

}  // namespace
}  // namespace edu::exam
