#include "exam/exam_data.h"

namespace edu::exam {

Column total_column(const Cohort& cohort) {
  Column total;
  total.points.assign(cohort.size(), 0);
  total.sitting.assign(cohort.size(), Sitting::kSat);
  for (const Column& c : cohort.subjects)
    for (size_t i = 0; i < cohort.size(); ++i) {
      total.points[i] += c.points[i];
      if (c.sitting[i] > total.sitting[i]) total.sitting[i] = c.sitting[i];
    }
  return total;
}

SubjectSpec total_spec(const ExamSpec& spec) {
  SubjectSpec total{"总分", 0, spec.total_cuts};
  for (const SubjectSpec& s : spec.subjects) total.full_marks += s.full_marks;
  return total;
}

}  // namespace edu::exam
