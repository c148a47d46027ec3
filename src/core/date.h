// Calendar dates (no time zone): parsing "YYYY-MM-DD" and "YYYYMMDD",
// validity, formatting and whole-year age.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace edu {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  bool operator==(const Date&) const = default;
  auto operator<=>(const Date&) const = default;
  std::string iso() const;  // "YYYY-MM-DD"
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid_date(int year, int month, int day);

// "2014-09-01" (ISO). Returns nullopt for malformed text or an impossible day.
std::optional<Date> parse_iso_date(std::string_view text);
// "20140901" (as inside an ID number).
std::optional<Date> parse_compact_date(std::string_view text);

// Completed years between birth and on (the usual "周岁").
int age_on(const Date& birth, const Date& on);

// The day `days` after `date` (before it when negative).
Date add_days(const Date& date, int days);

}  // namespace edu
