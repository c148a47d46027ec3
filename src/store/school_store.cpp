#include "store/school_store.h"

namespace edu {
namespace {

const char* kSchoolColumns =
    "s.id, s.code, s.name, s.kind, s.ownership, s.location, s.area_id, s.parent_school_id, "
    "s.address, s.principal, s.phone, s.founded_year, a.name, s.weak";
// The columns of a SchoolView; the school year is an integer, safe to inline.
std::string view_columns(int school_year) {
  return std::string(kSchoolColumns) +
         ", (SELECT COUNT(*) FROM students st WHERE st.school_id = s.id AND st.status = '在读')"
         ", (SELECT COUNT(*) FROM teachers t WHERE t.school_id = s.id)"
         ", (SELECT COUNT(*) FROM classes c WHERE c.school_id = s.id AND c.school_year = " +
         std::to_string(school_year) + ")";
}
const char* kJoins = "JOIN areas a ON a.id = s.area_id";
const std::string kFrom = std::string("schools s ") + kJoins;

School school_from(const Row& r) {
  School s;
  s.id = r.integer(0);
  s.code = r.text(1);
  s.name = r.text(2);
  s.kind = r.text(3);
  s.ownership = r.text(4);
  s.location = r.text(5);
  s.area_id = r.integer(6);
  if (!r.is_null(7)) s.parent_school_id = r.integer(7);
  s.address = r.text(8);
  s.principal = r.text(9);
  s.phone = r.text(10);
  s.founded_year = static_cast<int>(r.integer(11));
  s.weak = r.integer(13) != 0;
  return s;
}

SchoolView view_from(const Row& r) {
  return {school_from(r), r.text(12), r.integer(14), r.integer(15), r.integer(16)};
}

std::vector<Value> school_params(const School& s) {
  return {s.code,      s.name,      s.kind,    s.ownership,
          s.location,  s.area_id,
          s.parent_school_id ? Value(*s.parent_school_id) : Value(nullptr),
          s.address,   s.principal, s.phone,   int64_t{s.founded_year},
          int64_t{s.weak}};
}

}  // namespace

Result<Page<SchoolView>> list_schools(Database& db, const Scope& scope, const SchoolFilter& f,
                                      PageRequest page, int school_year) {
  SqlWhere where;
  restrict_schools(where, scope, "s.id");
  if (f.area_id) where.add("s.area_id IN (" + std::string(kAreaSubtreeSql) + ")", {*f.area_id});
  if (!f.kind.empty()) where.add("s.kind = ?", {f.kind});
  if (!f.location.empty()) where.add("s.location = ?", {f.location});
  if (!f.ownership.empty()) where.add("s.ownership = ?", {f.ownership});
  if (f.weak) where.add("s.weak = ?", {int64_t{*f.weak}});
  if (!f.q.empty())
    where.add("s.name LIKE ? ESCAPE '\\' OR s.code LIKE ? ESCAPE '\\'",
              {"%" + like_escaped(f.q) + "%", like_escaped(f.q) + "%"});
  return fetch_page<SchoolView>(db, {view_columns(school_year), "schools s", "s.id", kJoins,
                                 "s.area_id, s.id",
                                 {{"name", "s.name"}, {"code", "s.code"}, {"kind", "s.kind"},
                                  {"area", "(SELECT name FROM areas WHERE id = s.area_id)"}},
                                 PagedQuery::Total::kPerRegistersVersion},
                                where, page, view_from);
}

Result<std::optional<SchoolView>> get_school(Database& db, const Scope& scope, int64_t id,
                                             int school_year) {
  SqlWhere where;
  where.add("s.id = ?", {id});
  restrict_schools(where, scope, "s.id");
  auto rows = db.query("SELECT " + view_columns(school_year) + " FROM " + kFrom + " WHERE " +
                           where.sql,
                       where.params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<SchoolView>();
  return std::optional<SchoolView>(view_from(rows->front()));
}

namespace {

Result<std::optional<School>> find_school_where(Database& db, const char* condition, Value key) {
  auto rows = db.query(std::string("SELECT ") + kSchoolColumns + " FROM " + kFrom + " WHERE " +
                           condition,
                       {std::move(key)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<School>();
  return std::optional<School>(school_from(rows->front()));
}

}  // namespace

Result<std::optional<School>> find_school_by_code(Database& db, const std::string& code) {
  return find_school_where(db, "s.code = ?", code);
}

Result<std::optional<School>> find_school_by_id(Database& db, int64_t id) {
  return find_school_where(db, "s.id = ?", id);
}

Result<std::map<int64_t, int64_t>> school_areas(Database& db) {
  auto rows = db.query("SELECT id, area_id FROM schools");
  if (!rows.ok()) return rows.status();
  std::map<int64_t, int64_t> out;
  for (const Row& r : *rows) out.emplace(r.integer(0), r.integer(1));
  return out;
}

Result<int64_t> insert_school(Database& db, const School& s) {
  auto rows = db.query(
      "INSERT INTO schools (code, name, kind, ownership, location, area_id, parent_school_id, "
      "address, principal, phone, founded_year, weak) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
      school_params(s));
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Status insert_schools(Database& db, const std::vector<School>& schools) {
  return insert_all_with_ids(db, "schools",
                    {"code", "name", "kind", "ownership", "location", "area_id", "parent_school_id", "address",
                     "principal", "phone", "founded_year", "weak"},
                    schools, school_params);
}

Status update_school(Database& db, const School& s) {
  auto params = school_params(s);
  params.push_back(s.id);
  return db.exec(
      "UPDATE schools SET code=?, name=?, kind=?, ownership=?, location=?, area_id=?, "
      "parent_school_id=?, address=?, principal=?, phone=?, founded_year=?, weak=? WHERE id=?",
      params);
}

Result<std::vector<ClassView>> list_classes(Database& db, int64_t school_id, int school_year) {
  auto rows = db.query(
      "SELECT c.id, c.school_id, c.school_year, c.section, c.grade, c.class_no, c.name, "
      "c.head_teacher_id, COALESCE(t.name, ''), "
      "(SELECT COUNT(*) FROM students st WHERE st.class_id = c.id AND st.status = '在读') "
      "FROM classes c LEFT JOIN teachers t ON t.id = c.head_teacher_id "
      "WHERE c.school_id = ? AND c.school_year = ? ORDER BY c.grade, c.section, c.class_no",
      {school_id, int64_t{school_year}});
  if (!rows.ok()) return rows.status();
  std::vector<ClassView> classes;
  for (const Row& r : *rows) {
    ClassView v;
    v.klass = {r.integer(0), r.integer(1), static_cast<int>(r.integer(2)), r.text(3),
               static_cast<int>(r.integer(4)), static_cast<int>(r.integer(5)), r.text(6),
               std::nullopt};
    if (!r.is_null(7)) v.klass.head_teacher_id = r.integer(7);
    v.head_teacher_name = r.text(8);
    v.student_count = r.integer(9);
    classes.push_back(std::move(v));
  }
  return classes;
}

namespace {

const char* kClassColumns =
    "id, school_id, school_year, section, grade, class_no, name, head_teacher_id";

SchoolClass class_from(const Row& r) {
  SchoolClass c{r.integer(0), r.integer(1), static_cast<int>(r.integer(2)), r.text(3),
                static_cast<int>(r.integer(4)), static_cast<int>(r.integer(5)), r.text(6),
                std::nullopt};
  if (!r.is_null(7)) c.head_teacher_id = r.integer(7);
  return c;
}

const char* kConditionColumns =
    "school_id, school_year, building_area, teaching_area, sports_area, equipment_value, books, "
    "computers, multimedia_rooms";

template <class T>
Result<std::vector<T>> rows_as(Result<Rows> rows, T (*convert)(const Row&)) {
  if (!rows.ok()) return rows.status();
  std::vector<T> list;
  for (const Row& r : *rows) list.push_back(convert(r));
  return list;
}

Conditions conditions_from(const Row& r) {
  return {r.integer(0), static_cast<int>(r.integer(1)), r.real(2), r.real(3), r.real(4),
          r.real(5), r.integer(6), r.integer(7), r.integer(8)};
}

}  // namespace

Result<std::optional<SchoolClass>> get_class(Database& db, int64_t class_id) {
  auto list = rows_as(db.query(std::string("SELECT ") + kClassColumns + " FROM classes WHERE id = ?",
                               {class_id}),
                      class_from);
  if (!list.ok()) return list.status();
  if (list->empty()) return std::optional<SchoolClass>();
  return std::optional<SchoolClass>(list->front());
}

Result<std::vector<SchoolClass>> list_year_classes(Database& db, int school_year) {
  return rows_as(db.query(std::string("SELECT ") + kClassColumns +
                              " FROM classes WHERE school_year = ? ORDER BY id",
                          {int64_t{school_year}}),
                 class_from);
}

namespace {
std::vector<Value> class_params(const SchoolClass& c) {
  return {c.school_id, int64_t{c.school_year}, c.section, int64_t{c.grade}, int64_t{c.class_no}, c.name,
          c.head_teacher_id ? Value(*c.head_teacher_id) : Value(nullptr)};
}
}  // namespace

Result<int64_t> insert_class(Database& db, const SchoolClass& c) {
  auto rows = db.query(
      "INSERT INTO classes (school_id, school_year, section, grade, class_no, name, head_teacher_id) "
      "VALUES (?,?,?,?,?,?,?) RETURNING id",
      class_params(c));
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Status insert_classes(Database& db, const std::vector<SchoolClass>& classes) {
  return insert_all_with_ids(db, "classes",
                    {"school_id", "school_year", "section", "grade", "class_no", "name", "head_teacher_id"},
                    classes, class_params);
}

Status update_class(Database& db, const SchoolClass& c) {
  return db.exec("UPDATE classes SET name = ?, head_teacher_id = ? WHERE id = ?",
                 {c.name, c.head_teacher_id ? Value(*c.head_teacher_id) : Value(nullptr), c.id});
}

Result<std::vector<Conditions>> list_conditions(Database& db, int64_t school_id) {
  return rows_as(db.query(std::string("SELECT ") + kConditionColumns +
                              " FROM conditions WHERE school_id = ? ORDER BY school_year",
                          {school_id}),
                 conditions_from);
}

Result<std::vector<Conditions>> list_all_conditions(Database& db) {
  return rows_as(db.query(std::string("SELECT ") + kConditionColumns +
                          " FROM conditions ORDER BY school_id, school_year"),
                 conditions_from);
}

namespace {
std::vector<Value> conditions_params(const Conditions& c) {
  return {c.school_id,     int64_t{c.school_year}, c.building_area, c.teaching_area, c.sports_area,
          c.equipment_value, c.books,               c.computers,     c.multimedia_rooms};
}
}  // namespace

Status upsert_conditions(Database& db, const Conditions& c) {
  return db.exec(std::string("INSERT INTO conditions (") + kConditionColumns +
                     ") VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (school_id, school_year) DO UPDATE "
                     "SET building_area = excluded.building_area, teaching_area = "
                     "excluded.teaching_area, sports_area = excluded.sports_area, "
                     "equipment_value = excluded.equipment_value, books = excluded.books, "
                     "computers = excluded.computers, multimedia_rooms = excluded.multimedia_rooms",
                 conditions_params(c));
}

Status insert_conditions(Database& db, const std::vector<Conditions>& conditions) {
  return insert_all(db, "conditions",
                    {"school_id", "school_year", "building_area", "teaching_area", "sports_area",
                     "equipment_value", "books", "computers", "multimedia_rooms"},
                    conditions, conditions_params);
}

}  // namespace edu
