#include "store/title_store.h"

#include "core/date.h"

namespace edu {
namespace {

constexpr const char* kAppointmentColumns =
    "a.id, a.teacher_id, COALESCE(a.case_id, 0), a.title_level, a.post_level, a.status, a.reason, a.since, "
    "a.created_at";

TitleAppointment appointment_of(const Row& r, size_t at) {
  return {r.integer(at), r.integer(at + 1), r.integer(at + 2), r.text(at + 3), r.text(at + 4),
          r.text(at + 5), r.text(at + 6),  r.text(at + 7),    r.text(at + 8)};
}

TitleRound round_of(const Row& r) {
  return {r.integer(0), static_cast<int>(r.integer(1)), r.text(2), r.integer(3) == 1, r.text(4), r.text(5)};
}

constexpr const char* kRoundColumns = "SELECT id, year, name, is_open, opens_on, closes_on FROM title_rounds ";

Result<std::optional<TitleRound>> one_round(Database& db, const std::string& where, std::vector<Value> params) {
  auto rows = db.query(kRoundColumns + where, params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<TitleRound>();
  return std::optional<TitleRound>(round_of(rows->front()));
}

}  // namespace

Result<std::vector<SchoolPost>> list_posts(Database& db, const Scope& scope, int school_year,
                                           std::optional<int64_t> school_id) {
  SqlWhere where;
  where.add("p.school_year = ?", {int64_t{school_year}});
  if (school_id) where.add("p.school_id = ?", {*school_id});
  restrict_schools(where, scope, "p.school_id");
  auto rows = db.query("SELECT p.school_id, p.school_year, p.level, p.approved FROM school_posts p WHERE " +
                           where.sql + " ORDER BY p.school_id, p.level",
                       where.params);
  if (!rows.ok()) return rows.status();
  std::vector<SchoolPost> out;
  for (const Row& r : *rows)
    out.push_back({r.integer(0), static_cast<int>(r.integer(1)), r.text(2), r.integer(3)});
  return out;
}

Result<std::vector<PostSchool>> list_post_schools(Database& db, const Scope& scope) {
  SqlWhere where;
  restrict_schools(where, scope, "s.id");
  auto rows = db.query("SELECT s.id, s.name, a.name, s.location FROM schools s JOIN areas a ON a.id = s.area_id WHERE " +
                           where.sql + " ORDER BY a.name, s.name, s.id",
                       where.params);
  if (!rows.ok()) return rows.status();
  std::vector<PostSchool> out;
  for (const Row& r : *rows) out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3)});
  return out;
}

Status set_post(Database& db, const SchoolPost& p) {
  Status s = db.exec("DELETE FROM school_posts WHERE school_id = ? AND school_year = ? AND level = ?",
                     {p.school_id, int64_t{p.school_year}, p.level});
  if (!s.ok()) return s;
  return db.exec("INSERT INTO school_posts (school_id, school_year, level, approved) VALUES (?, ?, ?, ?)",
                 {p.school_id, int64_t{p.school_year}, p.level, p.approved});
}

