#include "store/teacher_store.h"

#include "core/enums.h"
#include "core/section_norms.h"

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
  if (f.area_id)
    where.add("t.school_id IN (SELECT id FROM schools WHERE area_id IN (" +
                  std::string(kAreaSubtreeSql) + "))",
              {*f.area_id});
  if (f.school_id) where.add("t.school_id = ?", {*f.school_id});
  if (!f.post.empty()) where.add("t.post = ?", {f.post});
  if (!f.education.empty()) where.add("t.education = ?", {f.education});
  if (!f.title.empty()) where.add("t.title = ?", {f.title});
  if (!f.subject.empty()) where.add("t.subject = ?", {f.subject});
  if (!f.backbone.empty()) where.add("t.backbone = ?", {f.backbone});
  if (!f.section.empty()) where.add("t.section = ?", {f.section});
  if (!f.location.empty())
    where.add("t.school_id IN (SELECT id FROM schools WHERE location = ?)", {f.location});
  if (!f.education_standard.empty())
    where.add(education_rank_sql("t.education") +
              (f.education_standard == "高于规定" ? " < " : " <= ") +
              education_rank_sql(required_education_sql("t.section")));
  if (f.is_backbone) where.add("t.backbone <> ? AND t.backbone <> ''", {std::string("无")});
  if (!f.name_prefix.empty()) where.add_prefix({"t.name"}, f.name_prefix);
  if (!f.id_number_prefix.empty()) where.add_prefix({"t.id_number"}, f.id_number_prefix);
  return fetch_page<TeacherView>(db, {kColumns, "teachers t", "t.id", kJoins, "t.id"}, where,
                                 page, view_from);
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

Result<int64_t> insert_teacher(Database& db, const Teacher& t) {
  auto rows = db.query(
      "INSERT INTO teachers (id_number, name, gender, birth_date, school_id, post, education, "
      "title, subject, backbone, on_staff, hired_on, section) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
      "RETURNING id",
      teacher_params(t));
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Status update_teacher(Database& db, const Teacher& t) {
  auto params = teacher_params(t);
  params.push_back(t.id);
  return db.exec(
      "UPDATE teachers SET id_number=?, name=?, gender=?, birth_date=?, school_id=?, post=?, "
      "education=?, title=?, subject=?, backbone=?, on_staff=?, hired_on=?, section=? WHERE id=?",
      params);
}

}  // namespace edu
