// xlsx reading: cell references, date formats, a workbook built part by part,
// a real file written by LibreOffice from a CSV, and the limits against
// hostile files.
#include "ingest/xlsx_reader.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/cell_ref.h"
#include "ingest/csv_reader.h"
#include "ingest/excel_date.h"
#include "ingest/spreadsheet.h"
#include "xlsx_builder.h"

namespace edu::ingest {
namespace {

namespace fs = std::filesystem;
using testing::one_sheet_workbook;
using testing::write_zip;
using Kind = Cell::Kind;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "edu_xlsx_XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> texts(const TableRow& row) {
  std::vector<std::string> out;
  for (const Cell& c : row.cells) out.push_back(c.text);
  return out;
}

// --- cell references -------------------------------------------------------

TEST(CellRef, ColumnLettersBothWays) {
  const std::pair<int, const char*> cases[] = {{0, "A"},     {25, "Z"},    {26, "AA"},   {51, "AZ"},
                                               {52, "BA"},   {701, "ZZ"},  {702, "AAA"}, {16383, "XFD"}};
  for (auto [index, letters] : cases) {
    EXPECT_EQ(column_letters(index), letters);
    EXPECT_EQ(column_index(letters), index);
  }
  for (int i = 0; i < kMaxColumns; ++i) ASSERT_EQ(column_index(column_letters(i)), i);
  EXPECT_EQ(column_index("xfd"), 16383);
  EXPECT_EQ(column_index("XFE"), std::nullopt);
  EXPECT_EQ(column_index("AAAA"), std::nullopt);
  EXPECT_EQ(column_index(""), std::nullopt);
  EXPECT_EQ(column_index("A1"), std::nullopt);
  EXPECT_EQ(column_letters(-1), "");
}

TEST(CellRef, ParsesReferences) {
  auto ref = parse_cell_ref("AB12");
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->row, 12);
  EXPECT_EQ(ref->column, 27);
  ref = parse_cell_ref("$XFD$1048576");
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->row, 1048576);
  EXPECT_EQ(ref->column, 16383);
  for (const char* bad : {"", "A", "12", "A0", "XFE1", "A1048577", "A1B", "A-1", "A99999999999"})
    EXPECT_EQ(parse_cell_ref(bad), std::nullopt) << bad;
}

TEST(CellRef, DescribesLocationInChinese) {
  EXPECT_EQ(describe_location("学生.xlsx", "学生", 12, 2), "学生.xlsx 工作表“学生”第12行C列");
  EXPECT_EQ(describe_location("学生.xlsx", "学生", 12), "学生.xlsx 工作表“学生”第12行");
  EXPECT_EQ(describe_location("学生.csv", "", 3, 0), "学生.csv 第3行A列");
  EXPECT_EQ(describe_location("学生.xlsx"), "学生.xlsx");
}

// --- numbers and dates -----------------------------------------------------

TEST(NumberText, ShortestWithoutTrailingZero) {
  EXPECT_EQ(number_text(2.5), "2.5");
  EXPECT_EQ(number_text(42.0), "42");
  EXPECT_EQ(number_text(-3.0), "-3");
  EXPECT_EQ(number_text(0.1), "0.1");
  EXPECT_EQ(number_text(-0.0), "0");
  EXPECT_EQ(number_text(1e14), "100000000000000");
  EXPECT_EQ(number_text(123456789012345.0), "123456789012345");
  // An 18-digit ID typed as a number has lost digits; it must not look exact.
  EXPECT_EQ(number_text(430521201409010037.0), "4.3052120140901005e+17");
}

