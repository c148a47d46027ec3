// How the demo county is made, in four steps:
//  1. areas: the county and 12–15 townships, the county seat first;
//  2. schools: planned kind by kind, each with classes per grade ("streams")
//     and a usual class size per section;
//  3. the register, run forward one school year at a time from the first
//     history year: entrants, promotion, graduation into the next school level
//     (大班 -> 一年级 and 六年级 -> 七年级 within the township, 九年级 -> 高中阶段
//     county-wide as places allow), dropouts and transfers;
//  4. staff (sized on the current year's students) with their rows of every
//     history year, head teachers, and the conditions of every school in
//     every history year.
#include "demo/generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>
#include <unordered_set>

#include "core/enums.h"
#include "core/id_number.h"
#include "demo/names.h"
#include "demo/rng.h"

namespace edu::demo {
namespace {

using Table = std::vector<std::pair<std::string, double>>;

// Pupils planned at scale 1.0; after a year of leavers about 60,000 are 在读.
constexpr double kPupilsPerScale = 61000;
constexpr double kTransferOut = 0.01;  // per student and year
constexpr double kTransferIn = 0.01;

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string chinese_number(int n) {  // 1..99: 一, 十二, 二十三; from 100 (province scale) in digits
  static const char* kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n >= 100) return std::to_string(n);
  if (n < 10) return kDigits[n];
  return std::string(n >= 20 ? kDigits[n / 10] : "") + "十" + kDigits[n % 10];
}

std::pair<int, int> grade_range(const std::string& section) {
  if (section == "学前") return {-2, 0};
  if (section == "小学") return {1, 6};
  if (section == "初中") return {7, 9};
  if (section == "特教") return {1, 9};
  return {10, 12};  // 高中, 中职
}

// A birth date that makes someone exactly `age` on 1 September of `year`.
Date birth_for_age(Rng& rng, int age, int year) {
  int month = (8 + rng.below(12)) % 12 + 1;  // September .. August
  int birth_year = year - age - (month >= 9 ? 1 : 0);
  int day = rng.between(1, days_in_month(birth_year, month));
  if (month == 9 && day == 1) ++birth_year;  // else a year older: the birthday is that day
  return Date{birth_year, month, day};
}

// Issues GB 11643 numbers, unique over everyone generated.
// Precondition: the county code is 6 digits (its neighbours are code + 1, + 3).
class IdIssuer {
 public:
  // A county of `scale` > 1 is as big as ⌈scale⌉ counties, and so many counties'
  // births share out the 500 numbers per date and sex: its own code, then
  // codes 100 apart (the same county in the province's other cities).
  IdIssuer(const std::string& county_code, double scale) : county_(std::stoull(county_code)) {
    for (int k = 0; k < std::max(1, static_cast<int>(std::ceil(scale))); ++k) homes_.push_back(county_ + 100 * k);
    neighbours_ = {county_ + 1, county_ + 3};
    used_.reserve(1 << 17);
  }
  // Mostly the county's own codes; `outsiders` is the share born elsewhere.
  std::string issue(Rng& rng, const Date& birth, bool male, double outsiders) {
    uint64_t area = rng.chance(outsiders) ? rng.pick(neighbours_)
                    : homes_.size() == 1 ? county_ : rng.pick(homes_);
    uint64_t born = static_cast<uint64_t>(birth.year * 10000 + birth.month * 100 + birth.day);
    uint64_t first17;
    do {
      uint64_t sequence = static_cast<uint64_t>(rng.below(500) * 2 + (male ? 1 : 0));
      first17 = (area * 100000000 + born) * 1000 + sequence;
    } while (!used_.insert(first17).second);
    std::string id = std::to_string(first17);
    return id + id_check_char(id);
  }

 private:
  uint64_t county_;
  std::vector<uint64_t> homes_, neighbours_;
  std::unordered_set<uint64_t> used_;  // the first 17 digits
};

// ---------------------------------------------------------------- areas

struct Township {
  int64_t area_id = 0;
  std::string name;
  std::string minority;
  double minority_share = 0;
  std::vector<std::string> villages;  // in the order they are given to schools
  size_t next_village = 0;
  int centre_primary = -1;  // index of its 中心小学, if any

  std::string village() { return villages[next_village++ % villages.size()]; }
};

std::vector<Township> build_areas(const DemoSettings& st, Rng& rng, std::vector<Area>& areas) {
  areas.push_back(Area{1, std::nullopt, st.county_code, st.county_name, "县"});
  const auto& pool = township_names();
  std::vector<size_t> picked;
  for (size_t i = 1; i < pool.size(); ++i) picked.push_back(i);
  rng.shuffle(picked);
  picked.resize(rng.between(12, 15) - 1);
  std::sort(picked.begin(), picked.end());
  picked.insert(picked.begin(), 0);  // the county seat

  std::vector<Township> towns;
  int jiedao = 0, zhen = 0, xiang = 0;  // codes: 街道 0xx, 镇 1xx, 乡 2xx
  for (size_t i : picked) {
    Township t;
    t.name = pool[i].name;
    t.minority = pool[i].minority;
    t.minority_share = pool[i].minority_share;
    t.villages = village_names();
    rng.shuffle(t.villages);
    int code = ends_with(t.name, "街道") ? 1 + jiedao++
               : ends_with(t.name, "镇") ? 100 + zhen++
                                         : 200 + xiang++;
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%03d", code);
    t.area_id = static_cast<int64_t>(areas.size()) + 1;
    areas.push_back(Area{t.area_id, 1, st.county_code + suffix, t.name, "乡镇"});
    towns.push_back(std::move(t));
  }
  return towns;
}

// ---------------------------------------------------------------- schools

struct SectionPlan {
  std::string section;
  int first_grade = 0;
  int last_grade = 0;
  int streams = 1;         // classes per grade, i.e. classrooms
  double class_size = 45;  // usual students per class
};

struct SchoolPlan {
  int town = 0;
  std::vector<SectionPlan> sections;
};

struct Size {  // drawn per school: classes per grade and the usual class size
  int streams_lo, streams_hi;
  double size_lo, size_hi;
};

class SchoolPlanner {
 public:
  SchoolPlanner(const DemoSettings& st, std::vector<Township>& towns, Rng& rng,
                std::vector<School>& schools, std::vector<SchoolPlan>& plans)
      : st_(st), towns_(towns), rng_(rng), schools_(schools), plans_(plans) {}

