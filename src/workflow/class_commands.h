// 开设班级: a school opens `count` classes of one grade in the current school
// year at once, numbered after the grade's last class (三年级 has (1)(2): two
// more are (3)(4)) and named by core/enums.h class_label, 三年级(3)班. The
// actor must be allowed to create classes (the bureau, or a school admin) and
// see the school (a school admin: their own school only; another school reads
// as absent). The 学段 must be one the school's kind teaches and the grade one
// of that 学段. One transaction, one audit entry per class: on any error
// nothing is opened. Errors are Chinese and name the field.
#pragma once

#include <string>
#include <vector>

#include "workflow/register_commands.h"

namespace edu {

struct NewClasses {
  int64_t school_id = 0;
  std::string section;  // 小学
  int64_t grade = 0;    // 3 = 三年级 (core/enums.h grade_label)
  int64_t count = 0;    // 1 … kMaxClassesOpened
};

inline constexpr int kMaxClassesOpened = 30;

// The classes opened, in class-number order. Errors: "forbidden", "not_found"
// (no such school in the actor's scope), "validation".
Result<std::vector<SchoolClass>> open_classes(Database& db, const Actor& actor, const NewClasses& request,
                                              const RegisterContext& ctx);

// 编辑班级: a class's 班级名称 and 班主任 (what a class is — school, year, 学段,
// 年级, 班号 — never changes). The bureau, or the admin of the class's school
// (another school's class reads as absent); the name must be non-empty and
// unique in the school and year; the head teacher (or none) a teacher of the
// same school. Checked field by field (access/policy.h), audited with names.
struct ClassChange {
  std::string name;
  std::optional<int64_t> head_teacher_id;
};
// Errors: "forbidden", "not_found", "validation".
Result<SchoolClass> update_class_command(Database& db, const Actor& actor, int64_t class_id,
                                         const ClassChange& change);

}  // namespace edu
