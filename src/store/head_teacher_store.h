// A head teacher's own classes (班主任: classes.head_teacher_id), every school
// year, newest first, each with its 在校生 count (core/in_school.h) — what
// 我的班级 lists. The caller decides who may ask (only the teacher themself).
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace edu {

struct HeadTeacherClass {
  int64_t id = 0;
  std::string name;  // 三年级(2)班
  int school_year = 0;
  std::string section;
  int grade = 0;
  int64_t school_id = 0;
  std::string school_name;
  int64_t students = 0;
};

Result<std::vector<HeadTeacherClass>> head_teacher_classes(Database& db, int64_t teacher_id);

}  // namespace edu
