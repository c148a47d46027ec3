#include "demo/check_findings.h"

#include <unordered_map>
#include <unordered_set>

#include "core/id_number.h"

namespace edu::demo {
namespace {

// The ID number with its birth day's last digit moved by one (staying a real
// day of the month), or "" when neither neighbour is one.
std::string one_date_digit_off(const std::string& id_number, const Date& birth) {
  for (int step : {1, -1}) {
    const int day = birth.day + step;
    if (day / 10 != birth.day / 10 || !is_valid_date(birth.year, birth.month, day)) continue;
    std::string first17 = id_number.substr(0, 17);
    first17[13] = static_cast<char>('0' + day % 10);
    return first17 + id_check_char(first17);
  }
  return "";
}

// The same person's number under another sequence (same parity: same gender).
std::string another_sequence(const std::string& id_number, const std::unordered_set<std::string>& used) {
  const int parity = (id_number[16] - '0') % 2;
  for (int sequence = 998 + parity; sequence > 0; sequence -= 2) {
    std::string first17 = id_number.substr(0, 14) + std::to_string(sequence);
    if (!used.count(first17)) return first17 + id_check_char(first17);
  }
  return "";
}

}  // namespace

std::vector<Student> duplicate_records(const DemoCounty& county, int school_year) {
  std::unordered_set<std::string> used;
  for (const Student& s : county.students) used.insert(s.id_number.substr(0, 17));
  std::unordered_map<int64_t, const SchoolClass*> classes;
  for (const SchoolClass& c : county.classes) classes[c.id] = &c;
  std::vector<Student> out;
  std::unordered_set<int64_t> schools_used;
  for (size_t i = 0; i < county.students.size() && out.size() < 3; i += 101) {
    const Student& s = county.students[i];
    if (s.status != "在读" || !s.class_id || s.id_number.size() != 18 || schools_used.count(s.school_id)) continue;
    const SchoolClass& own = *classes.at(*s.class_id);
    if (own.school_year != school_year) continue;
    const SchoolClass* elsewhere = nullptr;
    for (const SchoolClass& c : county.classes)
      if (c.school_year == school_year && c.school_id != s.school_id && c.section == own.section &&
          c.grade == own.grade) {
        elsewhere = &c;
        break;
      }
    if (!elsewhere) continue;
    Student copy = s;
    copy.school_id = elsewhere->school_id;
    copy.class_id = elsewhere->id;
    copy.enrolled_on = Date{school_year, 9, 1};
    copy.id_number = out.size() < 2 ? another_sequence(s.id_number, used) : one_date_digit_off(s.id_number, s.birth_date);
    if (copy.id_number.empty() || used.count(copy.id_number.substr(0, 17))) continue;
    if (auto info = check_id_number(copy.id_number, Date{school_year + 1, 8, 31}); info.ok())
      copy.birth_date = info->birth_date;
    else
      continue;
    used.insert(copy.id_number.substr(0, 17));
    schools_used.insert(s.school_id);
    schools_used.insert(copy.school_id);
    out.push_back(copy);
  }
  return out;
}

}  // namespace edu::demo
