#include "workflow/register_export.h"

#include <map>

#include "core/id_number.h"
#include "core/record_fields.h"
#include "ingest/register_row.h"
#include "report/xlsx_table_writer.h"
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

// Codes of the schools in the actor's scope, by id.
Result<std::map<int64_t, std::string>> school_codes(Database& db, const Actor& actor,
                                                    int school_year) {
  auto schools = list_schools(db, actor.scope, {}, {1, 1'000'000}, school_year);
  if (!schools.ok()) return schools.status();
  std::map<int64_t, std::string> codes;
  for (const SchoolView& v : schools->items) codes[v.school.id] = v.school.code;
  return codes;
}

// Writes the people (students or teachers) that `fetch` pages through.
template <class View, class Fetch, class RecordOf, class Extra>
Result<int64_t> export_people(Database& db, const Actor& actor, Entity entity, Fetch fetch,
                              RecordOf record_of, Extra extra, const std::string& path) {
  if (!allowed(actor.user, Action::kRead, entity)) return forbidden();
  const RegisterSpec& spec = *find_register_spec(entity == Entity::kStudent ? "student" : "teacher");
  const bool full_ids = allowed(actor.user, Action::kRevealIdNumber, entity);
  auto codes = school_codes(db, actor, 0);
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

Result<int64_t> export_conditions(Database& db, const Actor& actor, const ConditionsFilter& filter,
                                  int school_year, const std::string& path) {
  if (!allowed(actor.user, Action::kRead, Entity::kSchool)) return forbidden();
  const RegisterSpec& spec = *find_register_spec("conditions");
  SchoolFilter schools_filter;
  schools_filter.area_id = filter.area_id;
  auto schools = list_schools(db, actor.scope, schools_filter, {1, 1'000'000}, school_year);
  if (!schools.ok()) return schools.status();
  std::map<int64_t, std::string> codes;
  for (const SchoolView& v : schools->items)
    if (!filter.school_id || v.school.id == *filter.school_id) codes[v.school.id] = v.school.code;
  auto all = list_all_conditions(db);
  if (!all.ok()) return all.status();
  auto writer = open_writer(spec, path);
  if (!writer.ok()) return writer.status();
  int64_t written = 0;
  for (const Conditions& c : *all) {
    auto code = codes.find(c.school_id);
    if (code == codes.end() || (filter.school_year && c.school_year != *filter.school_year)) continue;
    Status s = (*writer)->add_row(register_row(spec, fields_of(c), {{"school_code", code->second}}));
    if (!s.ok()) return s;
    ++written;
  }
  if (Status s = (*writer)->close(); !s.ok()) return s;
  return written;
}

}  // namespace edu
