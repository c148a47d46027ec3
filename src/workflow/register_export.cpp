#include "workflow/register_export.h"

#include <map>

#include "core/id_number.h"
#include "core/record_fields.h"
#include "ingest/register_row.h"
#include "report/xlsx_table_writer.h"
#include "store/area_store.h"
#include "store/catchment_store.h"
#include "workflow/change_log.h"

namespace edu {
namespace {

constexpr int64_t kBatch = 5000;  // records read per query

Status forbidden() { return Status::Error("forbidden", "您的角色无权导出此登记表"); }

// Calls `write` for every record of every page `fetch(page)` returns.
template <class View, class Fetch, class Write>
Result<int64_t> for_each_record(Fetch fetch, Write write) {
  int64_t written = 0;
  for (int64_t page = 1;; ++page) {
    Result<Page<View>> batch = fetch(PageRequest{page, kBatch});
    if (!batch.ok()) return batch.status();
    for (const View& view : batch->items) {
      if (Status s = write(view); !s.ok()) return s;
      ++written;
    }
    if (static_cast<int64_t>(batch->items.size()) < kBatch) return written;
  }
}

Result<std::unique_ptr<report::XlsxTableWriter>> open_writer(const RegisterSpec& spec,
                                                             const std::string& path) {
  return report::XlsxTableWriter::create(path, spec.title, spec.columns);
}

// Codes of the schools in the actor's scope and the filter's area and school, by id.
Result<std::map<int64_t, std::string>> school_codes(Database& db, const Actor& actor,
                                                    const SchoolRecordsFilter& filter,
                                                    int school_year) {
  SchoolFilter schools_filter;
  schools_filter.area_id = filter.area_id;
  auto schools = list_schools(db, actor.scope, schools_filter, {1, 1'000'000}, school_year);
  if (!schools.ok()) return schools.status();
  std::map<int64_t, std::string> codes;
  for (const SchoolView& v : schools->items)
    if (!filter.school_id || v.school.id == *filter.school_id) codes[v.school.id] = v.school.code;
  return codes;
}

// Writes `rows` (register_row's) as the spec's sheet.
Result<int64_t> write_rows(const RegisterSpec& spec, const std::vector<std::vector<std::string>>& rows,
                           const std::string& path) {
  auto writer = open_writer(spec, path);
  if (!writer.ok()) return writer.status();
  for (const std::vector<std::string>& row : rows)
    if (Status s = (*writer)->add_row(row); !s.ok()) return s;
  if (Status s = (*writer)->close(); !s.ok()) return s;
  return static_cast<int64_t>(rows.size());
}

// Writes the people (students or teachers) that `fetch` pages through.
template <class View, class Fetch, class RecordOf, class Extra>
Result<int64_t> export_people(Database& db, const Actor& actor, Entity entity, Fetch fetch,
                              RecordOf record_of, Extra extra, const std::string& path) {
  if (!allowed(actor.user, Action::kRead, entity)) return forbidden();
  const RegisterSpec& spec = *find_register_spec(entity == Entity::kStudent ? "student" : "teacher");
  const bool full_ids = allowed(actor.user, Action::kRevealIdNumber, entity);
  auto codes = school_codes(db, actor, {}, 0);
  if (!codes.ok()) return codes.status();
  auto writer = open_writer(spec, path);
  if (!writer.ok()) return writer.status();
  auto written = for_each_record<View>(fetch, [&](const View& view) {
    const auto& person = record_of(view);
    FieldOverrides overrides = extra(view);
    overrides["id_number"] = full_ids ? person.id_number : mask_id_number(person.id_number);
    overrides["school_code"] = (*codes)[person.school_id];
    return (*writer)->add_row(register_row(spec, fields_of(person), overrides));
  });
  if (!written.ok()) return written.status();
  if (Status s = (*writer)->close(); !s.ok()) return s;
  if (full_ids) {
    Status s = audit(db, &actor, "export", entity, 0,
                     {{"rows", "", std::to_string(*written)}, {"id_numbers", "", "完整身份证号"}});
    if (!s.ok()) return s;
  }
  return written;
}

}  // namespace

Result<int64_t> export_schools(Database& db, const Actor& actor, const SchoolFilter& filter,
                               int school_year, const std::string& path) {
  if (!allowed(actor.user, Action::kRead, Entity::kSchool)) return forbidden();
  const RegisterSpec& spec = *find_register_spec("school");
  auto writer = open_writer(spec, path);
  if (!writer.ok()) return writer.status();
  auto written = for_each_record<SchoolView>(
      [&](PageRequest page) { return list_schools(db, actor.scope, filter, page, school_year); },
      [&](const SchoolView& v) {
        FieldOverrides overrides{{"area", v.area_name}};
        if (v.school.founded_year == 0) overrides["founded_year"] = "";
        return (*writer)->add_row(register_row(spec, fields_of(v.school), overrides));
      });
  if (!written.ok()) return written.status();
  if (Status s = (*writer)->close(); !s.ok()) return s;
  return written;
}

Result<int64_t> export_students(Database& db, const Actor& actor, const StudentFilter& filter,
                                const std::string& path) {
  return export_people<StudentView>(
      db, actor, Entity::kStudent,
      [&](PageRequest page) { return list_students(db, actor.scope, filter, page); },
      [](const StudentView& v) -> const Student& { return v.student; },
      [](const StudentView& v) { return FieldOverrides{{"class_name", v.class_name}}; }, path);
}

Result<int64_t> export_teachers(Database& db, const Actor& actor, const TeacherFilter& filter,
                                const std::string& path) {
  return export_people<TeacherView>(
      db, actor, Entity::kTeacher,
      [&](PageRequest page) { return list_teachers(db, actor.scope, filter, page); },
      [](const TeacherView& v) -> const Teacher& { return v.teacher; },
      [](const TeacherView&) { return FieldOverrides{}; }, path);
}

Result<int64_t> export_conditions(Database& db, const Actor& actor, const SchoolRecordsFilter& filter,
                                  int school_year, const std::string& path) {
  if (!allowed(actor.user, Action::kRead, Entity::kSchool)) return forbidden();
  auto codes = school_codes(db, actor, filter, school_year);
  if (!codes.ok()) return codes.status();
  auto all = list_all_conditions(db);
  if (!all.ok()) return all.status();
  const RegisterSpec& spec = *find_register_spec("conditions");
  std::vector<std::vector<std::string>> rows;
  for (const Conditions& c : *all) {
    auto code = codes->find(c.school_id);
    if (code == codes->end() || (filter.school_year && c.school_year != *filter.school_year)) continue;
    rows.push_back(register_row(spec, fields_of(c), {{"school_code", code->second}}));
  }
  return write_rows(spec, rows, path);
}

Result<int64_t> export_areas(Database& db, const Actor& actor, const std::string& path) {
  if (!allowed(actor.user, Action::kRead, Entity::kArea)) return forbidden();
  auto areas = list_areas(db, actor.scope);
  if (!areas.ok()) return areas.status();
  const RegisterSpec& spec = *find_register_spec("area");
  std::vector<std::vector<std::string>> rows;
  for (const Area& area : *areas)
    if (area.parent_id) rows.push_back(register_row(spec, fields_of(area), {}));  // the root is made by `init`
  return write_rows(spec, rows, path);
}

Result<int64_t> export_classes(Database& db, const Actor& actor, const SchoolRecordsFilter& filter,
                               int school_year, const std::string& path) {
  if (!allowed(actor.user, Action::kRead, Entity::kClass)) return forbidden();
  const int year = filter.school_year.value_or(school_year);
  auto codes = school_codes(db, actor, filter, year);
  if (!codes.ok()) return codes.status();
  const bool full_ids = allowed(actor.user, Action::kRevealIdNumber, Entity::kTeacher);
  std::map<int64_t, std::string> teacher_ids;  // head teachers' ID numbers, as the actor may see them
  TeacherFilter teachers;
  teachers.school_id = filter.school_id;
  teachers.area_id = filter.area_id;
  auto read = for_each_record<TeacherView>(
      [&](PageRequest page) { return list_teachers(db, actor.scope, teachers, page); },
      [&](const TeacherView& v) {
        const std::string& id = v.teacher.id_number;
        teacher_ids[v.teacher.id] = full_ids ? id : mask_id_number(id);
        return Status::Ok();
      });
  if (!read.ok()) return read.status();
  const RegisterSpec& spec = *find_register_spec("class");
  std::vector<std::vector<std::string>> rows;
  for (const auto& [school_id, code] : *codes) {
    auto classes = list_classes(db, school_id, year);
    if (!classes.ok()) return classes.status();
    for (const ClassView& v : *classes) {
      FieldOverrides cells{{"school_code", code}, {"grade", grade_label(v.klass.section, v.klass.grade)}};
      if (v.klass.head_teacher_id) cells["head_teacher"] = teacher_ids[*v.klass.head_teacher_id];
      rows.push_back(register_row(spec, fields_of(v.klass), cells));
    }
  }
  auto written = write_rows(spec, rows, path);
  if (written.ok() && full_ids) {
    Status s = audit(db, &actor, "export", Entity::kClass, 0,
                     {{"rows", "", std::to_string(*written)}, {"id_numbers", "", "完整身份证号"}});
    if (!s.ok()) return s;
  }
  return written;
}

Result<int64_t> export_catchments(Database& db, const Actor& actor, const std::string& path) {
  if (!allowed(actor.user, Action::kRead, Entity::kCatchment)) return forbidden();
  auto catchments = list_catchments(db, actor.scope);
  if (!catchments.ok()) return catchments.status();
  const RegisterSpec& spec = *find_register_spec("catchment");
  std::vector<std::vector<std::string>> rows;
  for (const CatchmentView& v : *catchments)
    rows.push_back(register_row(spec, {}, {{"school_code", v.school_code}, {"middle_school_code", v.middle_school_code}}));
  return write_rows(spec, rows, path);
}

}  // namespace edu
