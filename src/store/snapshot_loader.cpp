#include "store/snapshot_loader.h"

#include "analytics/snapshot_builder.h"

namespace edu {
namespace {

// Every row of `sql`, streamed (Database::query_each), each made by `make`
// and appended to `out`: the small registers, held whole.
template <class Record, class Make>
Status read_each(Database& db, std::string_view sql, std::vector<Record>& out, Make make) {
  return db.query_each(sql, [&](const RowView& x) {
    out.push_back(make(x));
    return Status::Ok();
  });
}

int year(const RowView& x, size_t i) { return static_cast<int>(x.integer(i)); }

// The builder's first rows: the areas, schools and conditions.
Result<analytics::SnapshotBuilder> places(Database& db, int current_year) {
  std::vector<Area> areas;
  std::vector<School> schools;
  std::vector<Conditions> conditions;
  Status s = read_each(db, "SELECT id, parent_id, code, name, level FROM areas ORDER BY id", areas,
                       [](const RowView& x) {
                         return Area{x.integer(0), x.is_null(1) ? std::nullopt : std::optional(x.integer(1)),
                                     std::string(x.text(2)), std::string(x.text(3)), std::string(x.text(4))};
                       });
  if (s.ok())
    s = read_each(db, "SELECT id, code, name, kind, location, area_id FROM schools ORDER BY id", schools,
                  [](const RowView& x) {
                    School s;
                    s.id = x.integer(0);
                    s.code = x.text(1);
                    s.name = x.text(2);
                    s.kind = x.text(3);
                    s.location = x.text(4);
                    s.area_id = x.integer(5);
                    return s;
                  });
  if (s.ok())
    s = read_each(db,
                  "SELECT school_id, school_year, building_area, teaching_area, sports_area, equipment_value, "
                  "books, computers, multimedia_rooms FROM conditions",
                  conditions, [](const RowView& x) {
                    return Conditions{x.integer(0), year(x, 1), x.real(2),    x.real(3),   x.real(4),
                                      x.real(5),    x.integer(6), x.integer(7), x.integer(8)};
                  });
  if (!s.ok()) return s;
  return analytics::SnapshotBuilder(current_year, std::move(areas), schools, std::move(conditions));
}

// Classes by id: the same dense indexes on both engines. Enrolments in any
// order: the builder puts them in (student, year) order, which costs less
// than an ordered index scan of the whole table on either engine.
Status add_classes_and_enrolments(Database& db, analytics::SnapshotBuilder& b) {
  Status s = db.query_each("SELECT id, school_id, school_year, section, grade FROM classes ORDER BY id",
                           [&](const RowView& x) {
                             b.add_class(x.integer(0), x.integer(1), year(x, 2), x.text(3), year(x, 4));
                             return Status::Ok();
                           });
  if (!s.ok()) return s;
  return db.query_each("SELECT student_id, school_year, school_id, class_id, grade, status FROM enrolments",
                       [&](const RowView& x) {
                         b.add_enrolment(x.integer(0), year(x, 1), x.integer(2), x.integer(3), year(x, 4),
                                         x.text(5));
                         return Status::Ok();
                       });
}

// The register's teachers, then teacher_years (named from the register).
Status add_staff(Database& db, analytics::SnapshotBuilder& b, int current_year) {
  Status s = db.query_each(
      "SELECT id, name, school_id, section, post, education, title, subject, backbone FROM teachers ORDER BY id",
      [&](const RowView& x) {
        b.add_teacher({x.integer(0), current_year, x.integer(2), x.text(3), x.text(4), x.text(5), x.text(6),
                       x.text(7), x.text(8)},
                      x.text(1));
        return Status::Ok();
      });
  if (!s.ok()) return s;
  return db.query_each(
      "SELECT teacher_id, school_year, school_id, section, post, education, title, subject, backbone "
      "FROM teacher_years ORDER BY teacher_id, school_year",
      [&](const RowView& x) {
        b.add_teacher_year({x.integer(0), year(x, 1), x.integer(2), x.text(3), x.text(4), x.text(5), x.text(6),
                            x.text(7), x.text(8)});
        return Status::Ok();
      });
}

}  // namespace

Result<analytics::Snapshot> load_snapshot(Database& db, int current_year) {
  auto b = places(db, current_year);
  if (!b.ok()) return b.status();
  Status s = add_classes_and_enrolments(db, *b);
  if (s.ok()) s = add_staff(db, *b, current_year);
  if (!s.ok()) return s;
  return std::move(*b).finish();
}

}  // namespace edu
