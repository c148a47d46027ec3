#include "store/teacher_store.h"

#include "core/enums.h"
#include "core/section_norms.h"
#include "store/school_year_store.h"
#include "store/teacher_year_store.h"

namespace edu {
namespace {

const char* kColumns =
    "t.id, t.id_number, t.name, t.gender, t.birth_date, t.school_id, t.post, t.education, "
    "t.title, t.subject, t.backbone, t.on_staff, t.hired_on, sc.name, t.section";
const char* kJoins = "JOIN schools sc ON sc.id = t.school_id";
const std::string kFrom = std::string("teachers t ") + kJoins;

TeacherView view_from(const Row& r) {
  TeacherView v;
  Teacher& t = v.teacher;
  t.id = r.integer(0);
  t.id_number = r.text(1);
  t.name = r.text(2);
  t.gender = r.text(3);
  t.birth_date = parse_iso_date(r.text(4)).value_or(Date{});
  t.school_id = r.integer(5);
  t.post = r.text(6);
  t.education = r.text(7);
  t.title = r.text(8);
  t.subject = r.text(9);
  t.backbone = r.text(10);
  t.on_staff = r.integer(11) != 0;
  t.hired_on = parse_iso_date(r.text(12)).value_or(Date{});
  v.school_name = r.text(13);
  t.section = r.text(14);
  return v;
}

std::vector<Value> teacher_params(const Teacher& t) {
  return {t.id_number, t.name,      t.gender,  t.birth_date.iso(), t.school_id,
          t.post,      t.education, t.title,   t.subject,          t.backbone,
          int64_t{t.on_staff},      t.hired_on.iso(),   t.section};
}

Result<std::optional<TeacherView>> first(Result<Rows> rows) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<TeacherView>();
  return std::optional<TeacherView>(view_from(rows->front()));
}

// SQL: the rank of the education in `column` (研究生 0 … 高中及以下 3).
std::string education_rank_sql(const std::string& column) {
  std::vector<std::pair<std::string, std::string>> ranks;
  const auto& e = educations().values;
  for (size_t i = 0; i < e.size(); ++i) ranks.emplace_back(e[i], std::to_string(i));
  return sql_case(column, ranks);
}

// SQL: the education meeting the 学历达标 norm of the section in `column`.
std::string required_education_sql(const std::string& column) {
  std::vector<std::pair<std::string, std::string>> required;
  for (const std::string& s : sections().values) required.emplace_back(s, "'" + required_education(s) + "'");
  return sql_case(column, required);
}

}  // namespace

Result<Page<TeacherView>> list_teachers(Database& db, const Scope& scope, const TeacherFilter& f,
                                        PageRequest page) {
  SqlWhere where;
  restrict_teachers(where, scope, "t");
  // The attributes filtered on: the register's (t), or the year's row (y).
  const std::string a = f.school_year ? "y" : "t";
  SqlWhere on;
  if (f.school_year) {
    on.add("y.school_year = ?", {int64_t{*f.school_year}});
    restrict_schools(on, scope, "y.school_id");
  }
  if (f.area_id)
    on.add(a + ".school_id IN (SELECT id FROM schools WHERE area_id IN (" +
               std::string(kAreaSubtreeSql) + "))",
           {*f.area_id});
  if (f.school_id) on.add(a + ".school_id = ?", {*f.school_id});
  if (!f.post.empty()) on.add(a + ".post = ?", {f.post});
  if (!f.education.empty()) on.add(a + ".education = ?", {f.education});
  if (!f.title.empty()) on.add(a + ".title = ?", {f.title});
  if (!f.subject.empty()) on.add(a + ".subject = ?", {f.subject});
  if (!f.backbone.empty()) on.add(a + ".backbone = ?", {f.backbone});
  if (!f.section.empty()) on.add(a + ".section = ?", {f.section});
  if (!f.location.empty())
    on.add(a + ".school_id IN (SELECT id FROM schools WHERE location = ?)", {f.location});
  if (!f.education_standard.empty())
    on.add(education_rank_sql(a + ".education") +
           (f.education_standard == "高于规定" ? " < " : " <= ") +
           education_rank_sql(required_education_sql(a + ".section")));
  if (f.is_backbone) on.add(a + ".backbone <> ? AND " + a + ".backbone <> ''", {std::string("无")});
  if (f.school_year)
    where.add("t.id IN (SELECT y.teacher_id FROM teacher_years y WHERE " + on.sql + ")", on.params);
  else
    where.add(on.sql, on.params);
  if (!f.name_prefix.empty()) where.add_prefix({"t.name"}, f.name_prefix);
  if (!f.id_number_prefix.empty()) where.add_prefix({"t.id_number"}, f.id_number_prefix);
  if (!f.id_numbers.empty()) where.add_in("t.id_number", f.id_numbers);
  return fetch_page<TeacherView>(db, {kColumns, "teachers t", "t.id", kJoins, "t.id",
                                  {{"name", "t.name"}, {"birth_date", "t.birth_date"},
                                   {"school", "(SELECT name FROM schools WHERE id = t.school_id)"}},
                                  PagedQuery::Total::kPerRegistersVersion},
                                 where, page, view_from);
}

Result<std::optional<TeacherView>> get_teacher(Database& db, const Scope& scope, int64_t id) {
  SqlWhere where;
  where.add("t.id = ?", {id});
  restrict_teachers(where, scope, "t");
  return first(db.query(std::string("SELECT ") + kColumns + " FROM " + kFrom + " WHERE " +
                            where.sql,
                        where.params));
}

Result<std::optional<TeacherView>> find_teacher_by_id_number(Database& db,
                                                             const std::string& id_number) {
  return first(db.query(std::string("SELECT ") + kColumns + " FROM " + kFrom +
                            " WHERE t.id_number = ?",
                        {id_number}));
}

// The teachers' rows of the current school year: where the statistics will find
// them once the year is closed (store/teacher_year_store.h).
Status record_current_years(Database& db, int64_t first_id, int64_t last_id) {
  auto year = current_school_year(db);
  if (!year.ok()) return year.status();
  return record_teacher_years(db, *year, first_id, last_id);
}

Result<int64_t> insert_teacher(Database& db, const Teacher& t) {
  auto rows = db.query(
      "INSERT INTO teachers (id_number, name, gender, birth_date, school_id, post, education, "
      "title, subject, backbone, on_staff, hired_on, section) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
      "RETURNING id",
      teacher_params(t));
  if (!rows.ok()) return rows.status();
  int64_t id = rows->front().integer(0);
  Status y = record_current_years(db, id, id);
  if (!y.ok()) return y;
  return id;
}

Status update_teacher(Database& db, const Teacher& t) {
  auto params = teacher_params(t);
  params.push_back(t.id);
  Status u = db.exec(
      "UPDATE teachers SET id_number=?, name=?, gender=?, birth_date=?, school_id=?, post=?, "
      "education=?, title=?, subject=?, backbone=?, on_staff=?, hired_on=?, section=? WHERE id=?",
      params);
  return u.ok() ? record_current_years(db, t.id, t.id) : u;
}

Status insert_teachers(Database& db, const std::vector<Teacher>& teachers) {
  return insert_all_with_ids(db, "teachers",
                    {"id_number", "name", "gender", "birth_date", "school_id", "post", "education", "title",
                     "subject", "backbone", "on_staff", "hired_on", "section"},
                    teachers, teacher_params);
}

}  // namespace edu
