// 职称评聘 figures as pure functions (no SQL: workflow/title_report.h loads
// the facts): the posts table per school and level, and a round's 评审通过
// vs 聘任. Every count carries the ids behind it (teachers, or cases).
//
// Posts, per school and level (高级 一级 二级 三级) and for all schools:
//   核定 (approved): the bureau's number for the school year;
//   已聘 (held): teachers whose present post is that level — their
//         appointment's post (none after 解聘), or, with no appointment
//         recorded, the register's title;
//   空缺 (vacancies) = max(0, 核定 − 已聘); 超岗 when 已聘 > 核定;
//   高职低聘: teachers holding the title of that level (评审) whose present
//         appointment is 高职低聘 (a post below it; 缓聘 is not), over the teachers holding that title (“中级低聘40人…占
//         8.2%”: 40 of 488), percent to one decimal, absent with no one
//         holding the title.
// A round: per school and level, the applications, those passed by the
// county (评审通过: now waiting for, or past, the appointment) and those
// appointed (聘任); 评审 may pass more than there are posts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace edu::analytics::titles {

struct Fraction {
  int64_t numerator = 0, denominator = 0;
  std::optional<double> percent;  // one decimal; absent when the denominator is 0
};
Fraction fraction(int64_t numerator, int64_t denominator);

int64_t vacancies(int64_t approved, int64_t held);

struct Holder {
  int64_t teacher_id = 0, school_id = 0;
  std::string title;  // held (评审)
  std::string post;   // held (聘任); "" none
  bool under = false;  // 高职低聘 (the appointment's status)
};
// A teacher's holding from the register's title and their present
// appointment's fields (has_appointment false: none recorded).
Holder holder_of(int64_t teacher_id, int64_t school_id, const std::string& register_title, bool has_appointment,
                 const std::string& title_level, const std::string& post_level, const std::string& status);

struct Post {
  int64_t school_id = 0;
  std::string level;
  int64_t approved = 0;
};

struct LevelPosts {
  std::string level;
  int64_t approved = 0;
  std::vector<int64_t> held;   // teacher ids
  int64_t vacancies = 0;
  bool over = false;           // held > approved
  std::vector<int64_t> under;  // 高职低聘: holding this title in a lower post
  Fraction under_rate;         // under ÷ holders of this title
};

struct SchoolPosts {
  int64_t school_id = 0;
  std::vector<LevelPosts> levels;  // 高级 一级 二级 三级
};

struct PostsTable {
  std::vector<SchoolPosts> schools;  // in the order given
  std::vector<LevelPosts> total;     // all schools, per level
};

PostsTable posts_table(const std::vector<int64_t>& school_ids, const std::vector<Post>& posts,
                       const std::vector<Holder>& holders);

struct Application {
  int64_t case_id = 0, school_id = 0;
  std::string level;
  bool passed = false, appointed = false;
};

struct RoundCell {
  std::string level;
  std::vector<int64_t> applied, passed, appointed;  // case ids
};

struct RoundRow {
  int64_t school_id = 0;
  std::vector<RoundCell> levels;  // 高级 一级 二级 三级
};

struct RoundReport {
  std::vector<RoundRow> schools;  // those with an application, in order of first appearance
  std::vector<RoundCell> total;
};

RoundReport round_report(const std::vector<Application>& applications);

}  // namespace edu::analytics::titles
