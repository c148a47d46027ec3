// 职称评聘's records, as stored (migration 18): the approved posts per school
// and level, the teachers' appointments (appended; the newest is the
// present one; their dates tell which was in force in a past year), the application rounds and which round each 职称申报 case
// belongs to. Reads of teachers and cases go through a Scope; the workflow
// (workflow/title_appointment.h) writes in the case's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/scope.h"

namespace edu {

struct SchoolPost {  // 核定岗位
  int64_t school_id = 0;
  int school_year = 0;
  std::string level;  // 高级 一级 二级 三级
  int64_t approved = 0;
};

// The posts of `school_year` at the schools of the scope (one school's when given).
Result<std::vector<SchoolPost>> list_posts(Database& db, const Scope& scope, int school_year,
                                           std::optional<int64_t> school_id = std::nullopt);
// The schools of the scope, by township then name: the rows of the posts table.
struct PostSchool {
  int64_t id = 0;
  std::string name, area_name, location;
};
Result<std::vector<PostSchool>> list_post_schools(Database& db, const Scope& scope);
// Sets one school's approved posts of a level (insert or replace).
Status set_post(Database& db, const SchoolPost& post);

struct TitleAppointment {
  int64_t id = 0, teacher_id = 0;
  int64_t case_id = 0;  // 0: not from a case (解聘, demo records)
  std::string title_level, post_level, status, reason, since, created_at;
};

Result<int64_t> insert_appointment(Database& db, const TitleAppointment& a);
// The teacher's appointments, oldest first.
Result<std::vector<TitleAppointment>> teacher_appointments(Database& db, int64_t teacher_id);

// A teacher of the scope with their present appointment, if any.
struct TitleHolder {
  int64_t teacher_id = 0, school_id = 0;
  std::string teacher_name, register_title;  // Teacher.title
  std::optional<TitleAppointment> appointment;
};
Result<std::vector<TitleHolder>> list_title_holders(Database& db, const Scope& scope,
                                                    std::optional<int64_t> school_id = std::nullopt);
// The same as they were in a past school year: the staff history's rows of
// `school_year` (teacher_years: the school and title of that year, as
// register_title) with the appointment in force on its last day, 31 August
// of school_year + 1 — the newest (by id) of those dated (since) on or
// before it; none when all are later.
Result<std::vector<TitleHolder>> list_title_holders_in_year(Database& db, const Scope& scope, int school_year);

struct TitleRound {  // 职称申报批次
  int64_t id = 0;
  int year = 0;
  std::string name;
  bool open = false;
  std::string opens_on, closes_on;
};

Result<std::vector<TitleRound>> list_rounds(Database& db);  // newest first
Result<std::optional<TitleRound>> get_round(Database& db, int64_t id);
Result<std::optional<TitleRound>> open_round(Database& db);
Result<int64_t> insert_round(Database& db, const TitleRound& r);
Status close_round(Database& db, int64_t id);

struct TitleApplication {
  int64_t case_id = 0, round_id = 0, teacher_id = 0;
  std::string level;
};
Status insert_application(Database& db, const TitleApplication& a);

// An application as the round lists it: its case's school and state.
struct TitleApplicationRow {
  TitleApplication application;
  std::string teacher_name, school_name, state, round_name;
  int64_t school_id = 0;
};
// The applications of the scope's schools in a round, or of one teacher (any round).
struct ApplicationFilter {
  std::optional<int64_t> round_id, teacher_id;
};
Result<std::vector<TitleApplicationRow>> list_applications(Database& db, const Scope& scope,
                                                           const ApplicationFilter& filter);

// A teacher's rows of the staff history (teacher_years) with the school's
// 城乡类别 and 薄弱学校 flag, oldest first: what eligibility reads
// (core/title_eligibility.h).
struct TitleYear {
  int school_year = 0;
  std::string title, location;
  bool weak = false;
};
Result<std::vector<TitleYear>> teacher_title_years(Database& db, int64_t teacher_id);

}  // namespace edu
