#include "store/transition_store.h"

#include "core/area_tree.h"
#include "store/area_store.h"

namespace edu {

Result<transition::Input> load_transition_input(Database& db, int year) {
  transition::Input in;
  in.year = year;
  auto areas = list_areas(db, Scope::All());
  if (!areas.ok()) return areas.status();
  const AreaTree tree(*areas);
  auto schools = db.query(
      "SELECT s.id, s.name, s.area_id FROM schools s JOIN areas a ON a.id = s.area_id "
      "ORDER BY a.code, s.code");
  if (!schools.ok()) return schools.status();
  for (const Row& r : *schools) {
    const Area* township = tree.township_of(r.integer(2));
    in.schools.push_back({r.integer(0), r.text(1), township ? township->id : r.integer(2),
                          township ? township->name : ""});
  }
  auto feeds = db.query("SELECT school_id, middle_school_id FROM catchments");
  if (!feeds.ok()) return feeds.status();
  for (const Row& r : *feeds) in.feeds.push_back({r.integer(0), r.integer(1)});
  auto graduates = db.query(
      "SELECT st.id, st.name, st.id_number, e.school_id FROM enrolments e "
      "JOIN classes c ON c.id = e.class_id JOIN students st ON st.id = e.student_id "
      "WHERE e.school_year = ? AND c.section = '小学' AND c.grade = 6 AND e.status = '毕业'",
      {int64_t{year - 1}});
  if (!graduates.ok()) return graduates.status();
  for (const Row& r : *graduates)
    in.graduates.push_back({r.integer(0), r.text(1), r.text(2), r.integer(3)});
  auto entrants = db.query(
      "SELECT e.student_id, e.school_id FROM enrolments e JOIN classes c ON c.id = e.class_id "
      "WHERE e.school_year = ? AND c.section = '初中' AND c.grade = 7",
      {int64_t{year}});
  if (!entrants.ok()) return entrants.status();
  for (const Row& r : *entrants) in.entrants.push_back({r.integer(0), r.integer(1)});
  return in;
}

}  // namespace edu
