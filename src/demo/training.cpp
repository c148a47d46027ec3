#include "demo/training.h"

#include <map>
#include <unordered_map>

#include "core/teacher_section.h"
#include "demo/rng.h"

namespace edu::demo {
namespace {

constexpr int kYears = 5;
constexpr int64_t kCountyHours = 48, kOnlineHours = 30, kSchoolHours = 40;

struct Builder {
  TrainingHistory out;
  Rng rng;
  std::unordered_map<int64_t, bool> weak;  // teachers who attend about half

  int64_t course(std::string name, std::string level, std::string organiser, Date from, Date to, int64_t hours,
                 std::string section, std::optional<int64_t> school) {
    TrainingCourse c;
    c.id = static_cast<int64_t>(out.courses.size()) + 1;
    c.name = std::move(name);
    c.level = std::move(level);
    c.organiser = std::move(organiser);
    c.start_date = from;
    c.end_date = to;
    c.hours = hours;
    c.section = std::move(section);
    c.school_id = school;
    out.courses.push_back(std::move(c));
    return out.courses.back().id;
  }

  void enrol(int64_t course_id, int64_t hours, int64_t teacher_id) {
    RosterEntry e;
    e.course_id = course_id;
    e.teacher_id = teacher_id;
    e.attended = rng.chance(weak[teacher_id] ? 0.5 : 0.985);
    e.passed = e.attended && rng.chance(0.97);
    e.hours_credited = e.passed ? hours : 0;
    out.entries.push_back(e);
  }
};

}  // namespace

TrainingHistory training_history(const Registers& county, const DemoSettings& settings) {
  Builder b{{}, Rng(settings.seed ^ 0x7261696E696E67ull), {}};
  std::unordered_map<int64_t, const School*> schools;
  for (const School& s : county.schools) schools[s.id] = &s;
  std::vector<const Teacher*> teachers;
  for (const Teacher& t : county.teachers)
    if (t.post == "专任教师" && schools.count(t.school_id)) {
      teachers.push_back(&t);
      b.weak[t.id] = b.rng.chance(0.1);
    }
  const std::string county_name = settings.county_name;
  for (int y = settings.current_school_year - kYears + 1; y <= settings.current_school_year; ++y) {
    std::vector<const Teacher*> in_post;
    for (const Teacher* t : teachers)
      if (t->hired_on <= Date{y, 9, 1}) in_post.push_back(t);
    const std::string year = std::to_string(y);
    // 校本: one per school with teachers in post, in school order.
    std::map<int64_t, int64_t> school_course;
    for (const School& s : county.schools)
      for (const Teacher* t : in_post)
        if (t->school_id == s.id) {
          school_course[s.id] = b.course(year + "年秋季校本研修", kSchoolBasedLevel, s.name, Date{y, 9, 5},
                                         Date{y, 9, 30}, kSchoolHours, "", s.id);
          break;
        }
    std::map<std::string, int64_t> county_course;
    for (const Teacher* t : in_post) {
      const std::string section = teacher_section(t->section, schools.at(t->school_id)->kind, t->subject);
      if (!county_course.count(section))
        county_course[section] = b.course(year + "年" + section + "教师全员培训", "县",
                                          county_name + "教师发展中心", Date{y, 10, 12}, Date{y, 10, 16},
                                          kCountyHours, section, std::nullopt);
    }
    const int64_t online = b.course(year + "年国培计划网络研修", "省", "省教育厅", Date{y, 11, 2}, Date{y, 11, 20},
                                    kOnlineHours, "", std::nullopt);
    for (const Teacher* t : in_post) {
      const std::string section = teacher_section(t->section, schools.at(t->school_id)->kind, t->subject);
      b.enrol(school_course.at(t->school_id), kSchoolHours, t->id);
      b.enrol(county_course.at(section), kCountyHours, t->id);
      if (b.rng.chance(0.4)) b.enrol(online, kOnlineHours, t->id);
    }
  }
  return std::move(b.out);
}

}  // namespace edu::demo