TEST(ExcelDate, ClassifiesFormats) {
  for (int id : {14, 15, 16, 17, 27, 31, 36, 50, 57, 58})
    EXPECT_EQ(classify_number_format(id, ""), DateFormatKind::kDate) << id;
  EXPECT_EQ(classify_number_format(22, ""), DateFormatKind::kDateTime);
  for (int id : {18, 19, 20, 21, 32, 35, 45, 46, 47, 55, 56})
    EXPECT_EQ(classify_number_format(id, ""), DateFormatKind::kTime) << id;
  for (int id : {0, 1, 2, 9, 10, 11, 12, 13, 23, 37, 44, 48, 49})
    EXPECT_EQ(classify_number_format(id, ""), DateFormatKind::kNone) << id;

  EXPECT_EQ(classify_number_format(164, "yyyy-mm-dd"), DateFormatKind::kDate);
  EXPECT_EQ(classify_number_format(164, "YYYY\\-MM\\-DD"), DateFormatKind::kDate);  // LibreOffice
  EXPECT_EQ(classify_number_format(164, "yyyy\"年\"m\"月\"d\"日\""), DateFormatKind::kDate);
  EXPECT_EQ(classify_number_format(164, "[$-804]yyyy\"年\"m\"月\";@"), DateFormatKind::kDate);
  EXPECT_EQ(classify_number_format(164, "yyyy/m/d h:mm"), DateFormatKind::kDateTime);
  EXPECT_EQ(classify_number_format(164, "h:mm AM/PM"), DateFormatKind::kTime);
  EXPECT_EQ(classify_number_format(164, "mm:ss"), DateFormatKind::kTime);
  EXPECT_EQ(classify_number_format(164, "[h]:mm:ss"), DateFormatKind::kTime);
  // Letters inside quotes, brackets or escapes, and "General", are not dates.
  EXPECT_EQ(classify_number_format(164, "General"), DateFormatKind::kNone);
  EXPECT_EQ(classify_number_format(164, "0.00\"days\""), DateFormatKind::kNone);
  EXPECT_EQ(classify_number_format(164, "[Red]#,##0.00"), DateFormatKind::kNone);
  EXPECT_EQ(classify_number_format(164, "#,##0\\d"), DateFormatKind::kNone);
  EXPECT_EQ(classify_number_format(164, "0.00E+00"), DateFormatKind::kNone);
  EXPECT_EQ(classify_number_format(164, "@"), DateFormatKind::kNone);
  // A custom definition of a built-in id wins over the id.
  EXPECT_EQ(classify_number_format(14, "0.00"), DateFormatKind::kNone);
}

TEST(ExcelDate, SerialsIn1900System) {
  auto date = [](double serial) { return serial_to_text(serial, DateFormatKind::kDate, false).value_or("?"); };
  EXPECT_EQ(date(1), "1900-01-01");
  EXPECT_EQ(date(59), "1900-02-28");
  EXPECT_EQ(date(60), "1900-02-29");  // Excel's fictitious day
  EXPECT_EQ(date(61), "1900-03-01");
  EXPECT_EQ(date(41883), "2014-09-01");
  EXPECT_EQ(date(41883.75), "2014-09-01");
  EXPECT_EQ(date(2958465), "9999-12-31");
  EXPECT_EQ(serial_to_text(2958466, DateFormatKind::kDate, false), std::nullopt);
  EXPECT_EQ(serial_to_text(-1, DateFormatKind::kDate, false), std::nullopt);
  EXPECT_EQ(serial_to_text(41883.5, DateFormatKind::kDateTime, false), "2014-09-01 12:00:00");
  EXPECT_EQ(serial_to_text(41883, DateFormatKind::kDateTime, false), "2014-09-01");
  EXPECT_EQ(serial_to_text(0.354166666666667, DateFormatKind::kTime, false), "08:30:00");
  EXPECT_EQ(serial_to_text(41883.99999999, DateFormatKind::kDate, false), "2014-09-02");  // rounds to the second
}

