// Excel dates: which number formats show a date or a time, and how a serial
// number becomes ISO text. Excel stores a date as a number of days (1900
// system: 1 = 1900-01-01, with the fictitious 1900-02-29 at 60 kept for
// Lotus compatibility; 1904 system: 0 = 1904-01-01) and the time of day as
// the fraction.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace edu::ingest {

enum class DateFormatKind { kNone, kDate, kTime, kDateTime };

// Classifies a number format. `code` is the format code from styles.xml, or ""
// for a built-in id with no definition there; then the id decides (14–17 and
// 22 date/date-time; 18–21 and 45–47 time; the Chinese-locale built-ins 27–31,
// 36, 50–54, 57, 58 date and 32–35, 55, 56 time). A code is a date/time when
// y, m, d, h or s appear outside quoted text, [brackets] and \escapes;
// "m" next to h or s means minutes.
DateFormatKind classify_number_format(int id, std::string_view code);

// Text for a serial number under a date/time format:
//   kDate      "2014-09-01"
//   kDateTime  "2014-09-01 08:30:00", or just the date when the time is 00:00:00
//   kTime      "08:30:00" (a serial of one day or more is shown as kDateTime)
// Serial 60 of the 1900 system gives "1900-02-29", as Excel shows it. nullopt
// for negative serials or beyond 9999-12-31, which Excel shows as ####.
std::optional<std::string> serial_to_text(double serial, DateFormatKind kind, bool date1904);

// "2014-09-01" or "2014-09-01T08:30:00" (a t="d" cell) → serial number.
std::optional<double> iso_to_serial(std::string_view iso, bool date1904);

}  // namespace edu::ingest