  // Adds a school of `kind` with one Size per section of the kind; returns its index.
  int add(const std::string& kind, const std::string& name, const std::string& location, int town,
          const std::vector<Size>& sizes, const std::string& ownership = "公办",
          const std::string& village = "") {
    School s;
    s.id = static_cast<int64_t>(schools_.size()) + 1;
    char code[16];
    std::snprintf(code, sizeof code, "21%s%04d", st_.county_code.substr(2, 4).c_str(),
                  static_cast<int>(s.id));
    s.code = code;
    s.name = name;
    s.kind = kind;
    s.ownership = ownership;
    s.location = location;
    s.area_id = towns_[town].area_id;
    const std::string place = st_.county_name + towns_[town].name;
    if (location == "城区")
      s.address = place + rng_.pick(street_names()) + std::to_string(rng_.between(1, 299)) + "号";
    else if (location == "镇区")
      s.address = place + (rng_.chance(0.5) ? "正街" : "新街") +
                  std::to_string(rng_.between(1, 120)) + "号";
    else
      s.address = place + village + "村";
    s.phone = std::string("0739-") + (location == "城区" ? "8" : "6") +
              std::to_string(rng_.between(100000, 999999));
    s.founded_year = founded_year(kind, location, ownership);
    schools_.push_back(s);

    SchoolPlan plan;
    plan.town = town;
    auto sections = sections_of_kind(kind);
    for (size_t k = 0; k < sections.size(); ++k) {
      auto [first, last] = grade_range(sections[k]);
      const Size& z = sizes[k];
      plan.sections.push_back(SectionPlan{sections[k], first, last,
                                          rng_.between(z.streams_lo, z.streams_hi),
                                          rng_.uniform(z.size_lo, z.size_hi)});
    }
    plans_.push_back(plan);
    return static_cast<int>(schools_.size()) - 1;
  }

 private:
  int founded_year(const std::string& kind, const std::string& location,
                   const std::string& ownership) {
    if (ownership == "民办") return rng_.between(2000, 2021);
    if (kind == "高级中学") return rng_.between(1905, 1958);
    if (kind == "完全中学") return rng_.between(1950, 1975);
    if (kind == "中等职业学校") return rng_.between(1978, 1990);
    if (kind == "特殊教育学校") return rng_.between(1992, 2008);
    if (kind == "九年一贯制学校")
      return location == "城区" ? rng_.between(2012, 2018) : rng_.between(1958, 1990);
    if (kind == "幼儿园")
      return location == "城区" ? rng_.between(1955, 1995) : rng_.between(1985, 2012);
    if (kind == "教学点") return rng_.between(1960, 1995);
    if (location == "城区") return rng_.between(1910, 1980);
    return rng_.between(1920, 1990);
  }