TEST(ExcelDate, SerialsIn1904SystemAndBack) {
  EXPECT_EQ(serial_to_text(0, DateFormatKind::kDate, true), "1904-01-01");
  EXPECT_EQ(serial_to_text(40421, DateFormatKind::kDate, true), "2014-09-01");
  EXPECT_EQ(iso_to_serial("2014-09-01", false), 41883);
  EXPECT_EQ(iso_to_serial("2014-09-01", true), 40421);
  EXPECT_EQ(iso_to_serial("1900-02-28", false), 59);
  EXPECT_EQ(iso_to_serial("1900-03-01", false), 61);
  EXPECT_EQ(iso_to_serial("2014-09-01T12:00:00", false), 41883.5);
  EXPECT_EQ(iso_to_serial("2014-02-30", false), std::nullopt);
  EXPECT_EQ(iso_to_serial("2014-9-1", false), std::nullopt);
}

// --- a workbook built part by part -----------------------------------------

const char* kNs = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";

testing::Parts register_workbook() {
  std::string ns = kNs;
  return {
      {"[Content_Types].xml", testing::kContentTypes},
      {"_rels/.rels", testing::kRootRels},
      // Tab order: 学生 first, although its part is sheet2.xml.
      {"xl/workbook.xml",
       "<workbook " + ns + R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
       R"(<workbookPr/><sheets><sheet name="学生" sheetId="2" r:id="rId2"/>)"
       R"(<sheet name="教师" sheetId="1" state="hidden" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>)"
       R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/../worksheets/sheet2.xml"/>)"
       R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
       R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
       R"(</Relationships>)"},
      {"xl/styles.xml",
       "<styleSheet " + ns + ">"
       R"(<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>)"
       R"(<numFmt numFmtId="165" formatCode="0.00&quot;元&quot;"/><numFmt numFmtId="166" formatCode="[Red]#,##0.00"/></numFmts>)"
       R"(<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>)"
       R"(<xf numFmtId="166"/><xf numFmtId="49"/></cellXfs></styleSheet>)"},
      {"xl/sharedStrings.xml",
       "<sst " + ns + R"( count="8" uniqueCount="8">)"
       R"(<si><t>学生名单</t></si><si><t>姓名</t></si><si><t>身份证号</t></si>)"
       R"(<si><r><t>出生</t></r><r><rPr><b/></rPr><t>日期</t></r><rPh sb="0" eb="1"><t>チュウ</t></rPh></si>)"
       R"(<si><t>430521201409010037</t></si><si><t>张三</t></si>)"
       R"(<si><t xml:space="preserve"> 前后空格 </t></si><si><t>甲_x000D_乙</t></si></sst>)"},
      {"xl/worksheets/sheet2.xml",
       "<worksheet " + ns + "><dimension ref=\"A1:D10\"/><sheetData>"
       // Row 1: a title merged over A1:D1.
       R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="5"/></row>)"
       // Row 2: headers, one with rich text, one an inline string.
       R"(<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c>)"
       R"(<c r="D2" t="inlineStr"><is><t>金额</t></is></c></row>)"
       // Row 3: an ID number stored as text, a built-in date, a non-date custom format.
       R"(<row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" s="5" t="s"><v>4</v></c><c r="C3" s="1"><v>41883</v></c>)"
       R"(<c r="D3" s="3"><v>12.5</v></c></row>)"
       // Row 4: formatted but empty — left out.
       R"(<row r="4"><c r="A4" s="1"/><c r="B4" s="2" t="s"></c><c r="C4" t="inlineStr"><is><t></t></is></c></row>)"
       // Row 5: cells without references; "007" as text; a formula's string; a Chinese date format; a boolean.
       R"(<row r="5"><c t="inlineStr"><is><t>007</t></is></c><c t="str"><f>A5&amp;"x"</f><v>公式结果</v></c>)"
       R"(<c s="2"><v>45292.5</v></c><c t="b"><v>1</v></c></row>)"
       // Row 7 (6 is missing): an error value and a gap before a negative number.
       R"(<row r="7"><c r="A7" t="e"><v>#N/A</v></c><c r="D7" s="4"><v>-3</v></c></row>)"
       // Row 8: kept spaces, an _x000D_ escape, Excel's 1900-02-29, a number in exponent form.
       R"(<row r="8"><c r="A8" t="s"><v>6</v></c><c r="B8" t="s"><v>7</v></c><c r="C8" s="1"><v>60</v></c>)"
       R"(<c r="D8"><v>1E3</v></c></row>)"
       // Row 9: a value merged over A9:B10 (row 10 has no cells of its own).
       R"(<row r="9"><c r="A9" t="inlineStr"><is><t>合并</t></is></c></row>)"
       R"(</sheetData><mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="A9:B10"/>)"
       R"(<mergeCell ref="C7:C8"/></mergeCells></worksheet>)"},
      // The other sheet uses a namespace prefix, as some generators do.
      {"xl/worksheets/sheet1.xml",
       R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
       R"(<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>工号</x:t></x:is></x:c><x:c r="B2"><x:v>1</x:v></x:c></x:row>)"
       R"(</x:sheetData></x:worksheet>)"},
  };
}

