#include "analytics/statistics.h"

#include <algorithm>
#include <array>

#include "core/class_size.h"
#include "core/in_school.h"
#include "core/section_norms.h"

namespace edu::analytics {
namespace {

const char* const kDropoutDefinition =
    "该学年控辍保学台账中辍学的学生(当学年发现,未经核实不属实,学年末前未以返校复学、送教上门、"
    "转入特教/其他学校或外出就读办结) ÷ 学年初在册人数(含该学年内辍学、转出、休学者)";

const int kSections = static_cast<int>(sections().values.size());  // 学前 … 特教
const Code kPrimary = code_of(sections(), "小学");
const Code kJunior = code_of(sections(), "初中");
const Code kGraduated = code_of(student_statuses(), "毕业");
const Code kFullTime = code_of(posts(), "专任教师");

// Per section code: its entry grade and the education code meeting 学历达标
// (education codes rank 研究生 0 … 高中及以下 3, so lower is higher).
struct SectionNorm {
  int entry_grade = 1;
  Code required = 0;
};
const std::vector<SectionNorm> kNorms = [] {
  std::vector<SectionNorm> n;
  for (const std::string& s : sections().values)
    n.push_back({edu::entry_grade(s), code_of(educations(), edu::required_education(s))});
  return n;
}();

struct Tally {
  double enrolled = 0;  // 学年初在册: every student placed in a class of the year
  double students = 0, entrants = 0, graduates = 0;
  std::vector<int64_t> dropouts;  // the students the 控辍保学 ledger counts as dropped out
  double classes = 0, large = 0, huge = 0;
  double teachers = 0, qualified = 0, above = 0, backbone = 0;
  double junior_graduates = 0, promoted = 0;
  double final_grade = 0;  // 初中毕业年级(九年级)在校生
  double cohort = 0;       // 初中: the school's 小学一年级 entrants eight years before
  void operator+=(const Tally& o) {
    enrolled += o.enrolled;
    students += o.students, entrants += o.entrants, graduates += o.graduates;
    dropouts.insert(dropouts.end(), o.dropouts.begin(), o.dropouts.end());
    classes += o.classes, large += o.large, huge += o.huge;
    teachers += o.teachers, qualified += o.qualified, above += o.above, backbone += o.backbone;
    junior_graduates += o.junior_graduates, promoted += o.promoted;
    final_grade += o.final_grade, cohort += o.cohort;
  }
};

using SchoolTallies = std::vector<std::vector<Tally>>;  // [school][section code]

// The students the ledger counts as dropped out in `year` (9-01 … 8-31), sorted.
std::vector<int64_t> dropped_out(const std::vector<dropout::CaseFact>& ledger, int year) {
  std::vector<int64_t> cases = dropout::dropouts_during(ledger, std::to_string(year) + "-09-01",
                                                        std::to_string(year + 1) + "-08-31");
  std::sort(cases.begin(), cases.end());
  std::vector<int64_t> students;
  for (const dropout::CaseFact& c : ledger)
    if (std::binary_search(cases.begin(), cases.end(), c.id)) students.push_back(c.student_id);
  std::sort(students.begin(), students.end());
  return students;
}

SchoolTallies tally_year(const Snapshot& s, int year, const std::vector<int64_t>& dropped) {
  SchoolTallies t(s.schools.size(), std::vector<Tally>(kSections));
  const auto& e = s.enrolments;
  std::vector<int> class_size(s.classes.size(), 0);
  for (size_t i = 0; i < e.size(); ++i) {
    if (e.year[i] != year) continue;
    int k = e.klass[i];
    if (k < 0) continue;
    ++class_size[k];
    Code section = s.classes.section[k];
    Tally& x = t[e.school[i]][section];
    x.enrolled += 1;
    x.students += e.in_school(i);
    bool repeat = i > 0 && e.student_id[i - 1] == e.student_id[i] && e.year[i - 1] == year - 1 &&
                  e.grade[i - 1] == e.grade[i];
    if (e.grade[i] == kNorms[section].entry_grade && !repeat) x.entrants += 1;
    if (std::binary_search(dropped.begin(), dropped.end(), e.student_id[i])) x.dropouts.push_back(e.student_id[i]);
    if (section == kJunior && e.grade[i] == 9) x.final_grade += e.in_school(i);
    if (e.status[i] == kGraduated) {
      x.graduates += 1;
      if (section == kJunior && e.grade[i] == 9) {
        x.junior_graduates += 1;
        bool next = i + 1 < e.size() && e.student_id[i + 1] == e.student_id[i] &&
                    e.year[i + 1] == year + 1 && e.grade[i + 1] == 10;
        if (next) x.promoted += 1;
      }
    }
  }
  for (size_t k = 0; k < s.classes.size(); ++k) {
    if (s.classes.year[k] != year || class_size[k] == 0) continue;
    Tally& x = t[s.classes.school[k]][s.classes.section[k]];
    x.classes += 1;
    x.large += class_size[k] >= kLargeClass && class_size[k] < kHugeClass;
    x.huge += class_size[k] >= kHugeClass;
  }
  const auto& T = s.teachers;
  for (size_t i = 0; i < T.size(); ++i) {
    if (T.year[i] != year || T.post[i] != kFullTime || T.section[i] == kNoCode) continue;
    Tally& x = t[T.school[i]][T.section[i]];
    x.teachers += 1;
    Code required = kNorms[T.section[i]].required;
    x.qualified += T.education[i] <= required;
    x.above += T.education[i] < required;
    x.backbone += T.is_backbone(i);
  }
  return t;
}

// A year's tallies, 初中 with its cohort: the 小学 entrants of year − 8, when the register holds it.
SchoolTallies tally(const Snapshot& s, int year, const std::vector<dropout::CaseFact>& ledger) {
  SchoolTallies t = tally_year(s, year, dropped_out(ledger, year));
  if (year - 8 < s.first_year) return t;
  SchoolTallies first = tally_year(s, year - 8, {});
  for (size_t school = 0; school < t.size(); ++school) t[school][kJunior].cohort = first[school][kPrimary].entrants;
  return t;
}

Ratio count(double n) { return {n, std::nullopt, n, "", false}; }
Ratio absent(std::string why) { return {0, std::nullopt, std::nullopt, std::move(why), false}; }
Ratio ratio(double num, double den, double scale) {
  Ratio r{num, den, std::nullopt, "", false};
  if (den <= 0) {
    r.flagged = true;
    r.note = "分母为0";
    return r;
  }
  r.value = num / den * scale;
  r.flagged = scale == 100 && *r.value > 100;
  if (r.flagged) r.note = "超过100%,请核查登记数据";
  return r;
}

// The values of one group's tally; `section` is "" for 合计.
std::map<std::string, Ratio> values_of(const Tally& t, const Snapshot& s, int year,
                                       const std::string& section) {
  std::map<std::string, Ratio> v;
  const bool teachers = s.teachers_known(year);
  const std::string no_teachers = s.no_teachers_note();
  v["students"] = count(t.students);
  v["entrants"] = count(t.entrants);
  v["graduates"] = year < s.last_year ? count(t.graduates) : absent("本学年尚未结束,毕业生待学年末统计");
  v["pupil_teacher"] = teachers ? ratio(t.students, t.teachers, 1) : absent(no_teachers);
  v["large_classes"] = ratio(t.large, t.classes, 100);
  v["huge_classes"] = ratio(t.huge, t.classes, 100);
  v["qualified_rate"] = teachers ? ratio(t.qualified, t.teachers, 100) : absent(no_teachers);
  v["above_rate"] = teachers ? ratio(t.above, t.teachers, 100) : absent(no_teachers);
  v["backbone"] = teachers ? count(t.backbone) : absent(no_teachers);
  v["dropout_rate"] = ratio(static_cast<double>(t.dropouts.size()), t.enrolled, 100);
  if (section == "初中") {
    v["retention_rate"] = year - 8 >= s.first_year
                              ? ratio(t.final_grade, t.cohort, 100)
                              : absent("需该届学生入小学一年级时(" + std::to_string(year - 8) +
                                       "学年)的人数,学籍登记只有" + std::to_string(s.first_year) + "–" +
                                       std::to_string(s.last_year) + "学年,无法计算");
    v["promotion_rate"] = year < s.last_year
                              ? ratio(t.promoted, t.junior_graduates, 100)
                              : absent("本学年初中毕业生尚未升学,待下一学年统计");
  }
  return v;
}

// 年辍学率's numerator: the students themselves (the ledger decides, not a register filter).
std::optional<RecordList> dropout_list(const StatGroup& g, int year, std::vector<int64_t> ids) {
  if (ids.empty()) return std::nullopt;
  std::sort(ids.begin(), ids.end());
  std::string joined;
  for (int64_t id : ids) joined += (joined.empty() ? "" : ",") + std::to_string(id);
  RecordList list = *stat_records("dropout_rate", g, year).denominator;
  list.query.push_back({"student_ids", joined});
  return list;
}

struct GroupKey {
  std::string level, name, location;
  int64_t area_id = 0;
  std::string county;  // 乡镇 groups of a city: the 区/县
};

}  // namespace

const std::vector<StatDef>& stat_defs() {
  static const std::vector<StatDef> defs = {
      {"students", "在校生数", "人", false, 0, kInSchoolDefinition},
      {"entrants", "招生数", "人", false, 0, "本学年入学年级(一年级、七年级、高一)的学生,不含留级生"},
      {"graduates", "毕业生数", "人", false, 0, "该学年末毕业的学生"},
      {"pupil_teacher", "生师比", ":1", true, -1, "在校生数 ÷ 专任教师数"},
      {"large_classes", "大班额比例(56–65人)", "%", true, -1, "56–65人的班级 ÷ 班级数"},
      {"huge_classes", "超大班额比例(66人及以上)", "%", true, -1, "66人及以上的班级 ÷ 班级数"},
      {"qualified_rate", "专任教师学历达标率", "%", true, 1, "学历达到规定的专任教师 ÷ 专任教师数"},
      {"above_rate", "高于规定学历教师比例", "%", true, 1, "学历高于规定的专任教师 ÷ 专任教师数"},
      {"backbone", "县级及以上骨干教师数", "人", false, 1, "县级及以上骨干教师(专任教师)"},
      {"dropout_rate", "年辍学率", "%", true, -1, kDropoutDefinition},
      {"retention_rate", "九年义务教育巩固率", "%", true, 1,
       "初中毕业年级(九年级)在校生数 ÷ 该届学生入小学一年级时(8个学年前)的人数"},
      {"promotion_rate", "初中升学率", "%", true, 1, "次学年本县高中阶段一年级中的本届初中毕业生 ÷ 本届初中毕业生数"},
  };
  return defs;
}

RecordLinks stat_records(const std::string& key, const StatGroup& g, int year) {
  RecordQuery where;
  if (g.area_id) where.push_back({"area_id", std::to_string(g.area_id)});
  if (!g.location.empty()) where.push_back({"location", g.location});
  if (g.section != "合计") where.push_back({"section", g.section});
  auto list = [&](const char* name, RecordQuery base, RecordQuery extra) {
    base.insert(base.end(), where.begin(), where.end());
    base.insert(base.end(), extra.begin(), extra.end());
    return std::optional<RecordList>(RecordList{name, std::move(base)});
  };
  const RecordQuery students = {{"school_year", std::to_string(year)}};
  const RecordQuery teachers = {{"school_year", std::to_string(year)}, {"post", "专任教师"}};
  const RecordQuery classes = {{"school_year", std::to_string(year)}};
  const RecordQuery in_school = {{"in_school", "1"}};
  if (key == "students") return {list("students", students, in_school), std::nullopt};
  if (key == "entrants") return {list("students", students, {{"entrant", "1"}}), std::nullopt};
  if (key == "graduates") return {list("students", students, {{"status", "毕业"}}), std::nullopt};
  if (key == "dropout_rate") return {std::nullopt, list("students", students, {})};
  if (key == "retention_rate") {
    // The cohort's 一年级 is 小学's, whatever the group's section.
    RecordQuery cohort = {{"school_year", std::to_string(year - 8)}, {"entrant", "1"}};
    for (const auto& [k, v] : where)
      if (k != "section") cohort.push_back({k, v});
    cohort.push_back({"section", "小学"});
    return {list("students", students, {{"grade", "9"}, {"in_school", "1"}}),
            std::optional<RecordList>(RecordList{"students", cohort})};
  }
  if (key == "large_classes")
    return {list("class-sizes", classes, {{"band", kLargeBand}}), list("class-sizes", classes, {})};
  if (key == "huge_classes")
    return {list("class-sizes", classes, {{"band", kHugeBand}}), list("class-sizes", classes, {})};
  if (key == "pupil_teacher")
    return {list("students", students, in_school), list("teachers", teachers, {})};
  if (key == "qualified_rate")
    return {list("teachers", teachers, {{"education_standard", "达标"}}),
            list("teachers", teachers, {})};
  if (key == "above_rate")
    return {list("teachers", teachers, {{"education_standard", "高于规定"}}),
            list("teachers", teachers, {})};
  if (key == "backbone") return {list("teachers", teachers, {{"is_backbone", "1"}}), std::nullopt};
  if (key == "promotion_rate")
    return {std::nullopt, list("students", students, {{"grade", "9"}, {"status", "毕业"}})};
  return {};
}

Statistics compute_statistics(const Snapshot& s, int year, const std::vector<bool>& in_scope,
                              const std::string& scope_name, const std::vector<dropout::CaseFact>& ledger) {
  Statistics out;
  out.year = year;
  SchoolTallies now = tally(s, year, ledger);
  const bool has_previous = year - 1 >= s.first_year;
  SchoolTallies before = has_previous ? tally(s, year - 1, ledger) : SchoolTallies{};

  // The groups a school belongs to: the whole scope, its location, its 区/县
  // (a city deployment) and its township (core/area_tree.h).
  std::vector<GroupKey> keys;
  std::map<std::string, int> key_index;
  auto key_of = [&](GroupKey k) {
    // By area too: two townships of a city may share a name.
    std::string id = k.level + "/" + k.name + "/" + std::to_string(k.area_id);
    auto [it, added] = key_index.emplace(std::move(id), static_cast<int>(keys.size()));
    if (added) keys.push_back(std::move(k));
    return it->second;
  };
  key_of({"全域", scope_name, "", 0, ""});
  for (const std::string& loc : locations().values) key_of({"城乡", loc, loc, 0, ""});
  // [group][section code + 1], index 0 = 合计
  std::vector<std::vector<Tally>> sum_now, sum_before;
  std::vector<std::vector<bool>> present;
  auto add = [&](int g, int school) {
    if (static_cast<int>(sum_now.size()) <= g) {
      sum_now.resize(g + 1, std::vector<Tally>(kSections + 1));
      sum_before.resize(g + 1, std::vector<Tally>(kSections + 1));
      present.resize(g + 1, std::vector<bool>(kSections + 1, false));
    }
    for (int k = 0; k < kSections; ++k) {
      const Tally& t = now[school][k];
      if (t.students == 0 && t.teachers == 0 && (!has_previous || before[school][k].students == 0)) {
        // A 小学 without a 初中 still holds the cohort of its township's 初中.
        sum_now[g][k + 1].cohort += t.cohort;
        if (has_previous) sum_before[g][k + 1].cohort += before[school][k].cohort;
        continue;
      }
      present[g][k + 1] = present[g][0] = true;
      sum_now[g][k + 1] += t;
      sum_now[g][0] += t;
      if (has_previous) {
        sum_before[g][k + 1] += before[school][k];
        sum_before[g][0] += before[school][k];
      }
    }
  };
  for (size_t i = 0; i < s.schools.size(); ++i) {
    if (i >= in_scope.size() || !in_scope[i]) continue;
    const SchoolInfo& school = s.schools[i];
    add(0, static_cast<int>(i));
    add(key_of({"城乡", school.location, school.location, 0, ""}), static_cast<int>(i));
    if (school.county_id)
      add(key_of({"区县", school.county_name, "", school.county_id, ""}), static_cast<int>(i));
    add(key_of({"乡镇", school.township_name, "", school.township_id, school.county_name}), static_cast<int>(i));
  }
  for (size_t g = 0; g < sum_now.size(); ++g)
    for (int k = 0; k <= kSections; ++k) {
      if (!present[g][k]) continue;
      std::string section = k == 0 ? "合计" : sections().values[k - 1];
      StatGroup group{keys[g].level, keys[g].name, section, keys[g].area_id, keys[g].location, keys[g].county, {}};
      auto values = values_of(sum_now[g][k], s, year, section);
      auto previous = has_previous ? values_of(sum_before[g][k], s, year - 1, section)
                                   : std::map<std::string, Ratio>{};
      for (auto& [key, ratio] : values) {
        StatValue v{ratio, {}, std::nullopt, std::nullopt};
        if (ratio.value || ratio.denominator) v.records = stat_records(key, group, year);
        if (key == "dropout_rate") v.records.numerator = dropout_list(group, year, sum_now[g][k].dropouts);
        auto p = previous.find(key);
        if (p != previous.end()) {
          v.previous = p->second;
          if (v.now.value && p->second.value) v.change = *v.now.value - *p->second.value;
        }
        group.values.emplace(key, std::move(v));
      }
      out.groups.push_back(std::move(group));
    }
  out.notes.push_back(std::string(kInSchoolDefinition) + ";年辍学率 = " + kDropoutDefinition);
  out.notes.push_back("初中升学率 = 次学年本县高中阶段一年级中的本届初中毕业生 ÷ 本届初中毕业生数");
  return out;
}

}  // namespace edu::analytics
