#include "http/transition_json.h"

#include "core/id_number.h"

namespace edu {
namespace {

using nlohmann::json;

json missing_json(const std::vector<transition::Missing>& list) {
  json rows = json::array();
  for (const auto& m : list)
    rows.push_back({{"student_id", m.student_id},
                    {"name", m.name},
                    {"id_number", mask_id_number(m.id_number)},
                    {"school_id", m.school_id},
                    {"school_name", m.school_name},
                    {"went_to_id", m.went_to ? json(*m.went_to) : json()},
                    {"went_to_name", m.went_to_name}});
  return rows;
}

}  // namespace

json transition_json(const transition::Lists& lists) {
  json middle = json::array(), townships = json::array();
  int expected = 0, missing = 0, graduates = 0, nowhere = 0;
  for (const auto& m : lists.middle_schools) {
    middle.push_back({{"school_id", m.school_id},
                      {"school_name", m.school_name},
                      {"expected", m.expected},
                      {"arrived", m.arrived},
                      {"missing_count", m.missing.size()},
                      {"missing", missing_json(m.missing)}});
    expected += m.expected;
    missing += static_cast<int>(m.missing.size());
  }
  for (const auto& t : lists.townships) {
    townships.push_back({{"area_id", t.area_id},
                         {"area_name", t.area_name},
                         {"graduates", t.graduates},
                         {"unassigned", t.unassigned},
                         {"nowhere_count", t.nowhere.size()},
                         {"nowhere", missing_json(t.nowhere)}});
    graduates += t.graduates;
    nowhere += static_cast<int>(t.nowhere.size());
  }
  return {{"year", lists.year},
          {"middle_schools", middle},
          {"townships", townships},
          {"totals",
           {{"expected", expected}, {"missing", missing}, {"graduates", graduates}, {"nowhere", nowhere}}}};
}

}  // namespace edu
