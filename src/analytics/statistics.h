// The county's statistics (教育事业统计 conventions, DOMAIN.md) for one school
// year: 在校生数 (core/in_school.h), 招生数, 毕业生数, 生师比, 大班额/超大班额比例, 学历达标率,
// 高于规定学历比例, 骨干教师数, 年辍学率, 巩固率, 初中升学率 — by section, for
// the whole scope, each 城区/镇区/乡村 group, each 区/县 (a city deployment) and
// each township (a school in a 学区 counts in its township), each value with
// its numerator and denominator, the lists of the records behind them and the
// change from the year before. What the three-year register cannot give
// (巩固率 needs the cohort's 一年级 eight school years back; teachers of a year before
// the staff history began; graduates of a year still under way) is absent with the
// reason, never estimated.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analytics/dropout_report.h"
#include "analytics/record_list.h"
#include "analytics/snapshot.h"

namespace edu::analytics {

struct StatDef {
  std::string key, label, unit;  // unit: 人 / % / :1 / 个
  bool rate = false;             // value = numerator ÷ denominator (× 100 when unit is %)
  int good = 0;                  // the direction of a change that is good: +1 up, −1 down, 0 neither
  std::string definition;        // what the figure counts, as a user reads it
};
const std::vector<StatDef>& stat_defs();

struct Ratio {
  double numerator = 0;
  std::optional<double> denominator;  // absent for counts
  std::optional<double> value;        // absent when not available
  std::string note;                   // why absent, or a warning
  bool flagged = false;               // zero denominator or a rate over 100%
};

struct StatValue {
  Ratio now;
  RecordLinks records;            // behind `now`
  std::optional<Ratio> previous;  // the year before, when in the register
  std::optional<double> change;   // now − previous (percentage points for %)
};

struct StatGroup {
  std::string level;     // 全域 / 城乡 / 区县 / 乡镇
  std::string name;      // 青山县 / 城区 / 隆回县 / 桃洪镇
  std::string section;   // 小学 … or 合计
  int64_t area_id = 0;   // 区县 and 乡镇 groups: the area (to open the records behind a value)
  std::string location;  // 城乡 groups
  std::string county;    // 乡镇 groups of a city: the 区/县 (township names may repeat across counties)
  std::map<std::string, StatValue> values;  // by StatDef key; only those that apply
};

struct Statistics {
  int year = 0;
  std::vector<StatGroup> groups;
  std::vector<std::string> notes;
};

// The records behind a value of `key` in `group` for `year`; the lists are
// scoped by the caller's role as the statistics are. Absent for values that
// are not available, for 初中升学率's numerator (次学年 enrolments) and for
// 年辍学率's, which compute_statistics names by its students (student_ids).
RecordLinks stat_records(const std::string& key, const StatGroup& group, int year);

// `in_scope[school]` chooses the schools counted; `scope_name` names the whole.
// `ledger`: every 控辍保学 case of the county (workflow/dropout_report.h
// dropout_ledger). 年辍学率's numerator is the students it counts as dropped
// out in the year (dropout::dropouts_during), at their school of that year;
// a child it follows who was not on the register that year (an unenrolled
// 小学 graduate) is in neither term. 巩固率 (初中) = 九年级在校生 of the
// year ÷ the 小学一年级 entrants of the group's schools eight years before.
Statistics compute_statistics(const Snapshot& snapshot, int year, const std::vector<bool>& in_scope,
                              const std::string& scope_name, const std::vector<dropout::CaseFact>& ledger);

}  // namespace edu::analytics