  const DemoSettings& st_;
  std::vector<Township>& towns_;
  Rng& rng_;
  std::vector<School>& schools_;
  std::vector<SchoolPlan>& plans_;
};

// Plans every institution of the county. Counts follow the scale (at least one
// of each kind); the county seat gets the large urban schools, every other
// township a centre school of each level and village schools in turn.
std::vector<SchoolPlan> plan_schools(const DemoSettings& st, std::vector<Township>& towns, Rng& rng,
                                     std::vector<School>& schools) {
  std::vector<SchoolPlan> plans;
  SchoolPlanner p(st, towns, rng, schools, plans);
  const int n_towns = static_cast<int>(towns.size());
  auto count = [&](double at_scale_1) {
    return std::max(1, static_cast<int>(std::lround(at_scale_1 * st.scale)));
  };
  auto rural = [&](int i) { return 1 + i % (n_towns - 1); };  // cycles over non-seat townships
  const std::string& county = st.county_name;

  const int seniors = count(3);
  for (int i = 0; i < seniors; ++i) {
    std::string name = county + "第" + chinese_number(i + 1) + "中学";
    if (i == 0)
      p.add("高级中学", name, "城区", 0, {{12, 14, 65, 67}});
    else if (i == 1)
      p.add("高级中学", name, "城区", 0, {{10, 12, 56, 60}});
    else
      p.add("高级中学", name, "镇区", rural(i - 2), {{6, 8, 52, 58}});
  }
  const int completes = count(3);
  for (int i = 0; i < completes; ++i)
    p.add("完全中学", county + "第" + chinese_number(seniors + i + 1) + "中学", "镇区",
          rural(i + 1), {{4, 5, 48, 56}, {3, 4, 50, 58}});
  p.add("中等职业学校", county + "职业中等专业学校", "城区", 0, {{10, 12, 45, 52}});
  p.add("特殊教育学校", county + "特殊教育学校", "城区", 0, {{1, 1, 8, 14}});

  const int juniors = count(20);
  for (int i = 0; i < juniors; ++i) {
    if (i == 0) {
      p.add("初级中学", county + "实验中学", "城区", 0, {{9, 10, 56, 62}});
    } else if (i < n_towns) {
      p.add("初级中学", towns[i].name + "中学", "镇区", i, {{3, 5, 44, 54}});
    } else if (i < n_towns + 2) {
      p.add("初级中学", county + (i == n_towns ? "城东中学" : "城西中学"), "城区", 0,
            {{7, 8, 50, 56}});
    } else {
      int t = rural(i - n_towns - 2);
      std::string v = towns[t].village();
      p.add("初级中学", towns[t].name + v + "中学", "乡村", t, {{1, 1, 36, 48}}, "公办", v);
    }
  }
  const int nine_year = count(10);
  for (int i = 0; i < nine_year; ++i) {
    if (i == 0) {
      p.add("九年一贯制学校", county + "思源实验学校", "城区", 0, {{6, 6, 50, 54}, {6, 6, 54, 58}});
    } else {
      int t = n_towns - 1 - (i - 1) % (n_towns - 1);  // from the last township backwards
      std::string v = towns[t].village();
      p.add("九年一贯制学校", towns[t].name + v + "学校", "乡村", t,
            {{1, 1, 26, 40}, {1, 2, 36, 48}}, "公办", v);
    }
  }
  static const char* kUrbanPrimary[] = {"城东小学", "城南小学", "城北小学", "城西小学"};
  const int primaries = count(52);
  for (int i = 0; i < primaries; ++i) {
    if (i == 0) {
      p.add("小学", county + "实验小学", "城区", 0, {{8, 8, 58, 62}});
    } else if (i < n_towns) {
      towns[i].centre_primary =
          p.add("小学", towns[i].name + "中心小学", "镇区", i, {{2, 4, 42, 54}});
    } else if (i < n_towns + 4) {
      p.add("小学", county + kUrbanPrimary[i - n_towns], "城区", 0, {{5, 7, 48, 58}});
    } else {
      int t = rural(i - n_towns - 4);
      std::string v = towns[t].village();
      p.add("小学", towns[t].name + v + "村小学", "乡村", t, {{1, 1, 22, 42}}, "公办", v);
    }
  }
  std::vector<int> with_centre;  // 教学点 are run by their township's 中心小学
  for (int t = 1; t < n_towns; ++t)
    if (towns[t].centre_primary >= 0) with_centre.push_back(t);
  const int points = count(22);
  for (int i = 0; i < points && !with_centre.empty(); ++i) {
    int t = with_centre[i % with_centre.size()];
    std::string v = towns[t].village();
    int s = p.add("教学点", towns[t].name + v + "村教学点", "乡村", t, {{1, 1, 2, 9}}, "公办", v);
    schools[s].parent_school_id = schools[towns[t].centre_primary].id;
  }
  const auto& brands = kindergarten_brands();
  const int kindergartens = count(38);
  for (int i = 0; i < kindergartens; ++i) {
    if (i == 0) {
      p.add("幼儿园", county + "第一幼儿园", "城区", 0, {{5, 7, 32, 38}});
    } else if (i < n_towns) {
      p.add("幼儿园", towns[i].name + "中心幼儿园", "镇区", i, {{2, 3, 28, 34}});
    } else if (i < n_towns + 2) {
      p.add("幼儿园", county + (i == n_towns ? "第二幼儿园" : "机关幼儿园"), "城区", 0,
            {{4, 5, 30, 36}});
    } else {
      int k = i - n_towns - 2, n_brands = static_cast<int>(brands.size());
      std::string brand = brands[k % n_brands] + "幼儿园";
      if (k >= n_brands) brand += "第" + chinese_number(k / n_brands + 1) + "分园";
      if (k % 3 == 0)
        p.add("幼儿园", county + brand, "城区", 0, {{2, 4, 28, 36}}, "民办");
      else
        p.add("幼儿园", towns[rural(k)].name + brand, "镇区", rural(k), {{1, 2, 24, 32}}, "民办");
    }
  }

  // Fit the number of classes so that the county has about 60,000·scale pupils.
  double planned = 0;
  for (const auto& plan : plans)
    for (const auto& sec : plan.sections)
      planned += sec.streams * sec.class_size * (sec.last_grade - sec.first_grade + 1);
  double fit = kPupilsPerScale * st.scale / planned;
  double carry = 0;  // pupils the rounding has added so far
  for (auto& plan : plans)
    for (auto& sec : plan.sections) {
      double per_stream = sec.class_size * (sec.last_grade - sec.first_grade + 1);
      double wanted = sec.streams * fit * per_stream;
      sec.streams = std::max(1, static_cast<int>(std::lround((wanted - carry) / per_stream)));
      carry += sec.streams * per_stream - wanted;
    }
  return plans;
}

// ---------------------------------------------------------------- students

double dropout_rate(const std::string& section) {
  if (section == "小学") return 0.0005;
  if (section == "初中") return 0.003;
  if (section == "高中") return 0.008;
  if (section == "中职") return 0.02;
  if (section == "特教") return 0.005;
  return 0;
}

const Table& ethnicity_mix() {  // outside the minority townships
  static const Table t = {{"汉族", 930}, {"苗族", 20}, {"瑶族", 15}, {"土家族", 15}, {"侗族", 10},
                          {"回族", 5},   {"壮族", 2},  {"满族", 1},  {"蒙古族", 1},  {"其他", 1}};
  return t;
}

struct Pupil {  // a student's place while the register runs
  int grade = 0;
  int class_no = 0;
  size_t enrolment = 0;  // its row of the latest school year
};

// Pupils by [school][section][grade - first grade of the section].
using Roster = std::vector<std::vector<std::vector<std::vector<int>>>>;
// Pupils by [school][section], e.g. entrants to each section's first grade.
using BySection = std::vector<std::vector<std::vector<int>>>;

// Runs the register forward from the first history year to the current one.
// Students, their enrolments and the classes go straight into `out`.
class Enroller {
 public:
  Enroller(const DemoSettings& st, DemoCounty& out, const std::vector<Township>& towns,
           const std::vector<SchoolPlan>& plans, IdIssuer& ids, Rng rng)
      : st_(st),
        out_(out),
        towns_(towns),
        plans_(plans),
        ids_(ids),
        rng_(rng),
        first_year_(st.current_school_year - std::max(1, st.history_years) + 1) {
    headcount.assign(plans.size(), std::vector<int>(st.current_school_year - first_year_ + 1));
    current_pupils.resize(plans.size());
    current_classes.resize(plans.size());
    for (size_t s = 0; s < plans.size(); ++s) {
      current_pupils[s].assign(plans[s].sections.size(), 0);
      current_classes[s].assign(plans[s].sections.size(), 0);
    }
  }

  void run() {
    Roster roster = empty_roster();
    for (size_t s = 0; s < plans_.size(); ++s)
      for (size_t k = 0; k < plans_[s].sections.size(); ++k) {
        const SectionPlan& sec = plans_[s].sections[k];
        for (int g = sec.first_grade; g <= sec.last_grade; ++g) {
          auto& list = roster[s][k][g - sec.first_grade];
          for (int n = target(sec); n > 0; --n) list.push_back(new_pupil(s, k, g, first_year_));
          assign_classes(list, sec);
        }
      }
    record(first_year_, roster);
    for (int year = first_year_ + 1; year <= st_.current_school_year; ++year) {
      roster = next_year(roster, year);
      record(year, roster);
    }
    in_year_events(roster);
  }

  std::vector<std::vector<int>> headcount;        // pupils by [school][year - first year]
  std::vector<std::vector<int>> current_pupils;   // this year, by [school][section]
  std::vector<std::vector<int>> current_classes;  // this year, by [school][section]

 private:
  Roster empty_roster() const {
    Roster r(plans_.size());
    for (size_t s = 0; s < plans_.size(); ++s)
      for (const auto& sec : plans_[s].sections)
        r[s].emplace_back(sec.last_grade - sec.first_grade + 1);
    return r;
  }

  // Pupils of a grade of a section: its classes times the usual size, give or take.
  int target(const SectionPlan& sec) {
    return std::max(
        1, static_cast<int>(std::lround(sec.streams * sec.class_size * rng_.uniform(0.92, 1.08))));
  }

