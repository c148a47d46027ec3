// CSV reading: the encodings Chinese Excel, WPS and LibreOffice save, RFC 4180
// quoting, and errors that name the file and row.
#include "ingest/csv_reader.h"

#include <gtest/gtest.h>
#include <iconv.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "ingest/text_encoding.h"

namespace edu::ingest {
namespace {

namespace fs = std::filesystem;
using V = std::vector<std::string>;

std::vector<std::string> texts(const TableRow& row) {
  std::vector<std::string> out;
  for (const Cell& c : row.cells) out.push_back(c.text);
  return out;
}

// Converts UTF-8 test text to another encoding with the iconv C API.
std::string encode(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  EXPECT_NE(cd, iconv_t(-1));
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &dst, &dst_left), size_t(-1));
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

const std::string kUtf8 =
    "学号,姓名,身份证号,入学日期,身高\r\n"
    "001,张三,430521201409010037,2014-09-01,1.25\r\n"
    "002,李四,43052120140901003X,2014-09-01,1.3\r\n";

void expect_register(const Result<SheetTable>& t) {
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(texts(t->rows[0]), (V{"学号", "姓名", "身份证号", "入学日期", "身高"}));
  EXPECT_EQ(texts(t->rows[1]), (V{"001", "张三", "430521201409010037", "2014-09-01", "1.25"}));
  EXPECT_EQ(texts(t->rows[2]), (V{"002", "李四", "43052120140901003X", "2014-09-01", "1.3"}));
  for (const TableRow& r : t->rows)
    for (const Cell& c : r.cells) {
      EXPECT_EQ(c.kind, Cell::Kind::kText);  // CSV has no types: "001" stays "001"
      EXPECT_FALSE(c.is_date);
    }
  EXPECT_EQ(t->rows[2].number, 3);
}

TEST(CsvReader, Utf8) {
  expect_register(read_csv_bytes(kUtf8, "学生.csv"));
  auto d = decode_text(kUtf8, "学生.csv");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->encoding, TextEncoding::kUtf8);
}

TEST(CsvReader, Utf8WithBom) {
  auto t = read_csv_bytes("\xEF\xBB\xBF" + kUtf8, "学生.csv");
  expect_register(t);
  EXPECT_EQ(t->rows[0].cells[0].text, "学号");  // no BOM left in the first cell
  EXPECT_EQ(decode_text("\xEF\xBB\xBF" + kUtf8, "x")->encoding, TextEncoding::kUtf8Bom);
}

TEST(CsvReader, GbkAsSavedByChineseExcel) {
  std::string gbk = encode(kUtf8, "GBK");
  ASSERT_NE(gbk, kUtf8);
  expect_register(read_csv_bytes(gbk, "学生.csv"));
  EXPECT_EQ(decode_text(gbk, "x")->encoding, TextEncoding::kGb18030);
  // Characters beyond GBK (GB18030 four-byte forms) read too.
  std::string rare = encode("姓名\n𠀀,䶮\n", "GB18030");
  auto t = read_csv_bytes(rare, "学生.csv");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(texts(t->rows[1]), (V{"𠀀", "䶮"}));
}

TEST(CsvReader, Utf16LeWithBom) {
  std::string utf16 = "\xFF\xFE" + encode(kUtf8, "UTF-16LE");
  expect_register(read_csv_bytes(utf16, "学生.csv"));
  EXPECT_EQ(decode_text(utf16, "x")->encoding, TextEncoding::kUtf16Le);
  // Excel's "Unicode 文本" is tab separated.
  std::string tabbed = "\xFF\xFE" + encode("姓名\t备注\r\n张三\t有,逗号\r\n", "UTF-16LE");
  auto t = read_csv_bytes(tabbed, "学生.txt");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(texts(t->rows[1]), (V{"张三", "有,逗号"}));
  std::string be = "\xFE\xFF" + encode(kUtf8, "UTF-16BE");
  expect_register(read_csv_bytes(be, "学生.csv"));
}

TEST(CsvReader, QuotedFields) {
  auto t = read_csv_bytes(
      "名称,地址,说明\n"
      "\"第一中学\",\"湖南省,邵阳市\",\"他说\"\"你好\"\"\"\n"
      "\"多行\r\n文字\",\"\",\"a\nb\"\n"
      "x,\"\"\"\",y\n",
      "学校.csv");
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_EQ(texts(t->rows[1]), (V{"第一中学", "湖南省,邵阳市", "他说\"你好\""}));
  EXPECT_EQ(texts(t->rows[2]), (V{"多行\n文字", "", "a\nb"}));
  EXPECT_EQ(t->rows[2].cells[1].kind, Cell::Kind::kEmpty);
  EXPECT_EQ(t->rows[3].number, 4);  // records, not lines, are numbered
  EXPECT_EQ(texts(t->rows[3]), (V{"x", "\"", "y"}));
  EXPECT_EQ(t->name, "学校");
}

