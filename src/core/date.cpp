#include "core/date.h"

#include <chrono>
#include <cstdio>

namespace edu {

std::string Date::iso() const {
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  // Written by hand: an import formats two dates of every row (snprintf is slow).
  return {char('0' + year / 1000), char('0' + year / 100 % 10), char('0' + year / 10 % 10), char('0' + year % 10),
          '-', char('0' + month / 10), char('0' + month % 10), '-', char('0' + day / 10), char('0' + day % 10)};
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1900 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

static std::optional<int> digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

static std::optional<Date> make(std::string_view y, std::string_view m, std::string_view d) {
  auto yy = digits(y), mm = digits(m), dd = digits(d);
  if (!yy || !mm || !dd || !is_valid_date(*yy, *mm, *dd)) return std::nullopt;
  return Date{*yy, *mm, *dd};
}

std::optional<Date> parse_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  return make(t.substr(0, 4), t.substr(5, 2), t.substr(8, 2));
}

std::optional<Date> parse_compact_date(std::string_view t) {
  if (t.size() != 8) return std::nullopt;
  return make(t.substr(0, 4), t.substr(4, 2), t.substr(6, 2));
}

int age_on(const Date& birth, const Date& on) {
  int age = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
  return age;
}

Date add_days(const Date& date, int days) {
  using namespace std::chrono;
  sys_days start = year_month_day{year{date.year}, month{static_cast<unsigned>(date.month)},
                                  day{static_cast<unsigned>(date.day)}};
  year_month_day d{start + std::chrono::days{days}};
  return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
          static_cast<int>(static_cast<unsigned>(d.day()))};
}

}  // namespace edu
