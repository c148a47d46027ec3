#include "http/list_filters.h"

namespace edu {
namespace {

// Reads the optional integer query parameters `params` names into their targets.
Status read_ints(const ApiCall& call,
                 std::initializer_list<std::pair<const char*, std::optional<int64_t>*>> params) {
  for (auto [name, target] : params) {
    auto v = call.query_int(name);
    if (!v.ok()) return v.status();
    *target = *v;
  }
  return Status::Ok();
}

}  // namespace

Result<SchoolFilter> school_filter(const ApiCall& call) {
  SchoolFilter f;
  if (Status s = read_ints(call, {{"area_id", &f.area_id}}); !s.ok()) return s;
  f.kind = call.query("kind");
  f.location = call.query("location");
  f.ownership = call.query("ownership");
  f.q = call.query("q");
  return f;
}

Result<StudentFilter> student_filter(const ApiCall& call) {
  StudentFilter f;
  std::optional<int64_t> grade;
  Status s = read_ints(call, {{"area_id", &f.area_id},
                              {"school_id", &f.school_id},
                              {"class_id", &f.class_id},
                              {"grade", &grade}});
  if (!s.ok()) return s;
  if (grade) f.grade = static_cast<int>(*grade);
  f.section = call.query("section");
  f.gender = call.query("gender");
  f.status = call.query("status");
  f.q = call.query("q");
  return f;
}

Result<TeacherFilter> teacher_filter(const ApiCall& call) {
  TeacherFilter f;
  Status s = read_ints(call, {{"area_id", &f.area_id}, {"school_id", &f.school_id}});
  if (!s.ok()) return s;
  f.post = call.query("post");
  f.education = call.query("education");
  f.title = call.query("title");
  f.subject = call.query("subject");
  f.backbone = call.query("backbone");
  f.q = call.query("q");
  return f;
}

Result<ConditionsFilter> conditions_filter(const ApiCall& call) {
  ConditionsFilter f;
  std::optional<int64_t> year;
  Status s = read_ints(call, {{"area_id", &f.area_id}, {"school_id", &f.school_id}, {"school_year", &year}});
  if (!s.ok()) return s;
  if (year) f.school_year = static_cast<int>(*year);
  return f;
}

}  // namespace edu