TEST(XlsxReader, ReadsHandBuiltWorkbook) {
  TempDir dir;
  std::string path = dir / "花名册.xlsx";
  ASSERT_TRUE(write_zip(path, register_workbook()));
  auto book = read_xlsx(path);
  ASSERT_TRUE(book.ok()) << book.status().message();
  ASSERT_EQ(book->size(), 2u);
  const SheetTable& s = (*book)[0];
  EXPECT_EQ(s.name, "学生");
  EXPECT_EQ((*book)[1].name, "教师");

  std::vector<int> numbers;
  for (const TableRow& r : s.rows) numbers.push_back(r.number);
  EXPECT_EQ(numbers, (std::vector<int>{1, 2, 3, 5, 7, 8, 9, 10}));  // 4 and 6 empty

  using V = std::vector<std::string>;
  EXPECT_EQ(texts(s.rows[0]), (V{"学生名单", "学生名单", "学生名单", "学生名单"}));
  EXPECT_EQ(texts(s.rows[1]), (V{"姓名", "身份证号", "出生日期", "金额"}));
  EXPECT_EQ(texts(s.rows[2]), (V{"张三", "430521201409010037", "2014-09-01", "12.5"}));
  EXPECT_EQ(texts(s.rows[3]), (V{"007", "公式结果", "2024-01-01", "TRUE"}));
  EXPECT_EQ(texts(s.rows[4]), (V{"#N/A", "", "", "-3"}));
  EXPECT_EQ(texts(s.rows[5]), (V{" 前后空格 ", "甲\r乙", "1900-02-29", "1000"}));
  EXPECT_EQ(texts(s.rows[6]), (V{"合并", "合并"}));
  EXPECT_EQ(texts(s.rows[7]), (V{"合并", "合并"}));

  const auto& id = s.rows[2].cells[1];
  EXPECT_EQ(id.kind, Kind::kText);  // stored as text, stays text
  const auto& born = s.rows[2].cells[2];
  EXPECT_EQ(born.kind, Kind::kNumber);
  EXPECT_TRUE(born.is_date);
  EXPECT_EQ(born.number, 41883);
  const auto& money = s.rows[2].cells[3];
  EXPECT_EQ(money.kind, Kind::kNumber);
  EXPECT_FALSE(money.is_date);
  EXPECT_EQ(money.number, 12.5);
  EXPECT_EQ(s.rows[3].cells[0].kind, Kind::kText);
  EXPECT_TRUE(s.rows[3].cells[2].is_date);
  EXPECT_EQ(s.rows[3].cells[3].kind, Kind::kBool);
  EXPECT_EQ(s.rows[3].cells[3].number, 1);
  EXPECT_EQ(s.rows[4].cells[0].kind, Kind::kError);
  EXPECT_EQ(s.rows[4].cells[1].kind, Kind::kEmpty);
  EXPECT_FALSE(s.rows[4].cells[3].is_date);  // "[Red]" is not a date

  const SheetTable& t = (*book)[1];
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].number, 2);
  EXPECT_EQ(texts(t.rows[0]), (V{"工号", "1"}));

  // The same bytes from memory give the same tables.
  auto again = read_xlsx_bytes(read_all(path), "花名册.xlsx");
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 2u);
  for (size_t i = 0; i < s.rows.size(); ++i) EXPECT_EQ((*again)[0].rows[i].cells, s.rows[i].cells);
}

