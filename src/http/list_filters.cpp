#include "http/list_filters.h"

#include "core/class_size.h"

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

// q of a person list: a name prefix, or — when it holds a digit — an ID-number
// prefix. A prefix search confirms the digits a masked number hides, so only
// the roles that may see full ID numbers may search by them.
Status read_person_query(const ApiCall& call, Entity entity, std::string& name_prefix,
                         std::string& id_number_prefix) {
  std::string q = call.query("q");
  if (q.find_first_of("0123456789") == std::string::npos) {
    name_prefix = std::move(q);
    return Status::Ok();
  }
  if (!allowed(call.who().user, Action::kRevealIdNumber, entity))
    return Status::Error("forbidden", "您的角色无权按身份证号查询,请按姓名查询", "q");
  id_number_prefix = std::move(q);
  return Status::Ok();
}

Result<SchoolFilter> school_filter(const ApiCall& call) {
  SchoolFilter f;
  if (Status s = read_ints(call, {{"area_id", &f.area_id}}); !s.ok()) return s;
  f.kind = call.query("kind");
  f.location = call.query("location");
  f.ownership = call.query("ownership");
  const std::string weak = call.query("weak");
  if (weak == "1") f.weak = true;
  else if (weak == "0") f.weak = false;
  else if (!weak.empty()) return Status::Error("bad_request", "参数“weak”(薄弱学校)应为1(是)或0(否)", "weak");
  f.q = call.query("q");
  return f;
}

Result<StudentFilter> student_filter(const ApiCall& call) {
  StudentFilter f;
  std::optional<int64_t> grade, year;
  Status s = read_ints(call, {{"area_id", &f.area_id},
                              {"school_id", &f.school_id},
                              {"class_id", &f.class_id},
                              {"grade", &grade},
                              {"school_year", &year}});
  if (!s.ok()) return s;
  if (grade) f.grade = static_cast<int>(*grade);
  if (year) f.school_year = static_cast<int>(*year);
  f.location = call.query("location");
  f.entrant = call.query("entrant") == "1";
  if (f.entrant && !year)
    return Status::Error("bad_request", "参数“entrant”须与“school_year”一起使用", "entrant");
  f.in_school = call.query("in_school") == "1";
  if (f.in_school && !year)
    return Status::Error("bad_request", "参数“in_school”须与“school_year”一起使用", "in_school");
  f.section = call.query("section");
  f.gender = call.query("gender");
  f.status = call.query("status");
  auto ids = call.query_ids("student_ids", 2000);
  if (!ids.ok()) return ids.status();
  f.ids = std::move(*ids);
  s = read_person_query(call, Entity::kStudent, f.name_prefix, f.id_number_prefix);
  if (!s.ok()) return s;
  return f;
}

Result<TeacherFilter> teacher_filter(const ApiCall& call) {
  TeacherFilter f;
  std::optional<int64_t> year;
  Status s = read_ints(call, {{"area_id", &f.area_id}, {"school_id", &f.school_id}, {"school_year", &year}});
  if (!s.ok()) return s;
  if (year) f.school_year = static_cast<int>(*year);
  f.post = call.query("post");
  f.education = call.query("education");
  f.title = call.query("title");
  f.subject = call.query("subject");
  f.backbone = call.query("backbone");
  f.section = call.query("section");
  f.location = call.query("location");
  f.education_standard = call.query("education_standard");
  if (!f.education_standard.empty() && f.education_standard != "达标" &&
      f.education_standard != "高于规定")
    return Status::Error("bad_request", "参数“education_standard”应为“达标”或“高于规定”",
                         "education_standard");
  f.is_backbone = call.query("is_backbone") == "1";
  s = read_person_query(call, Entity::kTeacher, f.name_prefix, f.id_number_prefix);
  if (!s.ok()) return s;
  return f;
}

Result<ClassSizeFilter> class_size_filter(const ApiCall& call) {
  ClassSizeFilter f;
  std::optional<int64_t> year;
  Status s = read_ints(call, {{"area_id", &f.area_id}, {"school_id", &f.school_id}, {"school_year", &year}});
  if (!s.ok()) return s;
  f.school_year = year ? static_cast<int>(*year) : call.school_year;
  f.location = call.query("location");
  f.section = call.query("section");
  f.band = call.query("band");
  if (!f.band.empty() && f.band != kLargeBand && f.band != kHugeBand)
    return Status::Error("bad_request", "参数“band”应为“大班额”或“超大班额”", "band");
  return f;
}

Result<SchoolRecordsFilter> school_records_filter(const ApiCall& call) {
  SchoolRecordsFilter f;
  std::optional<int64_t> year;
  Status s = read_ints(call, {{"area_id", &f.area_id}, {"school_id", &f.school_id}, {"school_year", &year}});
  if (!s.ok()) return s;
  if (year) f.school_year = static_cast<int>(*year);
  return f;
}

}  // namespace edu
