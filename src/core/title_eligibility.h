// Who may apply for a title (职称申报条件, DOMAIN.md "Teachers' work"), as a
// pure rule: the workflow (workflow/title_appointment.h) reads the settings
// and the teacher's career, this decides.
//
// A teacher may apply for level L (高级, 一级, 二级, 三级) when
//  - L ranks above their present title (未定级 < 三级 < 二级 < 一级 < 高级 <
//    正高级);
//  - they have held the present title at least years_required[L] full
//    years: counted from the present appointment's date when it records
//    this title, else the school years the staff history shows them with it,
//    consecutively up to the newest (a lower bound: the history begins when
//    the register's did);
//  - for 高级, they have taught at least rural_years_required school years
//    at a 乡村 or 薄弱 school ("在乡村学校或薄弱学校任教"): the staff
//    history's school of each year, by its 城乡类别 or its 薄弱学校 flag. The
//    flag is the school's present one (migration 20 keeps no flag per
//    year): a school marked 薄弱 counts for every year taught there, and one
//    no longer marked for none.
//  - when the county sets training_hours_required (0: not a condition), they
//    have at least that many 继续教育学时 in the present five-year cycle
//    (workflow/training_report.h).
// Every condition not met is named, in Chinese, with what is needed and
// what the teacher has.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace edu {

struct TitleRules {
  std::map<std::string, int> years_required;  // by level applied for
  int rural_years_required = 1;               // for 高级
  int64_t training_hours_required = 0;        // in the present cycle; 0: not a condition
};
// The defaults of the settings (title_years_required.<level>,
// title_rural_years_required, title_training_hours_required).
TitleRules default_title_rules();

// The levels of posts and applications, highest first: 高级 一级 二级 三级.
const std::vector<std::string>& post_levels();
// 未定级 0, 三级 1 … 正高级 5; -1 for anything else.
int title_rank(const std::string& title);

struct CareerYear {
  int school_year = 0;
  std::string title, location;  // the title held that year; the school's 城乡类别
  bool weak = false;            // the school is marked 薄弱学校
};

struct TitleCareer {
  std::string title;                // the present title (the register's)
  std::optional<Date> title_since;  // when the present appointment records this title
  std::vector<CareerYear> years;    // the staff history, any order
  int64_t training_hours = 0;       // 继续教育学时 in the present cycle
};

struct Eligibility {
  int years_in_title = 0;
  int rural_years = 0;  // at a 乡村 or 薄弱 school
  std::vector<std::string> unmet;  // empty: may apply
  bool ok() const { return unmet.empty(); }
};

Eligibility check_title_eligibility(const TitleRules& rules, const TitleCareer& career, const std::string& level,
                                    const Date& today);

}  // namespace edu