TEST(XlsxReader, Date1904System) {
  TempDir dir;
  std::string path = dir / "d.xlsx";
  ASSERT_TRUE(write_zip(path, one_sheet_workbook(
                                  R"(<sheetData><row r="1"><c r="A1" s="1"><v>40421</v></c>)"
                                  R"(<c r="B1" s="1"><v>0</v></c><c r="C1" t="d"><v>2014-09-01</v></c></row></sheetData>)",
                                  "", R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>)",
                                  R"(<workbookPr date1904="1"/>)")));
  auto book = read_xlsx(path);
  ASSERT_TRUE(book.ok()) << book.status().message();
  const auto& cells = (*book)[0].rows.at(0).cells;
  EXPECT_EQ(cells[0].text, "2014-09-01");
  EXPECT_EQ(cells[1].text, "1904-01-01");
  EXPECT_EQ(cells[2].text, "2014-09-01");
  EXPECT_EQ(cells[2].number, 40421);
  EXPECT_TRUE(cells[2].is_date);
}

TEST(XlsxReader, ReadsALargeSheetSliceBySlice) {
  // Over 4 MB of rows (parsed a few MB at a time), rows without references
  // (numbered across slices), and markup-like text in CDATA and comments.
  std::string body = "<sheetData><!-- </sheetData> </row> -->";
  const int n = 120000;
  for (int i = 1; i <= n; ++i) {
    body += "<row><c t=\"inlineStr\"><is><t>学生" + std::to_string(i) + "</t></is></c><c><v>" +
            std::to_string(i) + ".5</v></c></row>";
    if (i == 7) body += "<row><c t=\"inlineStr\"><is><t><![CDATA[</row></sheetData><x>]]></t></is></c></row>";
  }
  body += "</sheetData><mergeCells><mergeCell ref=\"A1:C1\"/></mergeCells>";
  ASSERT_GT(body.size(), size_t(8) << 20);
  TempDir dir;
  ASSERT_TRUE(write_zip(dir / "big.xlsx", one_sheet_workbook(body)));
  auto book = read_xlsx(dir / "big.xlsx");
  ASSERT_TRUE(book.ok()) << book.status().message();
  const auto& rows = (*book)[0].rows;
  ASSERT_EQ(rows.size(), size_t(n + 1));
  EXPECT_EQ(texts(rows[0]), (std::vector<std::string>{"学生1", "学生1", "学生1"}));  // merged
  EXPECT_EQ(texts(rows[7]), (std::vector<std::string>{"</row></sheetData><x>"}));
  EXPECT_EQ(rows[7].number, 8);
  for (size_t i = 8; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].number, int(i) + 1);
    ASSERT_EQ(rows[i].cells[0].text, "学生" + std::to_string(i));
    ASSERT_EQ(rows[i].cells[1].number, double(i) + 0.5);
  }
}

// --- a real file from LibreOffice, and the CSV round trip -------------------

bool have_soffice() { return std::system("command -v soffice >/dev/null 2>&1") == 0; }

