#include "store/student_store.h"

#include "core/enums.h"
#include "core/in_school.h"
#include "core/section_norms.h"

namespace edu {
namespace {

const char* kColumns =
    "st.id, st.id_number, st.name, st.gender, st.birth_date, st.ethnicity, st.school_id, "
    "st.class_id, st.status, st.enrolled_on, st.household, st.left_behind, st.disabled, "
    "sc.name, COALESCE(c.name, ''), c.section, c.grade";
const char* kJoins =
    "JOIN schools sc ON sc.id = st.school_id LEFT JOIN classes c ON c.id = st.class_id";
const std::string kFrom = std::string("students st ") + kJoins;

StudentView view_from(const Row& r) {
  StudentView v;
  Student& s = v.student;
  s.id = r.integer(0);
  s.id_number = r.text(1);
  s.name = r.text(2);
  s.gender = r.text(3);
  s.birth_date = parse_iso_date(r.text(4)).value_or(Date{});
  s.ethnicity = r.text(5);
  s.school_id = r.integer(6);
  if (!r.is_null(7)) s.class_id = r.integer(7);
  s.status = r.text(8);
  s.enrolled_on = parse_iso_date(r.text(9)).value_or(Date{});
  s.household = r.text(10);
  s.left_behind = r.integer(11) != 0;
  s.disabled = r.integer(12) != 0;
  v.school_name = r.text(13);
  v.class_name = r.text(14);
  v.section = r.text(15);
  if (!r.is_null(16)) v.grade = static_cast<int>(r.integer(16));
  return v;
}

std::vector<Value> student_params(const Student& s) {
  return {s.id_number,
          s.name,
          s.gender,
          s.birth_date.iso(),
          s.ethnicity,
          s.school_id,
          s.class_id ? Value(*s.class_id) : Value(nullptr),
          s.status,
          s.enrolled_on.iso(),
          s.household,
          int64_t{s.left_behind},
          int64_t{s.disabled}};
}

Result<std::optional<StudentView>> first(Result<Rows> rows) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<StudentView>();
  return std::optional<StudentView>(view_from(rows->front()));
}

// SQL: the entry grade of the section in column `section_column`.
std::string entry_grade_sql(const std::string& section_column) {
  std::vector<std::pair<std::string, std::string>> grades;
  for (const std::string& s : sections().values) grades.emplace_back(s, std::to_string(entry_grade(s)));
  return sql_case(section_column, grades);
}

void restrict_by_current_record(SqlWhere& where, const StudentFilter& f) {
  if (f.area_id)
    where.add("st.school_id IN (SELECT id FROM schools WHERE area_id IN (" +
                  std::string(kAreaSubtreeSql) + "))",
              {*f.area_id});
  if (f.school_id) where.add("st.school_id = ?", {*f.school_id});
  if (f.class_id) where.add("st.class_id = ?", {*f.class_id});
  if (!f.location.empty())
    where.add("st.school_id IN (SELECT id FROM schools WHERE location = ?)", {f.location});
  if (f.grade) where.add("st.class_id IN (SELECT id FROM classes WHERE grade = ?)", {int64_t{*f.grade}});
  if (!f.section.empty())
    where.add("st.class_id IN (SELECT id FROM classes WHERE section = ?)", {f.section});
  if (!f.status.empty()) where.add("st.status = ?", {f.status});
}

// The enrolment's school is kept to the scope as the student's current one is:
// a student who has left the scope's schools since is not listed.
void restrict_by_enrolment(SqlWhere& where, const Scope& scope, const StudentFilter& f) {
  SqlWhere e;
  e.add("e.school_year = ?", {int64_t{*f.school_year}});
  restrict_schools(e, scope, "e.school_id");
  if (f.area_id)
    e.add("es.area_id IN (" + std::string(kAreaSubtreeSql) + ")", {*f.area_id});
  if (f.school_id) e.add("e.school_id = ?", {*f.school_id});
  if (f.class_id) e.add("e.class_id = ?", {*f.class_id});
  if (!f.location.empty()) e.add("es.location = ?", {f.location});
  if (f.grade) e.add("e.grade = ?", {int64_t{*f.grade}});
  if (!f.section.empty()) e.add("ec.section = ?", {f.section});
  if (!f.status.empty()) e.add("e.status = ?", {f.status});
  if (f.in_school) e.add_in("e.status", in_school_statuses());
  if (f.entrant)
    e.add("e.grade = " + entry_grade_sql("ec.section") +
              " AND NOT EXISTS (SELECT 1 FROM enrolments p WHERE p.student_id = e.student_id "
              "AND p.school_year = e.school_year - 1 AND p.grade = e.grade)");
  where.add("st.id IN (SELECT e.student_id FROM enrolments e JOIN classes ec ON ec.id = "
                "e.class_id JOIN schools es ON es.id = e.school_id WHERE " +
                e.sql + ")",
            e.params);
}

}  // namespace