  // A pupil new to the county's register, in `grade` of section k of school s.
  int new_pupil(int s, int k, int grade, int year) {
    const School& school = out_.schools[s];
    const SectionPlan& sec = plans_[s].sections[k];
    const Township& town = towns_[plans_[s].town];
    const bool urban = school.location == "城区", rural = school.location == "乡村";

    Student st;
    st.id = static_cast<int64_t>(out_.students.size()) + 1;
    bool male = rng_.chance(0.52);
    st.gender = male ? "男" : "女";
    double r = rng_.unit();
    int age = usual_entry_age(grade) + (r < 0.07 ? 1 : r < 0.10 ? -1 : 0);
    st.birth_date = birth_for_age(rng_, age, year);
    st.id_number = ids_.issue(rng_, st.birth_date, male, 0.03);
    st.name = person_name(rng_, male, st.birth_date.year);
    st.ethnicity = !town.minority.empty() && rng_.chance(town.minority_share)
                       ? town.minority
                       : rng_.weighted(ethnicity_mix());
    st.household = rng_.chance(urban ? 0.75 : rural ? 0.08 : 0.4) ? "城镇" : "农村";
    st.left_behind = rng_.chance(urban ? 0.04 : rural ? 0.25 : 0.16);
    st.disabled = sec.section == "特教" || rng_.chance(0.005);
    st.status = "在读";
    out_.students.push_back(std::move(st));
    pupils_.push_back(Pupil{});
    int p = static_cast<int>(pupils_.size()) - 1;
    place(p, s, grade, year - (grade - sec.first_grade));
    return p;
  }

  // Puts pupil p into `grade` of school s; `entry_year` is when the pupil
  // started the first grade of the section.
  void place(int p, int s, int grade, int entry_year) {
    pupils_[p].grade = grade;
    out_.students[p].school_id = out_.schools[s].id;
    out_.students[p].enrolled_on = Date{entry_year, 9, 1};
  }

  // Pupil p leaves the register; `status` closes its latest enrolment.
  void leave(int p, const char* status) {
    out_.students[p].status = status;
    out_.enrolments[pupils_[p].enrolment].status = status;
  }

  // New classes of a grade: as many as the school has rooms for, more if the
  // grade is much larger than usual; pupils spread evenly.
  void assign_classes(std::vector<int>& list, const SectionPlan& sec) {
    int classes =
        std::max(sec.streams, static_cast<int>(std::lround(list.size() / sec.class_size)));
    rng_.shuffle(list);
    for (size_t i = 0; i < list.size(); ++i)
      pupils_[list[i]].class_no = 1 + static_cast<int>(i % classes);
  }

  // The roster of `year` from the roster of the year before.
  Roster next_year(const Roster& last, int year) {
    Roster next = empty_roster();
    BySection entrants(plans_.size());
    for (size_t s = 0; s < plans_.size(); ++s) entrants[s].resize(plans_[s].sections.size());
    std::vector<std::vector<int>> kindergarten_leavers(towns_.size()),
        primary_leavers(towns_.size());
    std::vector<int> junior_leavers;

    for (size_t s = 0; s < plans_.size(); ++s)
      for (size_t k = 0; k < plans_[s].sections.size(); ++k) {
        const SectionPlan& sec = plans_[s].sections[k];
        for (size_t g = 0; g < last[s][k].size(); ++g)
          for (int p : last[s][k][g]) {
            double r = rng_.unit();
            double dropout = dropout_rate(sec.section);
            if (r < dropout) {
              leave(p, "辍学");
            } else if (r < dropout + kTransferOut) {
              leave(p, "转出");
            } else if (pupils_[p].grade < sec.last_grade) {
              ++pupils_[p].grade;
              next[s][k][g + 1].push_back(p);
            } else {
              // The section's last grade: 毕业, as the 学年升级 records it.
              out_.enrolments[pupils_[p].enrolment].status = "毕业";
              int town = plans_[s].town;
              if (k + 1 < plans_[s].sections.size() && plans_[s].sections[k + 1].section == "初中")
                entrants[s][k + 1].push_back(p);  // 九年一贯制: 六年级 -> 七年级 in the same school
              else if (sec.section == "学前" && rng_.chance(0.85))
                kindergarten_leavers[town].push_back(p);
              else if (sec.section == "小学" && rng_.chance(0.97))
                primary_leavers[town].push_back(p);
              else if (sec.section == "初中")
                junior_leavers.push_back(p);
              else
                leave(p, "毕业");
            }
          }
      }

    std::vector<std::vector<int>> targets(plans_.size());
    for (size_t s = 0; s < plans_.size(); ++s)
      for (const auto& sec : plans_[s].sections) targets[s].push_back(target(sec));
    admit_within_townships(kindergarten_leavers, "小学", targets, entrants);
    admit_within_townships(primary_leavers, "初中", targets, entrants);
    admit_as_places_allow(junior_leavers, targets, entrants);

    for (size_t s = 0; s < plans_.size(); ++s)
      for (size_t k = 0; k < plans_[s].sections.size(); ++k) {
        const SectionPlan& sec = plans_[s].sections[k];
        auto& list = entrants[s][k];
        for (int p : list) place(p, s, sec.first_grade, year);
        // 七年级 takes the township's 六年级 and a few arrivals; other first
        // grades are topped up with children new to the register.
        int wanted = sec.section == "初中" && !list.empty()
                         ? static_cast<int>(std::lround(list.size() * (1 + kTransferIn)))
                         : targets[s][k];
        while (static_cast<int>(list.size()) < wanted)
          list.push_back(new_pupil(s, k, sec.first_grade, year));
        assign_classes(list, sec);
        next[s][k][0] = std::move(list);
        for (size_t g = 1; g < next[s][k].size(); ++g)
          add_transfers_in(next[s][k][g], s, k, sec.first_grade + static_cast<int>(g), year);
      }
    return next;
  }

  // Compulsory education admits every child: each township's leavers go to the
  // schools of `section` in the township, in proportion to what each still
  // needs; leavers of townships without such a school go anywhere in the county.
  void admit_within_townships(std::vector<std::vector<int>>& leavers, const std::string& section,
                              const std::vector<std::vector<int>>& targets, BySection& entrants) {
    std::vector<std::vector<std::pair<int, int>>> by_town(towns_.size());
    std::vector<std::pair<int, int>> all;
    for (size_t s = 0; s < plans_.size(); ++s)
      for (size_t k = 0; k < plans_[s].sections.size(); ++k)
        if (plans_[s].sections[k].section == section) {
          by_town[plans_[s].town].emplace_back(s, k);
          all.emplace_back(s, k);
        }
    std::vector<int> homeless;
    for (size_t t = 0; t < towns_.size(); ++t) {
      if (by_town[t].empty())
        homeless.insert(homeless.end(), leavers[t].begin(), leavers[t].end());
      else
        share(leavers[t], by_town[t], targets, entrants);
    }
    if (all.empty()) {
      for (int p : homeless) leave(p, "毕业");
    } else {
      share(homeless, all, targets, entrants);
    }
  }

