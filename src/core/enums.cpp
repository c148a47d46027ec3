#include "core/enums.h"

#include <algorithm>

namespace edu {

bool Enumeration::contains(std::string_view value) const {
  return std::find(values.begin(), values.end(), value) != values.end();
}

#define EDU_ENUM(fn, key, label, ...)               \
  const Enumeration& fn() {                         \
    static const Enumeration e{key, label, {__VA_ARGS__}}; \
    return e;                                       \
  }

EDU_ENUM(school_kinds, "school_kind", "学校类别", "幼儿园", "小学", "教学点", "初级中学",
         "九年一贯制学校", "完全中学", "十二年一贯制学校", "高级中学", "中等职业学校",
         "特殊教育学校")
EDU_ENUM(ownerships, "ownership", "办学性质", "公办", "民办")
EDU_ENUM(locations, "location", "城乡类别", "城区", "镇区", "乡村")
EDU_ENUM(sections, "section", "学段", "学前", "小学", "初中", "高中", "中职", "特教")
EDU_ENUM(genders, "gender", "性别", "男", "女")
EDU_ENUM(student_statuses, "student_status", "学籍状态", "在读", "休学", "转出", "辍学", "毕业",
         "退学", "死亡")
EDU_ENUM(households, "household", "户口性质", "城镇", "农村")
EDU_ENUM(ethnicities, "ethnicity", "民族", "汉族", "苗族", "土家族", "侗族", "瑶族", "回族",
         "壮族", "蒙古族", "满族", "白族", "其他")
EDU_ENUM(posts, "post", "岗位类别", "专任教师", "教辅", "行政", "工勤")
EDU_ENUM(educations, "education", "最高学历", "研究生", "本科", "专科", "高中及以下")
EDU_ENUM(titles, "title", "职称", "正高级", "高级", "一级", "二级", "三级", "未定级")
EDU_ENUM(backbones, "backbone", "骨干级别", "无", "县级", "市级", "省级", "国家级")
EDU_ENUM(subjects, "subject", "任教学科", "语文", "数学", "英语", "道德与法治", "历史", "地理",
         "物理", "化学", "生物", "科学", "信息技术", "体育", "音乐", "美术", "心理健康",
         "综合实践", "学前教育", "特殊教育", "专业课")
EDU_ENUM(area_levels, "area_level", "区划级别", "市", "县", "乡镇", "学区")
EDU_ENUM(provinces, "province", "省份", "北京市", "天津市", "河北省", "山西省", "内蒙古自治区",
         "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省",
         "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市",
         "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
         "宁夏回族自治区", "新疆维吾尔自治区", "台湾省", "香港特别行政区", "澳门特别行政区")

#undef EDU_ENUM

const std::vector<const Enumeration*>& all_enumerations() {
  static const std::vector<const Enumeration*> all = {
      &school_kinds(), &ownerships(), &locations(),  &sections(),  &genders(),
      &student_statuses(), &households(), &ethnicities(), &posts(), &educations(),
      &titles(),       &backbones(),  &subjects(),   &area_levels(), &provinces()};
  return all;
}

std::string grade_label(std::string_view section, int grade) {
  static const char* kNumbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (grade >= -2 && grade <= 0) {
    static const char* kKinder[] = {"小班", "中班", "大班"};
    return kKinder[grade + 2];
  }
  if (grade >= 10 && grade <= 12) {
    if (section == "中职") return std::string(kNumbers[grade - 10]) + "年级";
    static const char* kHigh[] = {"高一", "高二", "高三"};
    return kHigh[grade - 10];
  }
  if (grade >= 1 && grade <= 9) return std::string(kNumbers[grade - 1]) + "年级";
  return std::to_string(grade) + "年级";
}

bool grade_in_section(std::string_view section, int grade) {
  if (section == "学前") return grade >= -2 && grade <= 0;
  if (section == "小学") return grade >= 1 && grade <= 6;
  if (section == "初中") return grade >= 7 && grade <= 9;
  if (section == "高中" || section == "中职") return grade >= 10 && grade <= 12;
  if (section == "特教") return grade >= 1 && grade <= 9;
  return false;
}

std::optional<int> grade_named(std::string_view section, std::string_view text) {
  for (int g = -2; g <= 12; ++g)
    if (grade_in_section(section, g) && (text == grade_label(section, g) || text == std::to_string(g)))
      return g;
  return std::nullopt;
}

std::string grade_labels(std::string_view section) {
  std::string labels;
  for (int g = -2; g <= 12; ++g)
    if (grade_in_section(section, g)) labels += (labels.empty() ? "" : "、") + grade_label(section, g);
  return labels;
}

std::string class_label(std::string_view section, int grade, int class_no) {
  return grade_label(section, grade) + "(" + std::to_string(class_no) + ")班";
}

std::vector<std::string> sections_of_kind(std::string_view kind) {
  if (kind == "幼儿园") return {"学前"};
  if (kind == "小学" || kind == "教学点") return {"小学"};
  if (kind == "初级中学") return {"初中"};
  if (kind == "九年一贯制学校") return {"小学", "初中"};
  if (kind == "完全中学") return {"初中", "高中"};
  if (kind == "十二年一贯制学校") return {"小学", "初中", "高中"};
  if (kind == "高级中学") return {"高中"};
  if (kind == "中等职业学校") return {"中职"};
  if (kind == "特殊教育学校") return {"特教"};
  return {};
}

int usual_entry_age(int grade) { return grade + 5; }

}  // namespace edu