// Converts `csv` (UTF-8) to xlsx with LibreOffice; column 2 is imported as
// text, the way a register's ID-number column is formatted.
std::string convert_with_libreoffice(const TempDir& dir, const std::string& csv_name) {
  std::string home = dir / "home";
  fs::create_directories(home);
  std::string cmd = "cd '" + dir.path.string() + "' && HOME='" + home +
                    "' soffice -env:UserInstallation=file://" + home +
                    "/profile --headless --infilter=CSV:44,34,76,1,2/2 --convert-to xlsx --outdir '" +
                    (dir / "out") + "' '" + (dir / csv_name) + "' >'" + (dir / "soffice.log") + "' 2>&1";
  int rc = std::system(cmd.c_str());
  EXPECT_EQ(rc, 0) << read_all(dir / "soffice.log");
  std::string xlsx = dir / ("out/" + fs::path(csv_name).stem().string() + ".xlsx");
  EXPECT_TRUE(fs::exists(xlsx)) << read_all(dir / "soffice.log");
  return xlsx;
}

const char* kStudentsCsv =
    "姓名,身份证号,出生日期,身高,备注\n"
    "张三,430521201409010037,2014-09-01,1.25,\"一班,二组\"\n"
    "\n"
    "李四,43052120140901003X,2014-10-15,2.5,\n"
    "王五,430521201502280016,2015-02-28,10,\"说\"\"好\"\"\"\n";

TEST(XlsxReader, ReadsFileWrittenByLibreOffice) {
  if (!have_soffice()) GTEST_SKIP() << "soffice (libreoffice-calc-nogui) is not installed";
  TempDir dir;
  std::ofstream(dir / "学生.csv") << kStudentsCsv;
  std::string xlsx = convert_with_libreoffice(dir, "学生.csv");
  auto book = read_xlsx(xlsx);
  ASSERT_TRUE(book.ok()) << book.status().message();
  ASSERT_EQ(book->size(), 1u);
  const SheetTable& s = (*book)[0];
  EXPECT_EQ(s.name, "学生");
  ASSERT_EQ(s.rows.size(), 4u);
  using V = std::vector<std::string>;
  EXPECT_EQ(s.rows[0].number, 1);
  EXPECT_EQ(texts(s.rows[0]), (V{"姓名", "身份证号", "出生日期", "身高", "备注"}));
  EXPECT_EQ(s.rows[1].number, 2);
  EXPECT_EQ(texts(s.rows[1]), (V{"张三", "430521201409010037", "2014-09-01", "1.25", "一班,二组"}));
  EXPECT_EQ(s.rows[2].number, 4);  // the blank line keeps its number
  EXPECT_EQ(texts(s.rows[2]), (V{"李四", "43052120140901003X", "2014-10-15", "2.5"}));
  EXPECT_EQ(s.rows[3].number, 5);
  EXPECT_EQ(texts(s.rows[3]), (V{"王五", "430521201502280016", "2015-02-28", "10", "说\"好\""}));

  for (const TableRow& r : s.rows)
    for (const Cell& c : r.cells) EXPECT_NE(c.kind, Kind::kEmpty) << r.number;
  for (int i : {1, 2, 3}) {
    const auto& cells = s.rows[size_t(i)].cells;
    EXPECT_EQ(cells[0].kind, Kind::kText);
    EXPECT_EQ(cells[1].kind, Kind::kText) << "ID numbers must stay text";
    EXPECT_EQ(cells[2].kind, Kind::kNumber);
    EXPECT_TRUE(cells[2].is_date);
    EXPECT_EQ(cells[3].kind, Kind::kNumber);
    EXPECT_FALSE(cells[3].is_date);
  }
  EXPECT_EQ(s.rows[1].cells[2].number, 41883);
  EXPECT_EQ(s.rows[1].cells[3].number, 1.25);
}