  // Splits the pool among the receivers (school, section) in proportion to
  // the places each still has.
  void share(const std::vector<int>& pool, const std::vector<std::pair<int, int>>& receivers,
             const std::vector<std::vector<int>>& targets, BySection& entrants) {
    std::vector<double> needs;
    double total = 0;
    for (auto [s, k] : receivers) {
      needs.push_back(std::max(0, targets[s][k] - static_cast<int>(entrants[s][k].size())));
      total += needs.back();
    }
    if (total == 0)  // all full already: share by size
      for (size_t i = 0; i < receivers.size(); ++i) {
        needs[i] = targets[receivers[i].first][receivers[i].second];
        total += needs[i];
      }
    double cumulative = 0;
    size_t begin = 0;
    for (size_t i = 0; i < receivers.size(); ++i) {
      cumulative += needs[i];
      size_t end = i + 1 == receivers.size()
                       ? pool.size()
                       : static_cast<size_t>(std::lround(pool.size() * cumulative / total));
      auto [s, k] = receivers[i];
      entrants[s][k].insert(entrants[s][k].end(), pool.begin() + begin, pool.begin() + end);
      begin = end;
    }
  }

  // 九年级 leavers fill the county's 高中 and then 中职 places; the others
  // leave the register as graduates (schooling elsewhere, or work).
  void admit_as_places_allow(std::vector<int>& leavers,
                             const std::vector<std::vector<int>>& targets, BySection& entrants) {
    rng_.shuffle(leavers);
    size_t next = 0;
    for (const char* section : {"高中", "中职"})
      for (size_t s = 0; s < plans_.size(); ++s)
        for (size_t k = 0; k < plans_[s].sections.size(); ++k)
          if (plans_[s].sections[k].section == section)
            while (next < leavers.size() && static_cast<int>(entrants[s][k].size()) < targets[s][k])
              entrants[s][k].push_back(leavers[next++]);
    for (; next < leavers.size(); ++next) leave(leavers[next], "毕业");
  }

  // Pupils moving in from outside the county join a grade's existing classes.
  void add_transfers_in(std::vector<int>& list, int s, int k, int grade, int year) {
    int classes = 1, arrivals = 0;
    for (int p : list) {
      classes = std::max(classes, pupils_[p].class_no);
      if (rng_.chance(kTransferIn)) ++arrivals;
    }
    for (; arrivals > 0; --arrivals) {
      int p = new_pupil(s, k, grade, year);
      pupils_[p].class_no = rng_.between(1, classes);
      list.push_back(p);
    }
  }

  // Classes and enrolments of `year`; the current year also sets class_id.
  void record(int year, const Roster& roster) {
    for (size_t s = 0; s < plans_.size(); ++s)
      for (size_t k = 0; k < plans_[s].sections.size(); ++k) {
        const SectionPlan& sec = plans_[s].sections[k];
        for (size_t g = 0; g < roster[s][k].size(); ++g) {
          const auto& list = roster[s][k][g];
          if (list.empty()) continue;
          int grade = sec.first_grade + static_cast<int>(g);
          int classes = 0;
          for (int p : list) classes = std::max(classes, pupils_[p].class_no);
          int64_t first_id = static_cast<int64_t>(out_.classes.size()) + 1;
          for (int c = 1; c <= classes; ++c)
            out_.classes.push_back(SchoolClass{
                first_id + c - 1, out_.schools[s].id, year, sec.section, grade, c,
                class_label(sec.section, grade, c), std::nullopt});
          for (int p : list) {
            int64_t class_id = first_id + pupils_[p].class_no - 1;
            pupils_[p].enrolment = out_.enrolments.size();
            out_.enrolments.push_back(
                Enrolment{out_.students[p].id, year, out_.schools[s].id, class_id, grade, "在读"});
            if (year == st_.current_school_year) out_.students[p].class_id = class_id;
          }
          headcount[s][year - first_year_] += static_cast<int>(list.size());
          if (year == st_.current_school_year) {
            current_pupils[s][k] += static_cast<int>(list.size());
            current_classes[s][k] += classes;
          }
        }
      }
  }

  // The current year is under way: a few pupils have suspended their studies,
  // dropped out or moved away since September. They keep this year's class,
  // where their enrolment records the status (the rollover clears it).
  void in_year_events(const Roster& roster) {
    for (size_t s = 0; s < plans_.size(); ++s)
      for (size_t k = 0; k < plans_[s].sections.size(); ++k)
        for (const auto& list : roster[s][k])
          for (int p : list) {
            double r = rng_.unit();
            double dropout = dropout_rate(plans_[s].sections[k].section) / 3;
            if (r < 0.0005) {
              leave(p, "休学");
            } else if (r < 0.0005 + dropout) {
              leave(p, "辍学");
            } else if (r < 0.0005 + dropout + kTransferOut / 3) {
              leave(p, "转出");
            }
          }
  }

