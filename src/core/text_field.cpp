#include "core/text_field.h"

#include "core/utf8.h"

namespace edu {
namespace {

constexpr std::string_view kFullWidthSpace = "\xE3\x80\x80";  // U+3000

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// U+0000–U+001F and U+007F as one byte; U+0080–U+009F as C2 80–C2 9F.
bool has_control_character(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
  }
  return false;
}

// Code points in well-formed UTF-8: the bytes that are not continuation bytes.
size_t characters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

size_t text_limit(const std::string& key) {
  if (key == "name" || key == "display_name") return 50;
  if (key == "address") return 200;
  if (key == "reason") return 500;
  return 100;
}

std::string trim_text(std::string_view s) {
  for (;;) {
    if (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
    else if (s.starts_with(kFullWidthSpace)) s.remove_prefix(kFullWidthSpace.size());
    else break;
  }
  for (;;) {
    if (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
    else if (s.ends_with(kFullWidthSpace)) s.remove_suffix(kFullWidthSpace.size());
    else break;
  }
  return std::string(s);
}

Result<std::string> clean_text(std::string_view text, const std::string& key,
                               const std::string& label) {
  auto what = [&] { return "“" + label + "”"; };
  if (find_invalid_utf8(text) != std::string_view::npos)
    return Status::Error("validation", what() + "含有无效字符(不是UTF-8文本)", key);
  std::string s = trim_text(text);
  if (has_control_character(s))
    return Status::Error("validation", what() + "含有控制字符(如换行、制表符或空字符),请删除后重试",
                         key);
  const size_t limit = text_limit(key);
  if (characters(s) > limit)
    return Status::Error("validation", what() + "不能超过" + std::to_string(limit) + "个字", key);
  return s;
}

}  // namespace edu
