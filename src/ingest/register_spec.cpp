#include "ingest/register_spec.h"

namespace edu {
namespace {

using T = ColumnType;

std::vector<RegisterSpec> make_specs() {
  RegisterSpec area{"area", "乡镇(街道)", {}, {"area_code"}};
  area.columns = {
      {"area_code", "行政区划代码", {"区划代码", "代码"}, T::kText, true, nullptr,
       "乡镇(街道):9位或12位数字,以所属县(区)的6位代码开头;区/县(仅市级部署):6位数字,前4位同本市代码;"
       "学区:所属乡镇(街道)的代码后加2位序号(上级由代码确定)",
       "430521101"},
      {"name", "乡镇(街道)名称", {"名称", "乡镇名称", "乡镇(街道)", "乡镇", "街道", "区划名称"}, T::kText, true,
       nullptr, "同一上级区划内不得重名", "城关镇"},
      {"level", "级别", {"区划级别", "层级"}, T::kText, false, nullptr,
       "可不填,按代码位数确定:6位为区/县,9位或12位为乡镇(街道),11位或14位为学区;填写时须为“区/县”“乡镇(街道)”或“学区”,并与代码一致",
       "乡镇(街道)"},
  };
  RegisterSpec school{"school", "学校", {}, {"code"}};
  school.columns = {
      {"code", "学校标识码", {"标识码", "学校代码"}, T::kText, true, nullptr, "10位数字,全国唯一", "2143052199"},
      {"name", "学校名称", {"学校", "名称", "单位名称"}, T::kText, true, nullptr, "", "青山县新城小学"},
      {"kind", "学校类别", {"办学类型", "类别"}, T::kText, true, &school_kinds(), "", "小学"},
      {"ownership", "办学性质", {"举办者性质"}, T::kText, true, &ownerships(), "", "公办", {}, "公办"},
      {"location", "城乡类别", {"城乡分类"}, T::kText, true, &locations(), "", "城区"},
      {"area", "所属乡镇", {"乡镇", "乡镇(街道)", "所在乡镇", "所属学区", "所属乡镇(学区)"}, T::kText, true, nullptr,
       "乡镇(街道)或学区的名称;与别处重名时填其行政区划代码", "桃洪镇", {"area", "area_id"}},
      {"address", "地址", {"学校地址", "详细地址"}, T::kText, false, nullptr, "", "桃洪镇新城路1号"},
      {"principal", "校长", {"校长姓名", "负责人"}, T::kText, false, nullptr, "", "李明"},
      {"phone", "联系电话", {"电话", "办公电话"}, T::kText, false, nullptr, "", "0739-8888888"},
      {"founded_year", "建校年份", {"建校时间"}, T::kInteger, false, nullptr, "四位年份", "2026"},
      {"weak", "薄弱学校", {"是否薄弱学校"}, T::kYesNo, false, nullptr, "是/否;由教育局认定", "否", {}, "否"},
  };
  RegisterSpec klass{"class", "班级", {}, {"school_code", "school_year", "section", "grade", "class_no"}};
  klass.columns = {
      {"school_code", "学校标识码", {"学校代码", "标识码"}, T::kText, true, nullptr, "", "2143052101",
       {"school", "school_id"}},
      {"school_year", "学年", {"学年度"}, T::kSchoolYear, true, nullptr,
       "学年起始年份,如2026表示2026-2027学年", "2026"},
      {"section", "学段", {}, T::kText, true, &sections(), "", "小学"},
      {"grade", "年级", {}, T::kText, true, nullptr, "如 一年级、七年级、高一、大班", "三年级"},
      {"class_no", "班号", {"班级号", "班序号"}, T::kInteger, true, nullptr, "1、2、3……", "2"},
      {"name", "班级名称", {"班级", "班名"}, T::kText, false, nullptr,
       "空白时按年级与班号生成,如“三年级(2)班”", "三年级(2)班"},
      {"head_teacher", "班主任身份证号", {"班主任证件号码"}, T::kIdNumber, false, nullptr,
       "本校教职工的身份证号;可空白", "430521199003150028", {"teacher", "head_teacher_id"}},
  };
  RegisterSpec student{"student", "学生", {}, {"id_number"}};
  student.columns = {
      {"name", "姓名", {"学生姓名"}, T::kText, true, nullptr, "", "张小明"},
      {"gender", "性别", {}, T::kText, true, &genders(), "须与身份证号第17位一致", "男"},
      {"id_number", "身份证号", {"身份证件号", "身份证号码", "证件号码", "公民身份号码"},
       T::kIdNumber, true, nullptr, "18位,末位可为X;请以文本格式填写", "430521201409010037"},
      {"birth_date", "出生日期", {"出生年月日"}, T::kDate, true, nullptr,
       "YYYY-MM-DD,须与身份证号一致", "2014-09-01"},
      {"ethnicity", "民族", {}, T::kText, true, &ethnicities(), "", "汉族", {}, "汉族"},
      {"school_code", "学校标识码", {"学校代码", "标识码"}, T::kText, true, nullptr,
       "学生所在学校的10位标识码", "2143052101", {"school", "school_id"}},
      {"class_name", "班级", {"班级名称", "所在班级"}, T::kText, false, nullptr,
       "本学年班级名称,如“七年级(2)班”", "七年级(2)班", {"class", "class_id"}},
      {"status", "学籍状态", {"学生状态", "在校状态"}, T::kText, true, &student_statuses(), "", "在读", {},
       "在读"},
      {"enrolled_on", "入学日期", {"入学年月", "入学时间"}, T::kDate, true, nullptr, "", "2026-09-01"},
      {"household", "户口性质", {"户籍性质", "户口类别"}, T::kText, true, &households(), "", "农村"},
      {"left_behind", "留守儿童", {"是否留守儿童"}, T::kYesNo, false, nullptr, "是/否", "否"},
      {"disabled", "随班就读", {"是否随班就读"}, T::kYesNo, false, nullptr, "是/否", "否"},
  };
  RegisterSpec teacher{"teacher", "教职工", {}, {"id_number"}};
  teacher.columns = {
      {"name", "姓名", {"教师姓名", "教职工姓名"}, T::kText, true, nullptr, "", "李芳"},
      {"gender", "性别", {}, T::kText, true, &genders(), "须与身份证号第17位一致", "女"},
      {"id_number", "身份证号", {"身份证件号", "身份证号码", "证件号码", "公民身份号码"},
       T::kIdNumber, true, nullptr, "18位,末位可为X;请以文本格式填写", "430521199003150028"},
      {"birth_date", "出生日期", {"出生年月日"}, T::kDate, true, nullptr, "", "1990-03-15"},
      {"school_code", "学校标识码", {"学校代码", "标识码"}, T::kText, true, nullptr, "", "2143052101",
       {"school", "school_id"}},
      {"post", "岗位类别", {"岗位"}, T::kText, true, &posts(), "", "专任教师", {}, "专任教师"},
      {"education", "最高学历", {"学历"}, T::kText, true, &educations(), "", "本科"},
      {"title", "职称", {"专业技术职务", "专业技术职称"}, T::kText, true, &titles(), "", "一级"},
      {"subject", "任教学科", {"学科", "任教科目"}, T::kText, true, &subjects(), "", "数学"},
      {"backbone", "骨干级别", {"骨干教师"}, T::kText, true, &backbones(), "", "无", {}, "无"},
      {"section", "任教学段", {"学段"}, T::kText, false, &sections(),
       "九年一贯制等多学段学校填写;空白时按学校类别与学科推定", "小学"},
      {"on_staff", "是否在编", {"在编", "编制"}, T::kYesNo, true, nullptr, "是/否", "是", {}, "是"},
      {"hired_on", "参加工作日期", {"参加工作时间", "参加工作年月"}, T::kDate, true, nullptr, "", "2012-09-01"},
  };
  RegisterSpec conditions{"conditions", "办学条件", {}, {"school_code", "school_year"}};
  conditions.columns = {
      {"school_code", "学校标识码", {"学校代码", "标识码"}, T::kText, true, nullptr, "", "2143052101",
       {"school", "school_id"}},
      {"school_year", "学年", {"学年度"}, T::kSchoolYear, true, nullptr,
       "学年起始年份,如2026表示2026-2027学年", "2026"},
      {"building_area", "校舍建筑面积", {"校舍面积"}, T::kNumber, true, nullptr, "平方米", "8600"},
      {"teaching_area", "教学及辅助用房面积", {"教学辅助用房面积"}, T::kNumber, true, nullptr, "平方米", "4200"},
      {"sports_area", "体育运动场馆面积", {"运动场馆面积"}, T::kNumber, true, nullptr, "平方米", "7800"},
      {"equipment_value", "教学仪器设备值", {"仪器设备值", "教学仪器设备资产值"}, T::kNumber, true, nullptr, "元", "1850000"},
      {"books", "图书", {"图书册数", "藏书"}, T::kInteger, true, nullptr, "册", "32000"},
      {"computers", "计算机", {"计算机台数"}, T::kInteger, true, nullptr, "台", "120"},
      {"multimedia_rooms", "网络多媒体教室", {"多媒体教室", "网络多媒体教室数"}, T::kInteger, true,
       nullptr, "间", "24"},
  };
  RegisterSpec catchment{"catchment", "小升初划片", {}, {"school_code"}};
  catchment.columns = {
      {"school_code", "小学标识码", {"小学学校标识码", "学校标识码"}, T::kText, true, nullptr,
       "设有小学学段的学校的10位标识码;每所小学一行", "2143052101", {"school", "school_id"}},
      {"middle_school_code", "对口初中标识码", {"初中标识码", "划片初中标识码"}, T::kText, true,
       nullptr, "设有初中学段的学校的10位标识码;九年一贯制学校可填本校", "2143052150",
       {"school", "middle_school_id"}},
  };
  return {area, school, klass, student, teacher, conditions, catchment};
}

// Trims ASCII and full-width spaces and a required-field marker.
std::string clean_header(std::string h) {
  auto strip = [&](const std::string& piece, bool at_end) {
    if (h.size() < piece.size()) return false;
    size_t pos = at_end ? h.size() - piece.size() : 0;
    if (h.compare(pos, piece.size(), piece) != 0) return false;
    h.erase(pos, piece.size());
    return true;
  };
  for (bool changed = true; changed;) {
    changed = strip(" ", false) || strip(" ", true) || strip("\xE3\x80\x80", false) ||
              strip("\xE3\x80\x80", true) || strip("*", true) || strip("*", false) ||
              strip("(必填)", true) || strip("(必填)", true) || strip("\n", true);
  }
  return h;
}

}  // namespace

const std::vector<RegisterSpec>& all_register_specs() {
  static const std::vector<RegisterSpec> specs = make_specs();
  return specs;
}

std::string register_kinds() {
  std::string kinds;
  for (const auto& spec : all_register_specs()) kinds += (kinds.empty() ? "" : "、") + spec.kind;
  return kinds;
}

const RegisterSpec* find_register_spec(const std::string& kind) {
  for (const auto& spec : all_register_specs())
    if (spec.kind == kind) return &spec;
  return nullptr;
}

const ColumnSpec* match_header(const RegisterSpec& spec, const std::string& header) {
  std::string h = clean_header(header);
  for (const auto& column : spec.columns) {
    if (column.header == h) return &column;
    for (const auto& alias : column.aliases)
      if (alias == h) return &column;
  }
  return nullptr;
}

}  // namespace edu
