// The 已核查 key and the severity of integrity flags (exam/integrity_review.h),
// pinned by hand: the key names kind, school id, subject and the pair; the
// severity follows the kind and, for cut_spike and participation, |z| ≥ 5.
#include "exam/integrity_review.h"

#include <gtest/gtest.h>

namespace edu::exam {
namespace {

IntegrityFlag flag(const std::string& kind, std::vector<Evidence> evidence = {}) {
  IntegrityFlag f;
  f.kind = kind;
  f.subject = "数学";
  f.evidence = std::move(evidence);
  return f;
}

TEST(IntegrityReview, KeyNamesKindSchoolSubjectAndPair) {
  IntegrityFlag f = flag("similar_answers");
  f.student_a = 11;
  f.student_b = 12;
  EXPECT_EQ(flag_key(f, 7), "similar_answers|7|数学|11|12");
  EXPECT_EQ(flag_key(flag("visiting"), 0), "visiting|0|数学|0|0");
  // The figures may change with new data; the key does not.
  EXPECT_EQ(flag_key(flag("cut_spike", {{"z", 3.2}}), 4), flag_key(flag("cut_spike", {{"z", 9.0}}), 4));
}

TEST(IntegrityReview, SeverityByKindAndStrength) {
  EXPECT_EQ(flag_severity(flag("remark")), Severity::kHigh);
  EXPECT_EQ(flag_severity(flag("similar_answers")), Severity::kHigh);
  EXPECT_EQ(flag_severity(flag("cut_spike", {{"z", 4.99}})), Severity::kMedium);
  EXPECT_EQ(flag_severity(flag("cut_spike", {{"z", 5.0}})), Severity::kHigh);
  EXPECT_EQ(flag_severity(flag("participation", {{"robust_z", -4.0}})), Severity::kMedium);
  EXPECT_EQ(flag_severity(flag("participation", {{"robust_z", -6.5}})), Severity::kHigh);
  EXPECT_EQ(flag_severity(flag("visiting")), Severity::kLow);
  EXPECT_STREQ(severity_label(Severity::kHigh), "高");
  EXPECT_STREQ(severity_key(Severity::kLow), "low");
}

}  // namespace
}  // namespace edu::exam
