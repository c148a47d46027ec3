// The demo county's 继续教育 history (core/training.h), deterministic and pure:
// for each of the five school years ending with the current one, for the
// 专任教师 in post that year (hired by its 1 September), in the schools the
// register has them now:
//  - a 县级 course per 学段 (48学时, October), every teacher of the 学段 required;
//  - a 省级 online course (国培, 30学时, November), required for about 40%;
//  - a 校本 course per school (40学时, September), its teachers required.
// Nine teachers in ten attend nearly everything; one in ten attends about
// half, so they (and those hired within the cycle) fall behind the 360学时.
// Of those attending 97% pass; the course's 学时 are credited on passing.
// Ids are given (1, 2, …) for the bulk load (store/training_store.h).
#pragma once

#include <vector>

#include "core/model.h"
#include "core/training.h"
#include "demo/generator.h"

namespace edu::demo {

struct TrainingHistory {
  std::vector<TrainingCourse> courses;
  std::vector<RosterEntry> entries;
};

TrainingHistory training_history(const Registers& county, const DemoSettings& settings);

}  // namespace edu::demo