TEST(CsvReader, LineEndingsBlankRowsAndTrailingCells) {
  auto t = read_csv_bytes("a,b\r\n\r\n,,\nc,,\rd,\"\",\n,e", "x.csv");
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_EQ(t->rows[0].number, 1);
  EXPECT_EQ(t->rows[1].number, 4);
  EXPECT_EQ(texts(t->rows[1]), (V{"c"}));  // trailing empty cells trimmed
  EXPECT_EQ(t->rows[2].number, 5);
  EXPECT_EQ(texts(t->rows[2]), (V{"d"}));
  EXPECT_EQ(t->rows[3].number, 6);
  EXPECT_EQ(texts(t->rows[3]), (V{"", "e"}));
  EXPECT_TRUE(t->rows[3].cells[0].empty());
  auto empty = read_csv_bytes("", "空.csv");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->rows.empty());
}

TEST(CsvReader, TabSeparatedOnlyWithoutCommas) {
  auto t = read_csv_bytes("姓名\t班级\n张三\t一班\n", "x.txt");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(texts(t->rows[1]), (V{"张三", "一班"}));
  t = read_csv_bytes("姓名,备注\t说明\n张三,a\tb\n", "x.csv");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(texts(t->rows[1]), (V{"张三", "a\tb"}));
}

TEST(CsvReader, UnterminatedQuoteNamesTheRow) {
  auto t = read_csv_bytes("姓名,备注\n张三,好\n李四,\"没有结束\n王五,好\n", "学生.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), "csv_syntax");
  EXPECT_EQ(t.status().message().rfind("学生.csv 第3行B列：", 0), 0u) << t.status().message();
  EXPECT_NE(t.status().message().find("引号"), std::string::npos);
}

TEST(CsvReader, BinaryGarbageIsRefused) {
  std::string garbage = "\x89PNG\r\n\x1a\n";
  for (int i = 0; i < 512; ++i) garbage += char((i * 7919 + 13) % 256);
  auto t = read_csv_bytes(garbage, "照片.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), "csv_encoding");
  EXPECT_EQ(t.status().message().rfind("照片.csv 第", 0), 0u) << t.status().message();
}

TEST(CsvReader, UnknownEncodingNamesTheLine) {
  // Valid text, then a line with bytes that are neither UTF-8 nor GB18030.
  auto t = read_csv_bytes("姓名\n张三\n\xFF\xFF\x80\n", "学生.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), "csv_encoding");
  EXPECT_EQ(t.status().message().rfind("学生.csv 第3行：", 0), 0u) << t.status().message();
  EXPECT_NE(t.status().message().find("UTF-8"), std::string::npos);
  // A UTF-8 BOM followed by GBK bytes is a damaged file, not silently GBK.
  t = read_csv_bytes("\xEF\xBB\xBF" + std::string("a\n") + encode("张三", "GBK"), "学生.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("第2行"), std::string::npos) << t.status().message();
  // A truncated UTF-16 file.
  t = read_csv_bytes("\xFF\xFE" + encode("a\nb", "UTF-16LE") + "\x41", "u.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("UTF-16LE"), std::string::npos);
}

TEST(CsvReader, FindsInvalidUtf8) {
  EXPECT_EQ(find_invalid_utf8("abc 中文 𠀀"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("ab\x80"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xC0\x80"), 0u);          // overlong
  EXPECT_EQ(find_invalid_utf8("a\xED\xA0\x80"), 1u);     // surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // beyond U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xE4\xB8"), 0u);          // truncated
}

TEST(CsvReader, ReadsFromAFile) {
  std::string tmpl = (fs::temp_directory_path() / "edu_csv_XXXXXX").string();
  fs::path dir = mkdtemp(tmpl.data());
  std::ofstream(dir / "学生名单.csv", std::ios::binary) << encode(kUtf8, "GBK");
  auto t = read_csv((dir / "学生名单.csv").string());
  expect_register(t);
  EXPECT_EQ(t->name, "学生名单");
  auto missing = read_csv((dir / "没有.csv").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("没有.csv"), std::string::npos);
  fs::remove_all(dir);
}

TEST(CsvReader, RefusesTooManyColumns) {
  std::string wide(20000, ',');
  wide += "x\n";
  auto t = read_csv_bytes(wide, "宽.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("第1行"), std::string::npos);
  EXPECT_NE(t.status().message().find("16384"), std::string::npos);
}

// The row cap stops reading at the first row beyond it: the unclosed quote
// further down is never reached.
TEST(CsvReader, StopsAtTheFirstRowBeyondTheCap) {
  std::string csv = "姓名,性别\n";
  for (int i = 0; i < 20; ++i) csv += "张" + std::to_string(i) + ",男\n";
  csv += "\"never closed\n";
  auto capped = read_csv_bytes(csv, "学生.csv", 10);
  ASSERT_FALSE(capped.ok());
  EXPECT_EQ(capped.status().code(), kTooManyRows);
  EXPECT_EQ(capped.status().message(), "学生.csv 第12行：数据超过10行（不含表头），超出单次导入的上限");
  auto whole = read_csv_bytes(csv, "学生.csv", 100);
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(whole.status().code(), "csv_syntax");
  csv.resize(csv.find('"'));
  auto exactly = read_csv_bytes(csv, "学生.csv", 20);  // the header and 20 rows
  ASSERT_TRUE(exactly.ok()) << exactly.status().message();
  EXPECT_EQ(exactly->rows.size(), 21u);
}

}  // namespace
}  // namespace edu::ingest