Result<Page<StudentView>> list_students(Database& db, const Scope& scope, const StudentFilter& f,
                                        PageRequest page) {
  SqlWhere where;
  restrict_students(where, scope, "st");
  if (f.school_year)
    restrict_by_enrolment(where, scope, f);
  else
    restrict_by_current_record(where, f);
  if (!f.gender.empty()) where.add("st.gender = ?", {f.gender});
  if (!f.ids.empty()) where.add_in("st.id", f.ids);
  if (!f.name_prefix.empty()) where.add_prefix({"st.name"}, f.name_prefix);
  if (!f.id_number_prefix.empty()) where.add_prefix({"st.id_number"}, f.id_number_prefix);
  if (!f.id_numbers.empty()) where.add_in("st.id_number", f.id_numbers);
  return fetch_page<StudentView>(db, {kColumns, "students st", "st.id", kJoins, "st.id",
                                  {{"name", "st.name"}, {"birth_date", "st.birth_date"},
                                   {"school", "(SELECT name FROM schools WHERE id = st.school_id)"}},
                                  PagedQuery::Total::kPerRegistersVersion},
                                 where, page, view_from);
}

Result<std::optional<StudentView>> get_student(Database& db, const Scope& scope, int64_t id) {
  SqlWhere where;
  where.add("st.id = ?", {id});
  restrict_students(where, scope, "st");
  return first(db.query(std::string("SELECT ") + kColumns + " FROM " + kFrom + " WHERE " +
                            where.sql,
                        where.params));
}

Result<std::optional<StudentView>> find_student_by_id_number(Database& db,
                                                             const std::string& id_number) {
  return first(db.query(std::string("SELECT ") + kColumns + " FROM " + kFrom +
                            " WHERE st.id_number = ?",
                        {id_number}));
}

Result<std::vector<EnrolmentView>> student_enrolments(Database& db, int64_t student_id) {
  auto rows = db.query(
      "SELECT e.school_year, e.school_id, e.class_id, e.grade, e.status, sc.name, c.name, c.section "
      "FROM enrolments e JOIN schools sc ON sc.id = e.school_id JOIN classes c ON c.id = e.class_id "
      "WHERE e.student_id = ? ORDER BY e.school_year",
      {student_id});
  if (!rows.ok()) return rows.status();
  std::vector<EnrolmentView> out;
  for (const Row& r : *rows)
    out.push_back({{student_id, static_cast<int>(r.integer(0)), r.integer(1), r.integer(2),
                    static_cast<int>(r.integer(3)), r.text(4)},
                   r.text(5), r.text(6), r.text(7)});
  return out;
}

// The students' enrolments in the school year of their class: where the
// statistics find them (snapshot_loader reads enrolments, not students).
Status record_enrolments(Database& db, int64_t first_id, int64_t last_id) {
  return db.exec(
      "INSERT INTO enrolments (student_id, school_year, school_id, class_id, grade, status) "
      "SELECT st.id, c.school_year, st.school_id, c.id, c.grade, st.status FROM students st "
      "JOIN classes c ON c.id = st.class_id WHERE st.id BETWEEN ? AND ? "
      "ON CONFLICT (student_id, school_year) DO UPDATE SET school_id = excluded.school_id, "
      "class_id = excluded.class_id, grade = excluded.grade, status = excluded.status",
      {first_id, last_id});
}

Result<int64_t> insert_student(Database& db, const Student& s) {
  auto rows = db.query(
      "INSERT INTO students (id_number, name, gender, birth_date, ethnicity, school_id, class_id, "
      "status, enrolled_on, household, left_behind, disabled) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
      "RETURNING id",
      student_params(s));
  if (!rows.ok()) return rows.status();
  int64_t id = rows->front().integer(0);
  Status e = record_enrolments(db, id, id);
  if (!e.ok()) return e;
  return id;
}

Status update_student(Database& db, const Student& s) {
  auto params = student_params(s);
  params.push_back(s.id);
  Status u = db.exec(
      "UPDATE students SET id_number=?, name=?, gender=?, birth_date=?, ethnicity=?, "
      "school_id=?, class_id=?, status=?, enrolled_on=?, household=?, left_behind=?, "
      "disabled=? WHERE id=?",
      params);
  return u.ok() ? record_enrolments(db, s.id, s.id) : u;
}

Status insert_students(Database& db, const std::vector<Student>& students) {
  return insert_all_with_ids(db, "students",
                    {"id_number", "name", "gender", "birth_date", "ethnicity", "school_id", "class_id", "status",
                     "enrolled_on", "household", "left_behind", "disabled"},
                    students, student_params);
}

}  // namespace edu
