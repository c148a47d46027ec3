// The text-field rule (core/text_field.h), by hand-written cases.
#include "core/text_field.h"

#include <gtest/gtest.h>

namespace edu {
namespace {

std::string cleaned(std::string_view text, const std::string& key = "name") {
  auto r = clean_text(text, key, "姓名");
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : "";
}

std::string problem(std::string_view text, const std::string& key = "name") {
  auto r = clean_text(text, key, "姓名");
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_EQ(r.status().field(), key);
  return r.status().message();
}

TEST(TextField, TrimsWhiteSpaceAtBothEnds) {
  EXPECT_EQ(cleaned("  张三\t"), "张三");
  EXPECT_EQ(cleaned("\r\n李四\n"), "李四");
  EXPECT_EQ(cleaned("\xE3\x80\x80王五\xE3\x80\x80 "), "王五");  // full-width spaces
  EXPECT_EQ(cleaned("欧阳 娜娜"), "欧阳 娜娜");                 // a space inside stays
}

TEST(TextField, WhitespaceOnlyBecomesEmpty) {
  EXPECT_EQ(cleaned("   "), "");
  EXPECT_EQ(cleaned("\t\xE3\x80\x80\n"), "");
  EXPECT_EQ(cleaned(""), "");
}

TEST(TextField, RejectsControlCharactersInside) {
  using namespace std::string_literals;
  EXPECT_EQ(problem("张\0三"s), "“姓名”含有控制字符(如换行、制表符或空字符),请删除后重试");
  EXPECT_NE(problem("张\n三").find("控制字符"), std::string::npos);
  EXPECT_NE(problem("张\t三").find("控制字符"), std::string::npos);
  EXPECT_NE(problem("张\x1B[31m三").find("控制字符"), std::string::npos);  // ESC
  EXPECT_NE(problem("张\x7F三").find("控制字符"), std::string::npos);      // DEL
  EXPECT_NE(problem("张\xC2\x85三").find("控制字符"), std::string::npos);  // U+0085 (C1)
  EXPECT_NE(problem("三\0"s).find("控制字符"), std::string::npos);         // NUL is not trimmed
  EXPECT_EQ(cleaned("\xC2\xA0张"), "\xC2\xA0张");                          // U+00A0 is not a control
}

TEST(TextField, RejectsInvalidUtf8) {
  EXPECT_EQ(problem("张\xFF三"), "“姓名”含有无效字符(不是UTF-8文本)");
  EXPECT_FALSE(problem("\xE5\xBC").empty());      // truncated 张
  EXPECT_FALSE(problem("\xC0\xAF").empty());      // overlong '/'
  EXPECT_FALSE(problem("\xED\xA0\x80").empty());  // a surrogate
}

TEST(TextField, CapsTheLengthInCharacters) {
  std::string fifty;
  for (int i = 0; i < 50; ++i) fifty += "张";  // 150 bytes, 50 characters
  EXPECT_EQ(cleaned(fifty), fifty);
  EXPECT_EQ(problem(fifty + "三"), "“姓名”不能超过50个字");
  EXPECT_EQ(cleaned("  " + fifty + "  "), fifty);  // counted after trimming
  EXPECT_FALSE(problem(std::string(10000, 'a')).empty());
}

TEST(TextField, LimitsByField) {
  EXPECT_EQ(text_limit("name"), 50u);
  EXPECT_EQ(text_limit("address"), 200u);
  EXPECT_EQ(text_limit("reason"), 500u);
  EXPECT_EQ(text_limit("principal"), 100u);
  EXPECT_EQ(cleaned(std::string(200, 'a'), "address"), std::string(200, 'a'));
  EXPECT_EQ(problem(std::string(201, 'a'), "address"), "“姓名”不能超过200个字");
}

TEST(TextField, TrimTextAlone) {
  EXPECT_EQ(trim_text(" 姓名\xE3\x80\x80"), "姓名");
  EXPECT_EQ(trim_text("\t\r\n"), "");
}

}  // namespace
}  // namespace edu
