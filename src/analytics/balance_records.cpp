#include "analytics/balance_records.h"

namespace edu::analytics {

RecordLinks balance_cell_records(Quantity quantity, const SchoolInfo& school, Section section,
                                 int year, const BalanceSettings& settings, bool teachers_known) {
  const std::string id = std::to_string(school.id), name = section_name(section);
  RecordLinks links;
  links.denominator =
      RecordList{"students",
                 {{"school_year", std::to_string(year)}, {"school_id", id}, {"section", name}, {"in_school", "1"}}};
  if (!teachers_known) return links;
  RecordQuery teachers = {
      {"school_year", std::to_string(year)}, {"school_id", id}, {"section", name}, {"post", "专任教师"}};
  if (quantity == Quantity::kAboveTeachers &&
      !(section == Section::kPrimary && settings.primary_above_needs_bachelor))
    teachers.push_back({"education_standard", "高于规定"});
  else if (quantity == Quantity::kBackboneTeachers)
    teachers.push_back({"is_backbone", "1"});
  else if (quantity != Quantity::kTeachers)
    return links;
  links.numerator = RecordList{"teachers", std::move(teachers)};
  return links;
}

}  // namespace edu::analytics
