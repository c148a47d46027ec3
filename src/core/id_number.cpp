#include "core/id_number.h"

#include <cctype>

namespace edu {

char id_check_char(std::string_view first17) {
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char kChecks[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kChecks[sum % 11];
}

Result<IdNumberInfo> check_id_number(std::string_view text, const Date& today) {
  const std::string field = "id_number";
  if (text.size() != 18)
    return Status::Error("invalid_id_number",
                         "身份证号应为18位,实际为" + std::to_string(text.size()) + "位", field);
  std::string id(text);
  if (id[17] == 'x') id[17] = 'X';
  for (int i = 0; i < 17; ++i)
    if (!std::isdigit(static_cast<unsigned char>(id[i])))
      return Status::Error("invalid_id_number", "身份证号前17位只能是数字", field);
  if (!std::isdigit(static_cast<unsigned char>(id[17])) && id[17] != 'X')
    return Status::Error("invalid_id_number", "身份证号第18位只能是数字或X", field);
  auto birth = parse_compact_date(std::string_view(id).substr(6, 8));
  if (!birth)
    return Status::Error("invalid_id_number",
                         "身份证号中的出生日期" + id.substr(6, 8) + "不是有效日期", field);
  if (*birth > today)
    return Status::Error("invalid_id_number",
                         "身份证号中的出生日期" + birth->iso() + "晚于今天", field);
  char expected = id_check_char(id);
  if (id[17] != expected)
    return Status::Error("invalid_id_number",
                         std::string("身份证号校验位错误:应为") + expected + ",实际为" + id[17],
                         field);
  int sequence = id[16] - '0';
  return IdNumberInfo{id, *birth, sequence % 2 == 1 ? "男" : "女"};
}

std::string mask_id_number(std::string_view id) {
  constexpr size_t kAreaCode = 6;
  if (id.size() <= kAreaCode) return std::string(id.size(), '*');
  return std::string(id.substr(0, kAreaCode)) + std::string(id.size() - kAreaCode, '*');
}

}  // namespace edu