TEST(XlsxReader, SameCellsThroughCsvAndXlsx) {
  if (!have_soffice()) GTEST_SKIP() << "soffice (libreoffice-calc-nogui) is not installed";
  TempDir dir;
  std::ofstream(dir / "学生.csv") << kStudentsCsv;
  auto csv = read_csv(dir / "学生.csv");
  ASSERT_TRUE(csv.ok()) << csv.status().message();
  auto book = read_xlsx(convert_with_libreoffice(dir, "学生.csv"));
  ASSERT_TRUE(book.ok()) << book.status().message();
  const SheetTable& x = (*book)[0];
  EXPECT_EQ(x.name, csv->name);
  ASSERT_EQ(x.rows.size(), csv->rows.size());
  for (size_t i = 0; i < x.rows.size(); ++i) {
    EXPECT_EQ(x.rows[i].number, csv->rows[i].number);
    EXPECT_EQ(texts(x.rows[i]), texts(csv->rows[i])) << "row " << x.rows[i].number;
  }
}

// --- errors and hostile files ------------------------------------------------

TEST(XlsxReader, NamesSheetRowAndColumnOfABadCell) {
  auto bytes = [](const std::string& body) {
    TempDir dir;
    write_zip(dir / "x.xlsx", one_sheet_workbook(body, "<si><t>a</t></si>"));
    return read_all(dir / "x.xlsx");
  };
  auto r = read_xlsx_bytes(bytes(R"(<sheetData><row r="12"><c r="C12" t="s"><v>7</v></c></row></sheetData>)"),
                           "学生.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("学生.xlsx 工作表“Sheet1”第12行C列：", 0), 0u) << r.status().message();

  r = read_xlsx_bytes(bytes(R"(<sheetData><row r="3"><c r="B3"><v>12abc</v></c></row></sheetData>)"), "学生.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("第3行B列"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("12abc"), std::string::npos);

  r = read_xlsx_bytes(bytes(R"(<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>)"), "学生.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("XFE1"), std::string::npos) << r.status().message();

  r = read_xlsx_bytes(bytes(R"(<sheetData><row r="1048577"><c><v>1</v></c></row></sheetData>)"), "学生.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("1048577"), std::string::npos) << r.status().message();

  r = read_xlsx_bytes(bytes(R"(<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetDat>)"), "学生.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("不是有效的XML"), std::string::npos) << r.status().message();
}

TEST(XlsxReader, RecognisesFilesThatAreNotXlsx) {
  auto r = read_xlsx_bytes("这不是压缩包", "学生.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("学生.xlsx：", 0), 0u);
  r = read_xlsx_bytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'), "学生.xls");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("97-2003"), std::string::npos);
  r = read_xlsx_bytes("<html><table><tr><td>1</td></tr></table></html>", "导出.xls");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("HTML"), std::string::npos);
  r = read_xlsx("/nonexistent/学生.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("学生.xlsx"), std::string::npos);
  // A zip without a workbook.
  TempDir dir;
  ASSERT_TRUE(write_zip(dir / "a.zip", {{"readme.txt", "hi"}}));
  r = read_xlsx(dir / "a.zip");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("workbook"), std::string::npos);
  // Truncated: a real workbook cut in half.
  ASSERT_TRUE(write_zip(dir / "b.xlsx", register_workbook()));
  std::string half = read_all(dir / "b.xlsx");
  half.resize(half.size() / 2);
  EXPECT_FALSE(read_xlsx_bytes(half, "b.xlsx").ok());
}

TEST(XlsxReader, RefusesAnEntryThatInflatesBeyond200MB) {
  TempDir dir;
  std::string path = dir / "bomb.xlsx";
  auto parts = one_sheet_workbook("<sheetData/>");
  parts.pop_back();  // the sheet comes as 201 MB of zeros
  ASSERT_TRUE(write_zip(path, parts, "xl/worksheets/sheet1.xml", size_t(201) << 20));
  EXPECT_LT(fs::file_size(path), size_t(2) << 20);
  auto r = read_xlsx(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), "xlsx_too_large");
  EXPECT_NE(r.status().message().find("200MB"), std::string::npos) << r.status().message();
}

TEST(XlsxReader, LimitsCellsFromGapsAndMerges) {
  TempDir dir;
  XlsxLimits limits;
  limits.max_cells = 100000;
  // One merge over the whole sheet must not fill 17 billion cells.
  ASSERT_TRUE(write_zip(dir / "m.xlsx", one_sheet_workbook(
                                           R"(<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>)"
                                           R"(<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>)")));
  auto r = read_xlsx(dir / "m.xlsx", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), "xlsx_too_large");
  EXPECT_NE(r.status().message().find("工作表“Sheet1”"), std::string::npos);
  // Many rows each reaching column XFD.
  std::string rows;
  for (int i = 1; i <= 20; ++i) rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"XFD" + std::to_string(i) + "\"><v>1</v></c></row>";
  ASSERT_TRUE(write_zip(dir / "g.xlsx", one_sheet_workbook("<sheetData>" + rows + "</sheetData>")));
  r = read_xlsx(dir / "g.xlsx", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), "xlsx_too_large");
  // Within the limits the same shape reads.
  limits.max_cells = 400000;
  r = read_xlsx(dir / "g.xlsx", limits);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)[0].rows[0].cells.size(), 16384u);
  EXPECT_EQ((*r)[0].rows[0].cells.back().text, "1");
}

