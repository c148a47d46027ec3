// Who teaches a subject in each class when no assignment was imported: the
// school's teachers of that subject, shared out over its classes in turn
// (classes and teachers in the order given). Classes of a school without such
// a teacher get none.
#pragma once

#include <cstdint>
#include <vector>

#include "exam/exam_record.h"

namespace edu::exam {

struct UnitRef {
  int64_t id = 0;
  int64_t school_id = 0;
};

std::vector<TeachingRecord> share_teachers(int subject, const std::vector<UnitRef>& classes,
                                           const std::vector<UnitRef>& teachers);

}  // namespace edu::exam
