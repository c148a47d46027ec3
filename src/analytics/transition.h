// 小升初 follow-up lists, as a pure function: who left 小学 last year, who
// arrived in 七年级 this year, and the 划片 in; two lists out. No SQL here
// (analytics style): store/transition_store.h loads the input.
//
// For a school year Y:
//   - a graduate is a student whose enrolment of Y-1 is 小学六年级, closed as
//     毕业 (by 学年升级); their 小学 is that enrolment's school, their township
//     that school's;
//   - an entrant is a 七年级 enrolment of Y anywhere in the county.
// Lists:
//   - per 初中 named in the 划片: the graduates of its feeder 小学 (expected),
//     how many arrived there, and every one who did not, with the school they
//     went to if they entered 七年级 elsewhere in the county;
//   - per township: its graduates and every one enrolled in no 七年级 of the
//     county — children to follow up (控辍保学), never a silent loss.
// Nothing is dropped: a graduate of a 小学 without 划片 is in no 初中 list, but
// is counted by its township (`unassigned` too) and listed there if enrolled
// nowhere. Every count is of the lists' own rows, so a reader shown some lists
// sees totals of those only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace edu::transition {

struct SchoolRow {
  int64_t id = 0;
  std::string name;
  int64_t area_id = 0;  // the township
  std::string area_name;
};

struct Feed {  // 划片: the 小学 school_id feeds the 初中 middle_school_id
  int64_t school_id = 0;
  int64_t middle_school_id = 0;
};

struct Graduate {
  int64_t student_id = 0;
  std::string name;
  std::string id_number;  // in full: whoever renders the lists masks it
  int64_t school_id = 0;  // the 小学 of Y-1
};

struct Entrant {  // a 七年级 enrolment of Y
  int64_t student_id = 0;
  int64_t school_id = 0;
};

struct Input {
  int year = 0;
  std::vector<SchoolRow> schools;  // every school named by the rows below; their order is the lists'
  std::vector<Feed> feeds;
  std::vector<Graduate> graduates;
  std::vector<Entrant> entrants;
};

struct Missing {  // a graduate who is not where the list expects them
  int64_t student_id = 0;
  std::string name;
  std::string id_number;
  int64_t school_id = 0;  // their 小学
  std::string school_name;
  std::optional<int64_t> went_to;  // the school of their 七年级 enrolment, if any
  std::string went_to_name;
};

struct MiddleSchoolList {
  int64_t school_id = 0;
  std::string school_name;
  int64_t area_id = 0;
  int expected = 0;  // graduates of its feeder 小学
  int arrived = 0;   // of them, entered 七年级 here
  std::vector<Missing> missing;  // expected - arrived, by 小学 then name
};

struct TownshipList {
  int64_t area_id = 0;
  std::string area_name;
  int graduates = 0;
  int unassigned = 0;  // of them, graduates of a 小学 without 划片
  std::vector<Missing> nowhere;  // enrolled in no 七年级 of the county
};

struct Lists {
  int year = 0;
  std::vector<MiddleSchoolList> middle_schools;  // every 初中 named in the 划片, in schools order
  std::vector<TownshipList> townships;           // every township with graduates, in schools order
};

Lists follow_up_lists(const Input& input);

}  // namespace edu::transition