// The row cap stops reading at the first row beyond it: the broken cell
// further down (shared string 99 of 1) is never reached, and the rows after
// it are never held.
TEST(XlsxReader, StopsAtTheFirstRowBeyondTheRowCap) {
  auto workbook = [](int last_row, int bad_row) {
    std::string rows;
    for (int i = 1; i <= last_row; ++i)
      rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) + "\" t=\"s\"><v>" +
              (i == bad_row ? "99" : "0") + "</v></c></row>";
    return one_sheet_workbook("<sheetData>" + rows + "</sheetData>", "<si><t>a</t></si>");
  };
  TempDir dir;
  ASSERT_TRUE(write_zip(dir / "x.xlsx", workbook(20, 15)));
  XlsxLimits limits;
  limits.max_rows = 10;
  auto capped = read_xlsx(dir / "x.xlsx", limits);
  ASSERT_FALSE(capped.ok());
  EXPECT_EQ(capped.status().code(), kTooManyRows);
  EXPECT_EQ(capped.status().message(),
            "x.xlsx 工作表“Sheet1”第12行：数据超过10行（不含表头），超出单次导入的上限");
  limits.max_rows = 100;
  auto whole = read_xlsx(dir / "x.xlsx", limits);
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(whole.status().code(), "xlsx_corrupt");
  ASSERT_TRUE(write_zip(dir / "y.xlsx", workbook(11, 0)));
  limits.max_rows = 10;  // the header and 10 rows
  auto exactly = read_xlsx(dir / "y.xlsx", limits);
  ASSERT_TRUE(exactly.ok()) << exactly.status().message();
  EXPECT_EQ((*exactly)[0].rows.size(), 11u);
}

// An import uses the first sheet with data: the sheets after it are not read,
// so they can neither hold rows beyond the cap nor fail the file.
TEST(XlsxReader, AnImportReadsNoSheetAfterTheFirstWithData) {
  auto parts = register_workbook();
  for (auto& [name, content] : parts)
    if (name == "xl/worksheets/sheet1.xml") content = "<worksheet><sheetData><row>";  // not XML
  TempDir dir;
  ASSERT_TRUE(write_zip(dir / "x.xlsx", parts));
  EXPECT_EQ(read_xlsx(dir / "x.xlsx").status().code(), "xlsx_corrupt");
  auto sheet = read_spreadsheet_bytes(read_all(dir / "x.xlsx"), "x.xlsx");
  ASSERT_TRUE(sheet.ok()) << sheet.status().message();
  EXPECT_EQ(sheet->name, "学生");
}

}  // namespace
}  // namespace edu::ingest
