#include "analytics/balance_units.h"

namespace edu::analytics {
namespace {

const Code kFullTime = code_of(posts(), "专任教师");
const Code kBachelor = code_of(educations(), "本科");
const Code kJuniorCollege = code_of(educations(), "专科");
const Code kFirstGrade = code_of(titles(), "一级");  // 中级; lower codes are higher titles
const Code kSectionCodes[kSectionCount] = {code_of(sections(), "小学"), code_of(sections(), "初中")};

// The compulsory section a grade belongs to (core/enums.h grade_in_section), or -1.
int section_of_grade(int grade) {
  static const auto table = [] {
    std::array<int, 15> t;  // grades -2 … 12
    t.fill(-1);
    for (int g = -2; g <= 12; ++g)
      for (int k = 0; k < kSectionCount; ++k)
        if (grade_in_section(section_name(static_cast<Section>(k)), g)) t[g + 2] = k;
    return t;
  }();
  return grade >= -2 && grade <= 12 ? table[grade + 2] : -1;
}

bool pe_or_art(Code subject) {
  static const Code kCodes[] = {code_of(subjects(), "体育"), code_of(subjects(), "音乐"),
                                code_of(subjects(), "美术")};
  for (Code c : kCodes)
    if (subject == c) return true;
  return false;
}

// 在校生 (EnrolmentColumns::in_school) by school and section for the year, and every school's total.
struct Headcount {
  std::vector<std::array<double, kSectionCount>> section;
  std::vector<double> total;
};

Headcount count_students(const Snapshot& s, int year) {
  Headcount h{std::vector<std::array<double, kSectionCount>>(s.schools.size()),
              std::vector<double>(s.schools.size(), 0)};
  const auto& e = s.enrolments;
  for (size_t i = 0; i < e.size(); ++i) {
    if (e.year[i] != year || !e.in_school(i)) continue;
    int school = e.school[i];
    h.total[school] += 1;
    int k = section_of_grade(e.grade[i]);
    if (k >= 0) h.section[school][k] += 1;
  }
  return h;
}

void add_conditions(BalanceUnit& u, const Conditions& c) {
  const double share = u.school_share;
  at(u.quantity, Quantity::kTeachingArea) += c.teaching_area * share;
  at(u.quantity, Quantity::kSportsArea) += c.sports_area * share;
  at(u.quantity, Quantity::kEquipment) += c.equipment_value * share;
  at(u.quantity, Quantity::kMultimediaRooms) += static_cast<double>(c.multimedia_rooms) * share;
  at(u.quantity, Quantity::kComputers) += static_cast<double>(c.computers) * share;
  at(u.quantity, Quantity::kBooks) += static_cast<double>(c.books) * share;
}

// Why a school (or one of its sections) is out of scope, or "" when it is in.
std::string exclusion_reason(const SchoolInfo& school, double students, const Conditions* c) {
  if (school.kind == "教学点" && students < kSmallTeachingPoint)
    return "教学点在校生不足" + std::to_string(kSmallTeachingPoint) + "人(" +
           std::to_string(static_cast<int>(students)) + "人)";
  if (students <= 0) return "该学段无在校生";
  if (!c) return "缺少该学年办学条件数据";
  return "";
}

}  // namespace

Quantities teacher_contribution(const Snapshot& s, int t, Section section,
                                const BalanceSettings& settings) {
  Quantities q{};
  const auto& T = s.teachers;
  at(q, Quantity::kTeachers) = 1;
  Code above_limit = section == Section::kPrimary && !settings.primary_above_needs_bachelor
                         ? kJuniorCollege
                         : kBachelor;
  if (T.education[t] <= above_limit) at(q, Quantity::kAboveTeachers) = 1;
  if (T.is_backbone(t)) at(q, Quantity::kBackboneTeachers) = 1;
  if (pe_or_art(T.subject[t])) at(q, Quantity::kPeArtTeachers) = 1;
  if (T.title[t] <= kFirstGrade) at(q, Quantity::kSeniorTitleTeachers) = 1;
  return q;
}

BalanceUnits build_balance_units(const Snapshot& s, int year, const BalanceSettings& settings,
                                 int64_t county_id) {
  BalanceUnits out;
  out.teachers_known = s.teachers_known(year);
  Headcount h = count_students(s, year);
  std::vector<std::array<int, kSectionCount>> unit_of(s.schools.size(), {-1, -1});
  for (size_t i = 0; i < s.schools.size(); ++i) {
    const SchoolInfo& school = s.schools[i];
    if (county_id && school.county_id != county_id) continue;
    if (school.kind == "特殊教育学校" || school.kind == "中等职业学校") {
      out.excluded.push_back({static_cast<int>(i), school.kind == "特殊教育学校" ? "特教" : "中职",
                              school.kind + "不列入义务教育均衡评估"});
      continue;
    }
    const Conditions* c = s.conditions_of(static_cast<int>(i), year);
    for (const std::string& name : sections_of_kind(school.kind)) {
      auto section = section_from_name(name);
      if (!section) continue;
      double students = h.section[i][static_cast<int>(*section)];
      std::string reason = exclusion_reason(school, students, c);
      if (!reason.empty()) {
        out.excluded.push_back({static_cast<int>(i), name, reason});
        continue;
      }
      BalanceUnit u;
      u.school = static_cast<int>(i);
      u.section = *section;
      u.students = students;
      u.school_share = students / h.total[i];
      add_conditions(u, *c);
      unit_of[i][static_cast<int>(*section)] = static_cast<int>(out.included.size());
      out.included.push_back(std::move(u));
    }
  }
  if (!out.teachers_known) return out;
  const auto& T = s.teachers;
  for (size_t t = 0; t < T.size(); ++t) {
    if (T.year[t] != year || T.post[t] != kFullTime) continue;
    for (int k = 0; k < kSectionCount; ++k) {
      if (T.section[t] != kSectionCodes[k]) continue;
      int u = unit_of[T.school[t]][k];
      if (u < 0) continue;
      BalanceUnit& unit = out.included[u];
      Quantities q = teacher_contribution(s, static_cast<int>(t), unit.section, settings);
      for (int j = 0; j < kQuantityCount; ++j) unit.quantity[j] += q[j];
      unit.teachers.push_back(static_cast<int>(t));
    }
  }
  return out;
}

}  // namespace edu::analytics
