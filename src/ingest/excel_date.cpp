#include "ingest/excel_date.h"

#include <cmath>
#include <cstdio>

#include "core/date.h"

namespace edu::ingest {
namespace {

// Days since 1970-01-01 of a civil date and back (H. Hinnant's algorithms).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (long long)doe - 719468;
}

void civil_from_days(long long z, int& y, int& m, int& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = int(doy - (153 * mp + 2) / 5 + 1);
  m = int(mp < 10 ? mp + 3 : mp - 9);
  y = int(yoe + era * 400 + (m <= 2));
}

const long long kEpoch1900 = days_from_civil(1899, 12, 30);  // serial 0 for serials > 60
const long long kEpoch1904 = days_from_civil(1904, 1, 1);
const long long kMaxSerial1900 = 2958465;  // 9999-12-31

DateFormatKind builtin_kind(int id) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) ||
      id == 57 || id == 58)
    return DateFormatKind::kDate;
  if (id == 22) return DateFormatKind::kDateTime;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47) || (id >= 32 && id <= 35) || id == 55 ||
      id == 56)
    return DateFormatKind::kTime;
  return DateFormatKind::kNone;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

}  // namespace

DateFormatKind classify_number_format(int id, std::string_view code) {
  if (code.empty()) return builtin_kind(id);
  // Keep only the letters that are format tokens, in order.
  std::string letters;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '[') {
      size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or a padding character)
    } else if (code.substr(i, 5) == "AM/PM" || code.substr(i, 5) == "am/pm") {
      i += 4;
    } else if (code.substr(i, 3) == "A/P" || code.substr(i, 3) == "a/p") {
      i += 2;
    } else {
      char l = lower(c);
      if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's' || l == 'e') letters += l;
    }
  }
  bool date = false, time = false;
  for (size_t i = 0; i < letters.size(); ++i) {
    char c = letters[i];
    if (c == 'y' || c == 'd' || c == 'e') date = true;
    if (c == 'h' || c == 's') time = true;
    if (c == 'm') {
      size_t start = i;
      while (i + 1 < letters.size() && letters[i + 1] == 'm') ++i;
      bool after_h = start > 0 && letters[start - 1] == 'h';
      bool before_s = i + 1 < letters.size() && letters[i + 1] == 's';
      if (after_h || before_s) time = true; else date = true;
    }
  }
  // 'e' alone is the exponent of 0.00E+00, not an era year.
  if (date && !time && letters.find_first_not_of('e') == std::string::npos) date = false;
  if (date && time) return DateFormatKind::kDateTime;
  if (date) return DateFormatKind::kDate;
  if (time) return DateFormatKind::kTime;
  return DateFormatKind::kNone;
}

std::optional<std::string> serial_to_text(double serial, DateFormatKind kind, bool date1904) {
  if (kind == DateFormatKind::kNone || !std::isfinite(serial) || serial < 0) return std::nullopt;
  if (serial > double(kMaxSerial1900) + 1) return std::nullopt;
  long long total = std::llround(serial * 86400.0);
  long long day = total / 86400, secs = total % 86400;
  if (day > kMaxSerial1900 - (date1904 ? 1462 : 0)) return std::nullopt;
  if (kind == DateFormatKind::kTime && day >= 1) kind = DateFormatKind::kDateTime;
  char buf[40];
  std::string out;
  if (kind != DateFormatKind::kTime) {
    int y, m, d;
    if (date1904) {
      civil_from_days(kEpoch1904 + day, y, m, d);
    } else if (day == 60) {
      y = 1900, m = 2, d = 29;
    } else if (day == 0) {
      y = 1900, m = 1, d = 0;  // Excel shows "1900-01-00"
    } else {
      civil_from_days(kEpoch1900 + day + (day < 60 ? 1 : 0), y, m, d);
    }
    out = Date{y, m, d}.iso();
  }
  if (kind == DateFormatKind::kTime || (kind == DateFormatKind::kDateTime && secs != 0)) {
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", int(secs / 3600), int(secs / 60 % 60),
                  int(secs % 60));
    if (!out.empty()) out += ' ';
    out += buf;
  }
  return out;
}

std::optional<double> iso_to_serial(std::string_view iso, bool date1904) {
  auto num = [&](size_t pos, size_t len, int& v) {
    if (pos + len > iso.size()) return false;
    v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      v = v * 10 + (iso[i] - '0');
    }
    return true;
  };
  int y, m, d, hh = 0, mm = 0, ss = 0;
  if (!num(0, 4, y) || iso.size() < 10 || iso[4] != '-' || !num(5, 2, m) || iso[7] != '-' ||
      !num(8, 2, d))
    return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  long long days = days_from_civil(y, unsigned(m), unsigned(d));
  int cy, cm, cd;
  civil_from_days(days, cy, cm, cd);
  if (cy != y || cm != m || cd != d) return std::nullopt;  // e.g. 2014-02-30
  if (iso.size() > 10) {
    if (iso[10] != 'T' && iso[10] != ' ') return std::nullopt;
    if (!num(11, 2, hh) || iso.size() < 16 || iso[13] != ':' || !num(14, 2, mm)) return std::nullopt;
    if (iso.size() >= 19 && iso[16] == ':' && !num(17, 2, ss)) return std::nullopt;
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  }
  long long serial;
  if (date1904) {
    serial = days - kEpoch1904;
  } else {
    serial = days - kEpoch1900;
    if (serial <= 60) serial -= 1;  // before 1900-03-01 the fictitious 02-29 is not counted
  }
  if (serial < 0) return std::nullopt;
  return double(serial) + (hh * 3600 + mm * 60 + ss) / 86400.0;
}

}  // namespace edu::ingest
