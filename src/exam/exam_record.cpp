#include "exam/exam_record.h"

namespace edu::exam {

ExamSpec spec_of(const ExamRecord& exam) {
  ExamSpec spec;
  for (const SubjectRecord& s : exam.subjects) spec.subjects.push_back({s.name, s.full_marks, s.cuts});
  spec.absent_policy = exam.absent_policy;
  spec.weights = exam.weights;
  return spec;
}

}  // namespace edu::exam