  const DemoSettings& st_;
  DemoCounty& out_;
  const std::vector<Township>& towns_;
  const std::vector<SchoolPlan>& plans_;
  IdIssuer& ids_;
  Rng rng_;
  const int first_year_;
  std::vector<Pupil> pupils_;  // parallel to out_.students
};

// ---------------------------------------------------------------- staff

// Students per 专任教师 of a section.
double pupils_per_teacher(const std::string& section, const std::string& location) {
  if (section == "学前") return 15;
  if (section == "小学") return location == "城区" ? 19 : location == "镇区" ? 17 : 15;
  if (section == "初中") return location == "城区" ? 13 : location == "镇区" ? 12 : 10.5;
  if (section == "高中") return 12.5;
  if (section == "中职") return 14;
  return 3.5;  // 特教
}

const Table& education_table(const std::string& section, const std::string& location,
                             bool private_school) {
  static const Table kPrivateKindergarten = {{"高中及以下", 30}, {"专科", 55}, {"本科", 15}};
  static const Table kKindergarten = {{"高中及以下", 10}, {"专科", 50}, {"本科", 40}};
  static const Table kPrimaryUrban = {{"研究生", 2}, {"本科", 63}, {"专科", 33}, {"高中及以下", 2}};
  static const Table kPrimaryTown = {{"本科", 50}, {"专科", 45}, {"高中及以下", 5}};
  static const Table kPrimaryRural = {{"本科", 32}, {"专科", 56}, {"高中及以下", 12}};
  static const Table kJuniorUrban = {{"研究生", 5}, {"本科", 88}, {"专科", 7}};
  static const Table kJuniorTown = {{"研究生", 1}, {"本科", 82}, {"专科", 17}};
  static const Table kJuniorRural = {{"本科", 70}, {"专科", 30}};
  static const Table kSenior = {{"研究生", 15}, {"本科", 84}, {"专科", 1}};
  static const Table kVocational = {{"研究生", 5}, {"本科", 80}, {"专科", 15}};
  static const Table kSpecial = {{"本科", 60}, {"专科", 40}};
  if (section == "学前") return private_school ? kPrivateKindergarten : kKindergarten;
  if (section == "小学")
    return location == "城区" ? kPrimaryUrban : location == "镇区" ? kPrimaryTown : kPrimaryRural;
  if (section == "初中")
    return location == "城区" ? kJuniorUrban : location == "镇区" ? kJuniorTown : kJuniorRural;
  if (section == "高中") return kSenior;
  if (section == "中职") return kVocational;
  return kSpecial;
}

// What a section's teachers teach; rural schools have few 体育, 音乐 and 美术 teachers.
const Table& subject_table(const std::string& section, const std::string& location) {
  static const Table kKindergarten = {{"学前教育", 92}, {"音乐", 4}, {"美术", 2}, {"体育", 2}};
  static const Table kPrimaryUrban = {
      {"语文", 30}, {"数学", 24}, {"英语", 8}, {"道德与法治", 3}, {"科学", 5},    {"信息技术", 2},
      {"体育", 8},  {"音乐", 6},  {"美术", 6}, {"综合实践", 2},   {"心理健康", 1}};
  static const Table kPrimaryTown = {
      {"语文", 31}, {"数学", 25}, {"英语", 8}, {"道德与法治", 3}, {"科学", 5},    {"信息技术", 2},
      {"体育", 7},  {"音乐", 5},  {"美术", 5}, {"综合实践", 2},   {"心理健康", 1}};
  static const Table kPrimaryRural = {{"语文", 34}, {"数学", 28},    {"英语", 8}, {"道德与法治", 4},
                                      {"科学", 5},  {"信息技术", 1}, {"体育", 5}, {"音乐", 4},
                                      {"美术", 4},  {"综合实践", 2}};
  static const Table kJunior = {{"语文", 15}, {"数学", 15},    {"英语", 13},   {"道德与法治", 6},
                                {"历史", 5},  {"地理", 4},     {"物理", 6},    {"化学", 4},
                                {"生物", 4},  {"信息技术", 3}, {"体育", 7},    {"音乐", 3},
                                {"美术", 3},  {"心理健康", 1}, {"综合实践", 1}};
  static const Table kJuniorRural = {{"语文", 16}, {"数学", 16},    {"英语", 14}, {"道德与法治", 6},
                                     {"历史", 5},  {"地理", 4},     {"物理", 6},  {"化学", 4},
                                     {"生物", 4},  {"信息技术", 2}, {"体育", 5},  {"音乐", 2},
                                     {"美术", 2},  {"综合实践", 1}};
  static const Table kSenior = {{"语文", 14}, {"数学", 14},    {"英语", 13}, {"道德与法治", 6},
                                {"历史", 6},  {"地理", 6},     {"物理", 9},  {"化学", 7},
                                {"生物", 7},  {"信息技术", 3}, {"体育", 6},  {"音乐", 2},
                                {"美术", 2},  {"心理健康", 1}};
  static const Table kVocational = {{"专业课", 50}, {"语文", 10},    {"数学", 10},
                                    {"英语", 8},    {"信息技术", 8}, {"道德与法治", 5},
                                    {"体育", 5},    {"音乐", 2},     {"美术", 2}};
  static const Table kSpecial = {{"特殊教育", 70}, {"语文", 8}, {"数学", 8},
                                 {"体育", 5},      {"音乐", 5}, {"美术", 4}};
  if (section == "学前") return kKindergarten;
  if (section == "小学")
    return location == "城区" ? kPrimaryUrban : location == "镇区" ? kPrimaryTown : kPrimaryRural;
  if (section == "初中") return location == "乡村" ? kJuniorRural : kJunior;
  if (section == "高中") return kSenior;
  if (section == "中职") return kVocational;
  return kSpecial;
}

double female_share(const std::string& section, const std::string& location) {
  if (section == "学前") return 0.97;
  if (section == "小学") return location == "城区" ? 0.8 : location == "镇区" ? 0.65 : 0.5;
  if (section == "初中") return 0.55;
  if (section == "特教") return 0.7;
  return 0.45;
}

// Heading a class goes first to teachers of these subjects.
int head_teacher_priority(const std::string& subject) {
  if (subject == "语文" || subject == "学前教育" || subject == "特殊教育") return 0;
  if (subject == "数学" || subject == "专业课") return 1;
  if (subject == "英语") return 2;
  return 3;
}

// Staffs every school for the current year: 专任教师 by section at the
// section's usual ratio (never fewer than its classes; 1–3 at a 教学点), plus
// 行政, 教辅 and 工勤 at larger schools. The first member (a 行政 where there
// is one) is the principal.
class Staffer {
 public:
  Staffer(const DemoSettings& st, DemoCounty& out, const std::vector<SchoolPlan>& plans,
          IdIssuer& ids, Rng rng)
      : st_(st), out_(out), plans_(plans), ids_(ids), rng_(rng) {}

