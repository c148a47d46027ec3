// Resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit area code,
// 8-digit birth date, 3-digit sequence (odd = male), 1 check character.
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace edu {

// The check character for the first 17 digits ('0'-'9' or 'X').
// Precondition: first17 holds exactly 17 ASCII digits.
char id_check_char(std::string_view first17);

struct IdNumberInfo {
  std::string normalized;  // upper-case 'X'
  Date birth_date;
  std::string gender;  // "男" / "女"
};

// Validates length, characters, birth date (a real date, not in the future of
// `today`) and checksum. Errors are Chinese and say which of these failed.
Result<IdNumberInfo> check_id_number(std::string_view text, const Date& today);

// "430521200801011234" -> "4305**********123X"-style: keeps 4 leading and 4 trailing.
std::string mask_id_number(std::string_view id_number);

}  // namespace edu
