#include "workflow/training_commands.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "core/id_number.h"
#include "core/text_field.h"
#include "report/error_report.h"
#include "store/school_store.h"
#include "store/school_year_store.h"
#include "store/teacher_store.h"
#include "workflow/change_log.h"
#include "workflow/upload_sheet.h"

namespace edu {
namespace {

inline constexpr int64_t kMaxCourseHours = 1000;

Status validation(const std::string& message, const std::string& field) {
  return Status::Error("validation", message, field);
}

FieldValues course_fields(const TrainingCourse& c, const std::string& school_name) {
  return {{"name", "项目名称", c.name, ""},
          {"level", "培训级别", c.level, ""},
          {"organiser", "主办单位", c.organiser, ""},
          {"start_date", "开始日期", c.start_date.iso(), ""},
          {"end_date", "结束日期", c.end_date.iso(), ""},
          {"hours", "学时", std::to_string(c.hours), ""},
          {"section", "面向学段", c.section, ""},
          {"subject", "面向学科", c.subject, ""},
          {"school_id", "所属学校", school_name, ""}};
}

FieldValues entry_fields(const RosterEntry& e) {
  auto yes_no = [](bool b) { return std::string(b ? "是" : "否"); };
  return {{"required", "是否必训", yes_no(e.required), ""},
          {"attended", "是否参训", yes_no(e.attended), ""},
          {"passed", "是否合格", yes_no(e.passed), ""},
          {"hours_credited", "认定学时", std::to_string(e.hours_credited), ""}};
}

// The course's own fields, checked and cleaned.
Status check_course_fields(TrainingCourse& c) {
  auto name = clean_text(c.name, "name", "项目名称");
  if (!name.ok()) return name.status();
  if (name->empty()) return validation("请填写项目名称", "name");
  c.name = *name;
  auto organiser = clean_text(c.organiser, "organiser", "主办单位");
  if (!organiser.ok()) return organiser.status();
  if (organiser->empty()) return validation("请填写主办单位", "organiser");
  c.organiser = *organiser;
  if (!training_levels().contains(c.level))
    return validation("培训级别应为国家、省、市、县或校本", "level");
  if (c.start_date == Date{}) return validation("请填写开始日期", "start_date");
  if (c.end_date == Date{}) return validation("请填写结束日期", "end_date");
  if (c.end_date < c.start_date) return validation("结束日期不能早于开始日期", "end_date");
  if (c.hours < 1 || c.hours > kMaxCourseHours)
    return validation("学时应为1至" + std::to_string(kMaxCourseHours) + "的整数", "hours");
  if (!c.section.empty() && !sections().contains(c.section))
    return validation("面向学段“" + c.section + "”不是有效学段", "section");
  if (!c.subject.empty() && !subjects().contains(c.subject))
    return validation("面向学科“" + c.subject + "”不是有效学科", "subject");
  return Status::Ok();
}

// Level and school: who may hold a course of that level (see the header).
// Returns the school's name ("" for the county's).
Result<std::string> check_course_owner(Database& db, const Actor& actor, TrainingCourse& c) {
  const bool bureau = actor.user.role == role::kBureauAdmin;
  if (c.level != kSchoolBasedLevel) {
    if (!bureau) return Status::Error("forbidden", "县级及以上培训项目由教育局登记;学校只能登记本校的校本培训", "level");
    if (c.school_id) return validation("只有校本培训属于某所学校;" + c.level + "级培训不填所属学校", "school_id");
    return std::string();
  }
  if (!bureau && actor.scope.kind == Scope::Kind::kSchool && !c.school_id) c.school_id = actor.scope.school_id;
  if (!c.school_id) return validation("校本培训须指定所属学校", "school_id");
  auto year = current_school_year(db);
  if (!year.ok()) return year.status();
  auto school = get_school(db, actor.scope, *c.school_id, *year);
  if (!school.ok()) return school.status();
  if (!*school) return Status::Error("not_found", "学校不存在或不在您的管辖范围内", "school_id");
  return (*school)->school.name;
}

Status not_found_course() { return Status::Error("not_found", "培训项目不存在或不在您的管辖范围内"); }

// Whether the actor may write this stored course (a school admin: their own 校本 ones).
Status may_edit(const Actor& actor, const CourseView& stored) {
  if (actor.user.role == role::kBureauAdmin) return Status::Ok();
  if (stored.course.level != kSchoolBasedLevel)
    return Status::Error("forbidden", "县级及以上培训项目由教育局维护,学校只能记录本校教职工的参训情况");
  return Status::Ok();  // a 校本 course the school admin sees is their school's (store scope)
}

// The row's teacher, as the actor sees them; `who` names them in messages.
struct RowTeacher {
  TeacherView view;
  std::string who;
};

Result<RowTeacher> roster_teacher(Database& db, const Actor& actor, const CourseView& course, int64_t teacher_id) {
  auto t = get_teacher(db, actor.scope, teacher_id);
  if (!t.ok()) return t.status();
  if (!*t) return Status::Error("not_found", "教职工(编号" + std::to_string(teacher_id) + ")不存在或不在您的管辖范围内",
                                "teacher_id");
  RowTeacher out{**t, "“" + (*t)->teacher.name + "”"};
  if (course.course.school_id && (*t)->teacher.school_id != *course.course.school_id)
    return validation(out.who + "不是“" + course.school_name + "”的教职工;校本培训只记录本校教职工", "teacher_id");
  return out;
}

// Writes one row and its audit entry (only when it changes).
Status write_entry(Database& db, const Actor& actor, const RosterEntry& row, const std::string& teacher_name) {
  auto stored = find_roster_entry(db, row.course_id, row.teacher_id);
  if (!stored.ok()) return stored.status();
  auto changes = diff_fields(*stored ? entry_fields(**stored) : FieldValues{}, entry_fields(row));
  if (changes.empty()) return Status::Ok();
  changes.insert(changes.begin(), {"teacher_id", *stored ? teacher_name : "", teacher_name});
  Status s = save_roster_entry(db, row);
  if (s.ok()) s = audit(db, &actor, *stored ? "update" : "create", Entity::kTrainingRoster, row.course_id, changes);
  return s;
}

Result<CourseView> visible_course(Database& db, const Actor& actor, int64_t course_id) {
  auto course = get_course(db, actor.scope, course_id);
  if (!course.ok()) return course.status();
  if (!*course) return not_found_course();
  return **course;
}

// The course whose roster the actor records on: they may record, and see it.
Result<CourseView> course_to_record(Database& db, const Actor& actor, int64_t course_id) {
  if (!allowed(actor.user, Action::kUpdate, Entity::kTrainingRoster))
    return Status::Error("forbidden", "您的角色无权记录参训情况");
  return visible_course(db, actor, course_id);
}

}  // namespace

Result<CourseView> save_course(Database& db, const Actor& actor, TrainingCourse c) {
  const bool creating = c.id == 0;
  if (!allowed(actor.user, creating ? Action::kCreate : Action::kUpdate, Entity::kTrainingCourse))
    return Status::Error("forbidden", "您的角色无权登记培训项目");
  if (Status s = check_course_fields(c); !s.ok()) return s;
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  std::optional<CourseView> stored;
  if (!creating) {
    auto found = visible_course(db, actor, c.id);
    if (!found.ok()) return found.status();
    if (Status s = may_edit(actor, *found); !s.ok()) return s;
    stored = *found;
    c.created_by = stored->course.created_by;
  } else {
    c.created_by = actor.user.id ? std::optional<int64_t>(actor.user.id) : std::nullopt;
  }
  auto school_name = check_course_owner(db, actor, c);
  if (!school_name.ok()) return school_name.status();
  if (stored) {
    auto roster = list_roster(db, Scope::All(), c.id);
    if (!roster.ok()) return roster.status();
    for (const RosterRow& r : *roster)
      if (r.entry.hours_credited > c.hours)
        return validation("“" + r.teacher_name + "”已认定" + std::to_string(r.entry.hours_credited) +
                              "学时,学时不能改为少于此数", "hours");
    if (stored->course.school_id != c.school_id && !roster->empty())
      return validation("培训名单已有记录,不能再改变项目所属的学校或级别", "school_id");
  }
  std::vector<FieldChange> changes =
      diff_fields(stored ? course_fields(stored->course, stored->school_name) : FieldValues{},
                  course_fields(c, *school_name));
  if (creating) {
    auto id = insert_course(db, c);
    if (!id.ok()) return id.status();
    c.id = *id;
  } else if (!changes.empty()) {
    if (Status s = update_course(db, c); !s.ok()) return s;
  }
  if (!changes.empty())
    if (Status s = audit(db, &actor, creating ? "create" : "update", Entity::kTrainingCourse, c.id, changes); !s.ok())
      return s;
  auto saved = visible_course(db, actor, c.id);
  if (!saved.ok()) return saved.status();
  if (Status s = tx.commit(); !s.ok()) return s;
  return *saved;
}

Status save_roster(Database& db, const Actor& actor, int64_t course_id, const std::vector<RosterEntry>& rows) {
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto course = course_to_record(db, actor, course_id);
  if (!course.ok()) return course.status();
  std::set<int64_t> seen;
  for (RosterEntry row : rows) {
    row.course_id = course_id;
    if (!seen.insert(row.teacher_id).second)
      return validation("教职工(编号" + std::to_string(row.teacher_id) + ")在提交的名单中出现了两次", "teacher_id");
    auto teacher = roster_teacher(db, actor, *course, row.teacher_id);
    if (!teacher.ok()) return teacher.status();
    if (Status s = check_roster_entry(row, course->course.hours, teacher->who); !s.ok()) return s;
    if (Status s = write_entry(db, actor, row, teacher->view.teacher.name); !s.ok()) return s;
  }
  return tx.commit();
}

const RegisterSpec& roster_import_spec() {
  using T = ColumnType;
  static const RegisterSpec spec{
      "training_roster",
      "培训名单",
      {{"id_number", "身份证号", {"身份证件号", "身份证号码", "证件号码"}, T::kIdNumber, true, nullptr,
        "教职工的身份证号", "430521199003150028"},
       {"name", "姓名", {"教师姓名"}, T::kText, false, nullptr, "填写时须与教职工登记一致", "李芳"},
       {"required", "是否必训", {"必训"}, T::kYesNo, false, nullptr, "是/否;空白为是", "是"},
       {"attended", "是否参训", {"参训", "是否参加"}, T::kYesNo, true, nullptr, "是/否", "是"},
       {"passed", "是否合格", {"合格", "考核合格"}, T::kYesNo, false, nullptr, "是/否;空白为否", "是"},
       {"hours_credited", "认定学时", {"学时", "获得学时"}, T::kInteger, false, nullptr,
        "空白时参训者记本项目学时,未参训者记0", "24"}},
      {"id_number"}};
  return spec;
}

namespace {

// The file's rows as roster entries, or the problems naming each bad cell.
Result<RosterImport> read_roster_file(Database& db, const Actor& actor, const CourseView& course,
                                      const std::string& file_name, std::string_view content,
                                      std::vector<std::pair<RosterEntry, std::string>>& rows) {
  RosterImport out;
  out.file_name = file_name;
  auto sheet = read_upload_sheet(db, file_name, content);
  if (!sheet.ok()) return sheet.status();
  out.sheet = std::move(*sheet);
  const RegisterSpec& spec = roster_import_spec();
  auto mapped = ingest::map_rows(spec, out.sheet);
  if (!mapped.ok()) return Status::Error("bad_file", "文件“" + file_name + "”:" + mapped.status().message());
  const std::string place = "文件“" + file_name + "”";
  auto add = [&](int row, int column, const std::string& message) {
    const std::string header = column >= 0 && column < static_cast<int>(mapped->headers.size())
                                   ? mapped->headers[column] : "";
    std::string value;
    for (const ingest::TableRow& r : out.sheet.rows)
      if (r.number == row && column >= 0 && column < static_cast<int>(r.cells.size())) value = r.cells[column].text;
    out.problems.push_back({row, column, header, value,
                            place + "第" + std::to_string(row) + "行" + (header.empty() ? "" : "“" + header + "”列") +
                                ":" + message});
  };
  for (const std::string& c : mapped->missing_columns)
    add(mapped->header_row, -1, "缺少必需的列“" + c + "”");
  for (const std::string& c : mapped->unknown_columns)
    add(mapped->header_row, -1, "无法识别的列“" + c + "”(可用列:身份证号、姓名、是否必训、是否参训、是否合格、认定学时)");
  for (const ingest::RowProblem& p : mapped->problems) add(p.row, p.column, p.message);
  std::set<std::string> seen;
  for (const ingest::MappedRow& r : mapped->rows) {
    ++out.rows;
    auto field = [&](std::string_view key) { return ingest::field(r, spec, key); };
    const ingest::FieldCell id = field("id_number"), name = field("name"), hours = field("hours_credited");
    if (id.value.empty()) continue;  // a cell problem already
    if (!seen.insert(id.value).second) {
      add(r.number, id.column, "身份证号" + mask_id_number(id.value) + "在文件中出现了两次");
      continue;
    }
    auto found = find_teacher_by_id_number(db, id.value);
    if (!found.ok()) return found.status();
    auto visible = *found ? get_teacher(db, actor.scope, (*found)->teacher.id) : Result<std::optional<TeacherView>>(std::nullopt);
    if (!visible.ok()) return visible.status();
    if (!*visible) {
      add(r.number, id.column, "身份证号" + mask_id_number(id.value) + "不是您管辖范围内的教职工");
      continue;
    }
    const Teacher& t = (*visible)->teacher;
    if (!name.value.empty() && name.value != t.name) {
      add(r.number, name.column, "姓名“" + name.value + "”与该身份证号登记的姓名不一致");
      continue;
    }
    RosterEntry e;
    e.course_id = course.course.id;
    e.teacher_id = t.id;
    e.required = field("required").value != "否";
    e.attended = field("attended").value == "是";
    e.passed = field("passed").value == "是";
    // A whole number ≥ 0 (row_mapping); one beyond any course's hours stays beyond them.
    const double given = hours.value.empty() ? 0 : std::strtod(hours.value.c_str(), nullptr);
    e.hours_credited = hours.value.empty() ? (e.attended ? course.course.hours : 0)
                                           : static_cast<int64_t>(std::min<double>(given, kMaxCourseHours + 1));
    if (course.course.school_id && t.school_id != *course.course.school_id) {
      add(r.number, id.column, "“" + t.name + "”不是“" + course.school_name + "”的教职工;校本培训只记录本校教职工");
      continue;
    }
    if (Status s = check_roster_entry(e, course.course.hours, "“" + t.name + "”"); !s.ok()) {
      const ingest::FieldCell cell = field(s.field());
      add(r.number, cell.column, s.message());
      continue;
    }
    rows.emplace_back(e, t.name);
  }
  if (out.rows == 0 && out.problems.empty()) add(mapped->header_row, -1, "表头下没有数据行");
  return out;
}

}  // namespace

Result<RosterImport> import_roster(Database& db, const Actor& actor, int64_t course_id,
                                   const std::string& file_name, std::string_view content) {
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto course = course_to_record(db, actor, course_id);
  if (!course.ok()) return course.status();
  std::vector<std::pair<RosterEntry, std::string>> rows;
  auto read = read_roster_file(db, actor, *course, file_name, content, rows);
  if (!read.ok() || !read->problems.empty()) return read;
  for (const auto& [entry, name] : rows)
    if (Status s = write_entry(db, actor, entry, name); !s.ok()) return s;
  if (Status s = tx.commit(); !s.ok()) return s;
  read->saved = static_cast<int64_t>(rows.size());
  return read;
}

Status write_roster_error_report(Database& db, const Actor& actor, int64_t course_id, const std::string& file_name,
                                 std::string_view content, const std::string& path) {
  auto course = visible_course(db, actor, course_id);
  if (!course.ok()) return course.status();
  std::vector<std::pair<RosterEntry, std::string>> rows;
  auto read = read_roster_file(db, actor, *course, file_name, content, rows);
  if (!read.ok()) return read.status();
  std::vector<ingest::RowProblem> problems;
  for (const RosterImportProblem& p : read->problems) problems.push_back({p.row, p.column, p.message});
  return report::write_error_report(read->sheet, problems, path);
}

}  // namespace edu