  void run(const std::vector<std::vector<int>>& pupils,
           const std::vector<std::vector<int>>& classes) {
    class_teachers.resize(plans_.size());
    for (size_t s = 0; s < plans_.size(); ++s) {
      const School& school = out_.schools[s];
      const auto& sections = plans_[s].sections;
      class_teachers[s].resize(sections.size());
      std::vector<int> teaching(sections.size());
      int total = 0;
      for (size_t k = 0; k < sections.size(); ++k) {
        int n = pupils[s][k];
        if (school.kind == "教学点")
          teaching[k] = n <= 20 ? 1 : n <= 40 ? 2 : 3;
        else
          teaching[k] = std::max(
              classes[s][k], static_cast<int>(std::lround(
                                 n / pupils_per_teacher(sections[k].section, school.location))));
        total += teaching[k];
      }
      int admin = total >= 20  ? std::max(1, static_cast<int>(std::lround(total * 0.04)))
                  : total >= 8 ? 1
                               : 0;
      int support = total >= 20 ? static_cast<int>(std::lround(total * 0.035)) : 0;
      int service = total >= 20 ? static_cast<int>(std::lround(total * 0.03)) : total >= 8 ? 1 : 0;

      size_t first = out_.teachers.size();
      const Table& main_subjects = subject_table(sections[0].section, school.location);
      for (int i = 0; i < admin; ++i) add(s, 0, "行政", rng_.weighted(main_subjects));
      for (size_t k = 0; k < sections.size(); ++k)
        for (const auto& subject :
             subjects_for(teaching[k], subject_table(sections[k].section, school.location))) {
          class_teachers[s][k].push_back(out_.teachers.size());
          add(s, k, "专任教师", subject);
        }
      for (int i = 0; i < support; ++i) add(s, 0, "教辅", rng_.weighted(main_subjects));
      for (int i = 0; i < service; ++i) add(s, 0, "工勤", rng_.weighted(main_subjects));
      out_.schools[s].principal = out_.teachers[first].name;
      for (auto& list : class_teachers[s])
        std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
          return head_teacher_priority(out_.teachers[a].subject) <
                 head_teacher_priority(out_.teachers[b].subject);
        });
    }
  }

  // 专任教师 by [school][section], the usual head teachers' subjects first.
  std::vector<std::vector<std::vector<size_t>>> class_teachers;

 private:
  // Subjects of n teachers in the table's proportions: systematic sampling,
  // so each subject's count is within one of its share.
  std::vector<std::string> subjects_for(int n, const Table& table) {
    double total = 0;
    for (const auto& [subject, weight] : table) total += weight;
    double step = total / n, x = rng_.unit() * step, upto = table[0].second;
    size_t j = 0;
    std::vector<std::string> subjects;
    for (int i = 0; i < n; ++i, x += step) {
      while (x >= upto && j + 1 < table.size()) upto += table[++j].second;
      subjects.push_back(table[j].first);
    }
    rng_.shuffle(subjects);
    return subjects;
  }

  void add(int s, int k, const std::string& post, const std::string& subject) {
    const School& school = out_.schools[s];
    const std::string& section = plans_[s].sections[k].section;
    const std::string& location = school.location;
    const bool private_school = school.ownership == "民办";
    const bool leader = out_.teachers.empty() || out_.teachers.back().school_id != school.id;

    Teacher t;
    t.id = static_cast<int64_t>(out_.teachers.size()) + 1;
    t.school_id = school.id;
    t.post = post;
    bool male = !rng_.chance(post == "工勤" ? 0.4 : female_share(section, location));
    t.gender = male ? "男" : "女";
    int age = leader ? rng_.between(42, 55) : draw_age(location == "乡村");
    t.birth_date = birth_for_age(rng_, age, st_.current_school_year);
    t.id_number = ids_.issue(rng_, t.birth_date, male, 0.15);
    t.name = person_name(rng_, male, t.birth_date.year);
    t.education = rng_.weighted(education_table(section, location, private_school));
    if (post == "工勤") t.education = rng_.chance(0.7) ? "高中及以下" : "专科";
    if (t.education == "研究生" && age < 26) t.education = "本科";
    int hire_age = t.education == "研究生" ? rng_.between(25, 27)
                   : t.education == "本科" ? rng_.between(22, 23)
                   : t.education == "专科" ? rng_.between(20, 21)
                                           : rng_.between(18, 19);
    int years = age - std::min(hire_age, age);
    t.hired_on = Date{st_.current_school_year - years, 9, 1};
    t.title = title_for(years, section, post, t.education, private_school);
    t.subject = subject;
    t.section = section;
    t.backbone = post == "专任教师" ? backbone_for(t.title, location) : "无";
    t.on_staff = !private_school && rng_.chance(0.96);
    out_.teachers.push_back(std::move(t));
  }

  int draw_age(bool rural) {  // rural staff are older
    double r = rng_.unit();
    if (r < (rural ? 0.2 : 0.3)) return rng_.between(22, 30);
    if (r < (rural ? 0.55 : 0.7)) return rng_.between(31, 45);
    return rng_.between(46, 59);
  }

  std::string title_for(int years, const std::string& section, const std::string& post,
                        const std::string& education, bool private_school) {
    if (post == "工勤" || years < 1 || (private_school && rng_.chance(0.7))) return "未定级";
    double r = rng_.unit();
    if (years <= 5) {
      bool degree = education == "本科" || education == "研究生";
      bool early = section == "小学" || section == "学前";
      return early && !degree && r < 0.4 ? "三级" : "二级";
    }
    if (years <= 12) return r < 0.7 ? "一级" : "二级";
    if (years <= 20) return r < 0.3 ? "高级" : r < 0.95 ? "一级" : "二级";
    double senior = section == "高中" || section == "中职" ? 0.6 : 0.45;
    return r < 0.012 ? "正高级" : r < senior ? "高级" : r < 0.96 ? "一级" : "二级";
  }

  std::string backbone_for(const std::string& title, const std::string& location) {
    static const Table kLevels = {{"县级", 62}, {"市级", 27}, {"省级", 9}, {"国家级", 2}};
    double p = title == "正高级" ? 0.9
               : title == "高级" ? 0.45
               : title == "一级" ? 0.28
               : title == "二级" ? 0.08
                                 : 0;
    p *= location == "城区" ? 1.2 : location == "乡村" ? 0.75 : 1.0;
    return rng_.chance(p) ? rng_.weighted(kLevels) : "无";
  }

  const DemoSettings& st_;
  DemoCounty& out_;
  const std::vector<SchoolPlan>& plans_;
  IdIssuer& ids_;
  Rng rng_;
};

// Every class gets a head teacher: a class continuing one of the year before
// (the same 班号, a grade up) keeps its head teacher, as the 学年升级 does; any
// other one of its school section's 专任教师 who had been hired by the start of
// that school year, in turn.
void assign_head_teachers(DemoCounty& county, const std::vector<SchoolPlan>& plans,
                          const std::vector<std::vector<std::vector<size_t>>>& class_teachers) {
  // (school, year, section, grade, 班号) -> head teacher
  std::map<std::tuple<int64_t, int, std::string, int, int>, int64_t> heads;
  size_t cursor = 0;
  const SchoolClass* previous = nullptr;
  for (auto& c : county.classes) {
    if (!previous || previous->school_year != c.school_year || previous->school_id != c.school_id ||
        previous->section != c.section)
      cursor = 0;
    previous = &c;
    auto continued = heads.find({c.school_id, c.school_year - 1, c.section, c.grade - 1, c.class_no});
    if (continued != heads.end()) {
      c.head_teacher_id = continued->second;
    } else {
      size_t s = static_cast<size_t>(c.school_id - 1);
      size_t k = 0;
      while (plans[s].sections[k].section != c.section) ++k;
      const auto& list = class_teachers[s][k];
      const Date start{c.school_year, 9, 1};
      for (size_t tries = 0; tries < list.size(); ++tries) {
        const Teacher& t = county.teachers[list[(cursor + tries) % list.size()]];
        if (t.hired_on <= start) {
          c.head_teacher_id = t.id;
          cursor += tries + 1;
          break;
        }
      }
    }
    if (c.head_teacher_id)
      heads[{c.school_id, c.school_year, c.section, c.grade, c.class_no}] = *c.head_teacher_id;
  }
}

