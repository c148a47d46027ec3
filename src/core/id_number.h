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

// "43052120080101123X" -> "430521************": only the 6-digit area code
// stays. The birth date and gender are shown beside a masked number anyway,
// so the date digits, and the sequence and check characters that would rebuild
// the number from them, are all hidden. Texts of 6 characters or fewer are
// hidden whole.
std::string mask_id_number(std::string_view id_number);

}  // namespace edu
