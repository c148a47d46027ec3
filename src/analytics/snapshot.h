// Snapshot: one county's (or city's) registers for the history school years, held in
// memory as columns (one vector per field, enumerations as small codes), so
// that statistics and balance run as tight loops instead of SQL per cell.
// Built by store/snapshot_loader.h (a few bulk SELECTs) or by hand in tests
// and benchmarks. Schools, classes and teachers are addressed by their dense
// index in this snapshot, not by database id. Teachers are held per school
// year too: the current year's from the register, earlier years' from the
// staff's history (core/model.h TeacherYear) where it was recorded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/enums.h"
#include "core/model.h"

namespace edu::analytics {

using Code = uint8_t;  // index of a value in its core/enums.h Enumeration
inline constexpr Code kNoCode = 255;
// The code of `value` in `e` (kNoCode when absent).
Code code_of(const Enumeration& e, std::string_view value);

struct SchoolInfo {
  int64_t id = 0;
  std::string code, name, kind, location;
  int64_t area_id = 0;  // where it is placed: a township or a 学区 (scopes walk up from here)
  // Where it counts (core/area_tree.h): its township (a 学区's township), and
  // its 区/县 in a city deployment (0 and "" in a county deployment, where the
  // whole is the county).
  int64_t township_id = 0;
  std::string township_name;
  int64_t county_id = 0;
  std::string county_name;
};

struct EnrolmentColumns {  // one row per student and school year, by student then year
  std::vector<int64_t> student_id;
  std::vector<int16_t> year;
  std::vector<int32_t> school;  // dense school index
  std::vector<int32_t> klass;   // dense class index, -1 when unknown
  std::vector<int8_t> grade;
  std::vector<Code> status;  // student_statuses(): status at the end of that year
  size_t size() const { return student_id.size(); }
  // Row i is a 在校生 of its year (core/in_school.h): in a class, with an in-school status.
  bool in_school(size_t i) const;
};

struct ClassColumns {
  std::vector<int64_t> id;
  std::vector<int32_t> school;
  std::vector<int16_t> year;
  std::vector<Code> section;  // sections()
  std::vector<int8_t> grade;
  size_t size() const { return id.size(); }
};

struct TeacherColumns {  // one row per teacher and school year
  std::vector<int64_t> id;
  std::vector<int16_t> year;
  std::vector<std::string> name;
  std::vector<int32_t> school;
  std::vector<Code> section;  // sections(); resolved by core/teacher_section.h
  std::vector<Code> post, education, title, subject, backbone;
  size_t size() const { return id.size(); }
  // The teacher's 骨干 level (无 when not recorded), and whether it is one (县级 and above).
  const std::string& backbone_level(size_t t) const;
  bool is_backbone(size_t t) const;
};

struct Snapshot {
  int first_year = 0, last_year = 0;  // history school years, inclusive
  int first_teacher_year = 0, teacher_year = 0;  // years with teacher rows; the last is current
  std::vector<Area> areas;  // the area tree (core/area_tree.h)
  std::vector<SchoolInfo> schools;
  EnrolmentColumns enrolments;
  ClassColumns classes;
  TeacherColumns teachers;
  std::vector<Conditions> conditions;  // any order; see conditions_of()

  // Whether the teachers of `year` are known, and the note when they are not.
  bool teachers_known(int year) const;
  std::string no_teachers_note() const;
  // Dense index of the school with database id `id`, or -1.
  int school_index(int64_t id) const;
  // The school's conditions in `year`, or nullptr.
  const Conditions* conditions_of(int school, int year) const;
  // Builds the lookups behind school_index() and conditions_of(); call after filling.
  void index();

 private:
  std::vector<std::pair<int64_t, int>> school_ids_;  // sorted by id
  std::vector<int32_t> conditions_at_;               // [year - first_year][school] -> row or -1
};

}  // namespace edu::analytics