Result<int64_t> insert_appointment(Database& db, const TitleAppointment& a) {
  auto rows = db.query(
      "INSERT INTO title_appointments (teacher_id, case_id, title_level, post_level, status, reason, since, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP) RETURNING id",
      {a.teacher_id, a.case_id ? Value{a.case_id} : Value{nullptr}, a.title_level, a.post_level, a.status,
       a.reason, a.since});
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Result<std::vector<TitleAppointment>> teacher_appointments(Database& db, int64_t teacher_id) {
  auto rows = db.query(std::string("SELECT ") + kAppointmentColumns +
                           " FROM title_appointments a WHERE a.teacher_id = ? ORDER BY a.id",
                       {teacher_id});
  if (!rows.ok()) return rows.status();
  std::vector<TitleAppointment> out;
  for (const Row& r : *rows) out.push_back(appointment_of(r, 0));
  return out;
}

namespace {

// Holders from rows of: teacher, school, name, title, has appointment (0/1), kAppointmentColumns.
std::vector<TitleHolder> holders_of(const Rows& rows) {
  std::vector<TitleHolder> out;
  for (const Row& r : rows) {
    TitleHolder h{r.integer(0), r.integer(1), r.text(2), r.text(3)};
    if (r.integer(4)) h.appointment = appointment_of(r, 5);
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace

Result<std::vector<TitleHolder>> list_title_holders(Database& db, const Scope& scope,
                                                    std::optional<int64_t> school_id) {
  SqlWhere where;
  if (school_id) where.add("t.school_id = ?", {*school_id});
  restrict_schools(where, scope, "t.school_id");
  auto rows = db.query(
      std::string("SELECT t.id, t.school_id, t.name, t.title, CASE WHEN a.id IS NULL THEN 0 ELSE 1 END, ") + kAppointmentColumns +
          " FROM teachers t LEFT JOIN title_appointments a ON a.id = "
          "(SELECT MAX(m.id) FROM title_appointments m WHERE m.teacher_id = t.id) WHERE " +
          where.sql + " ORDER BY t.school_id, t.id",
      where.params);
  if (!rows.ok()) return rows.status();
  return holders_of(*rows);
}

Result<std::vector<TitleHolder>> list_title_holders_in_year(Database& db, const Scope& scope, int school_year) {
  SqlWhere where;
  where.add("y.school_year = ?", {int64_t{school_year}});
  restrict_schools(where, scope, "y.school_id");
  const std::string last_day = Date{school_year + 1, 8, 31}.iso();
  std::vector<Value> params = {last_day};
  params.insert(params.end(), where.params.begin(), where.params.end());
  auto rows = db.query(
      std::string("SELECT y.teacher_id, y.school_id, t.name, y.title, CASE WHEN a.id IS NULL THEN 0 ELSE 1 END, ") +
          kAppointmentColumns +
          " FROM teacher_years y JOIN teachers t ON t.id = y.teacher_id LEFT JOIN title_appointments a ON a.id = "
          "(SELECT MAX(m.id) FROM title_appointments m WHERE m.teacher_id = y.teacher_id AND m.since <= ?) WHERE " +
          where.sql + " ORDER BY y.school_id, y.teacher_id",
      params);
  if (!rows.ok()) return rows.status();
  return holders_of(*rows);
}

Result<std::vector<TitleRound>> list_rounds(Database& db) {
  auto rows = db.query(std::string(kRoundColumns) + "ORDER BY year DESC, id DESC");
  if (!rows.ok()) return rows.status();
  std::vector<TitleRound> out;
  for (const Row& r : *rows) out.push_back(round_of(r));
  return out;
}

Result<std::optional<TitleRound>> get_round(Database& db, int64_t id) { return one_round(db, "WHERE id = ?", {id}); }

Result<std::optional<TitleRound>> open_round(Database& db) { return one_round(db, "WHERE is_open = 1", {}); }

Result<int64_t> insert_round(Database& db, const TitleRound& r) {
  auto rows = db.query(
      "INSERT INTO title_rounds (year, name, is_open, opens_on, closes_on) VALUES (?, ?, ?, ?, ?) RETURNING id",
      {int64_t{r.year}, r.name, int64_t{r.open ? 1 : 0}, r.opens_on, r.closes_on});
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Status close_round(Database& db, int64_t id) {
  return db.exec("UPDATE title_rounds SET is_open = 0 WHERE id = ?", {id});
}

Status insert_application(Database& db, const TitleApplication& a) {
  return db.exec("INSERT INTO title_applications (case_id, round_id, teacher_id, level) VALUES (?, ?, ?, ?)",
                 {a.case_id, a.round_id, a.teacher_id, a.level});
}

Result<std::vector<TitleApplicationRow>> list_applications(Database& db, const Scope& scope,
                                                           const ApplicationFilter& f) {
  SqlWhere where;
  if (f.round_id) where.add("p.round_id = ?", {*f.round_id});
  if (f.teacher_id) where.add("p.teacher_id = ?", {*f.teacher_id});
  restrict_schools(where, scope, "c.school_id");
  auto rows = db.query(
      "SELECT p.case_id, p.round_id, p.teacher_id, p.level, t.name, s.name, c.state, r.name, c.school_id "
      "FROM title_applications p JOIN cases c ON c.id = p.case_id JOIN teachers t ON t.id = p.teacher_id "
      "JOIN schools s ON s.id = c.school_id JOIN title_rounds r ON r.id = p.round_id WHERE " +
          where.sql + " ORDER BY c.school_id, p.case_id",
      where.params);
  if (!rows.ok()) return rows.status();
  std::vector<TitleApplicationRow> out;
  for (const Row& r : *rows)
    out.push_back({{r.integer(0), r.integer(1), r.integer(2), r.text(3)}, r.text(4), r.text(5), r.text(6),
                   r.text(7), r.integer(8)});
  return out;
}

Result<std::vector<TitleYear>> teacher_title_years(Database& db, int64_t teacher_id) {
  auto rows = db.query(
      "SELECT y.school_year, y.title, s.location, s.weak FROM teacher_years y JOIN schools s ON s.id = y.school_id "
      "WHERE y.teacher_id = ? ORDER BY y.school_year",
      {teacher_id});
  if (!rows.ok()) return rows.status();
  std::vector<TitleYear> out;
  for (const Row& r : *rows)
    out.push_back({static_cast<int>(r.integer(0)), r.text(1), r.text(2), r.integer(3) != 0});
  return out;
}

}  // namespace edu