// ---------------------------------------------------------------- conditions

struct Standard {  // per student; rooms per 100 students
  double teaching, sports, equipment, rooms, books;
};

// 小学 and 初中: the 2017 balance standards (DOMAIN.md); the others: usual values.
Standard standard_of(const std::string& section) {
  if (section == "小学") return {4.5, 7.5, 2000, 2.3, 25};
  if (section == "初中") return {5.8, 10.2, 2500, 2.4, 35};
  if (section == "高中") return {6.5, 11.5, 4000, 2.6, 40};
  if (section == "中职") return {8.0, 9.0, 6000, 3.0, 30};
  if (section == "学前") return {5.0, 4.0, 800, 2.5, 10};
  return {20.0, 15.0, 15000, 10.0, 30};  // 特教
}

// Conditions of every school in every history year, growing about 3% a year
// up to the current year. There each school meets the strictest standard of
// its sections with some margin, except a minority of rural and crowded urban
// compulsory schools that fall short on one or two indicators (rural:
// equipment and rooms; urban: space).
void record_conditions(const DemoSettings& st, DemoCounty& county,
                       const std::vector<SchoolPlan>& plans,
                       const std::vector<std::vector<int>>& headcount, Rng rng) {
  const int first_year = st.current_school_year - static_cast<int>(headcount.front().size()) + 1;
  for (size_t s = 0; s < plans.size(); ++s) {
    const School& school = county.schools[s];
    Standard need{0, 0, 0, 0, 0};
    bool compulsory = false, crowded = false;
    for (const auto& sec : plans[s].sections) {
      Standard x = standard_of(sec.section);
      need = {std::max(need.teaching, x.teaching), std::max(need.sports, x.sports),
              std::max(need.equipment, x.equipment), std::max(need.rooms, x.rooms),
              std::max(need.books, x.books)};
      compulsory = compulsory || sec.section == "小学" || sec.section == "初中";
      crowded = crowded || (school.location == "城区" && sec.class_size >= 56);
    }
    std::array<double, 4> factor;  // teaching, sports, equipment, rooms
    for (double& f : factor) f = rng.uniform(1.03, 1.5);
    double p_short = school.location == "乡村"   ? 0.3
                     : crowded                   ? 0.5
                     : school.location == "镇区" ? 0.12
                                                 : 0.05;
    if (compulsory && rng.chance(p_short)) {
      int first = crowded                     ? rng.below(2)
                  : school.location == "乡村" ? 2 + rng.below(2)
                                              : rng.below(4);
      factor[first] = rng.uniform(0.62, 0.97);
      if (rng.chance(0.35)) factor[rng.below(4)] = rng.uniform(0.7, 0.97);
    }
    double building = rng.uniform(1.5, 1.9), books = rng.uniform(0.95, 1.6),
           computers = rng.uniform(0.08, 0.16);
    const double n = headcount[s].back();  // the current year's pupils
    auto round1 = [](double x) { return std::round(x * 10) / 10; };
    for (size_t y = 0; y < headcount[s].size(); ++y) {
      int year = first_year + static_cast<int>(y);
      double growth = 1 - 0.03 * (st.current_school_year - year);
      Conditions c;
      c.school_id = school.id;
      c.school_year = year;
      c.teaching_area = round1(n * need.teaching * factor[0] * growth);
      c.building_area = round1(c.teaching_area * building);
      c.sports_area = round1(n * need.sports * factor[1] * growth);
      c.equipment_value = std::round(n * need.equipment * factor[2] * growth / 100) * 100;
      double rooms = n * need.rooms / 100 * factor[3] * growth;
      c.multimedia_rooms =
          static_cast<int64_t>(factor[3] * growth >= 1 ? std::ceil(rooms) : std::floor(rooms));
      c.books = std::llround(n * need.books * books * growth);
      c.computers = std::max<int64_t>(1, std::llround(n * computers * growth));
      county.conditions.push_back(c);
    }
  }
}

// Every teacher's row of each history year from the year they were hired:
// the staff keep their school and post (the current year's row included, as
// the register keeps it in step).
void record_staff_history(const DemoSettings& st, DemoCounty& county) {
  const int first_year = st.current_school_year - std::max(1, st.history_years) + 1;
  for (const Teacher& t : county.teachers)
    for (int year = first_year; year <= st.current_school_year; ++year)
      if (t.hired_on <= Date{year, 9, 1})
        county.teacher_years.push_back({t.id, year, t.school_id, t.section, t.post, t.education,
                                        t.title, t.subject, t.backbone, t.on_staff});
}

// 薄弱学校 (the bureau's flag, migration 20): every third 镇区 school, from the
// first — chosen without a draw, so the rest of the county is as before; no
// 城区 school, so the demo school admin's own stays unmarked.
void mark_weak_schools(std::vector<School>& schools) {
  int towns = 0;
  for (School& s : schools)
    if (s.location == "镇区" && towns++ % 3 == 0) s.weak = true;
}

}  // namespace

DemoCounty generate_county(const DemoSettings& settings) {
  DemoCounty county;
  Rng seeds(settings.seed);
  Rng area_rng(seeds.next()), school_rng(seeds.next());
  IdIssuer ids(settings.county_code, settings.scale);
  auto towns = build_areas(settings, area_rng, county.areas);
  auto plans = plan_schools(settings, towns, school_rng, county.schools);
  mark_weak_schools(county.schools);
  Enroller enroller(settings, county, towns, plans, ids, Rng(seeds.next()));
  enroller.run();
  Staffer staffer(settings, county, plans, ids, Rng(seeds.next()));
  staffer.run(enroller.current_pupils, enroller.current_classes);
  assign_head_teachers(county, plans, staffer.class_teachers);
  record_staff_history(settings, county);
  record_conditions(settings, county, plans, enroller.headcount, Rng(seeds.next()));
  return county;
}

}  // namespace edu::demo
