#include "exam/integrity_review.h"

#include <cmath>

namespace edu::exam {
namespace {

double evidence(const IntegrityFlag& f, const std::string& name) {
  for (const Evidence& e : f.evidence)
    if (e.name == name) return e.value;
  return 0;
}

}  // namespace

std::string flag_key(const IntegrityFlag& f, int64_t school_id) {
  return f.kind + "|" + std::to_string(school_id) + "|" + f.subject + "|" + std::to_string(f.student_a) + "|" +
         std::to_string(f.student_b);
}

Severity flag_severity(const IntegrityFlag& f) {
  if (f.kind == "remark" || f.kind == "similar_answers") return Severity::kHigh;
  if (f.kind == "cut_spike") return std::fabs(evidence(f, "z")) >= 5 ? Severity::kHigh : Severity::kMedium;
  if (f.kind == "participation") return std::fabs(evidence(f, "robust_z")) >= 5 ? Severity::kHigh : Severity::kMedium;
  return Severity::kLow;
}

const char* severity_key(Severity s) {
  switch (s) {
    case Severity::kHigh: return "high";
    case Severity::kMedium: return "medium";
    case Severity::kLow: return "low";
  }
  return "low";
}

const char* severity_label(Severity s) {
  switch (s) {
    case Severity::kHigh: return "高";
    case Severity::kMedium: return "中";
    case Severity::kLow: return "低";
  }
  return "低";
}

}  // namespace edu::exam
