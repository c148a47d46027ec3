#include "analytics/balance_standard.h"

namespace edu::analytics {

bool is_teacher_quantity(Quantity q) { return q <= Quantity::kSeniorTitleTeachers; }

const char* section_name(Section s) { return s == Section::kPrimary ? "小学" : "初中"; }

std::optional<Section> section_from_name(const std::string& name) {
  if (name == "小学") return Section::kPrimary;
  if (name == "初中") return Section::kJunior;
  return std::nullopt;
}

std::string BalanceSettings::description() const {
  return std::string("高于规定学历:小学") + (primary_above_needs_bachelor ? "本科及以上(省定口径)"
                                                                          : "专科及以上(国家口径)") +
         ",初中本科及以上";
}

const BalanceStandard& quality_standard_2017() {
  static const BalanceStandard s{
      "2017",
      "优质均衡(2017)",
      {{"above_teachers", "每百名学生拥有高于规定学历教师数", "人", Quantity::kAboveTeachers, 100, {4.2, 5.3}},
       {"backbone_teachers", "每百名学生拥有县级及以上骨干教师数", "人", Quantity::kBackboneTeachers, 100, {1.0, 1.0}},
       {"pe_art_teachers", "每百名学生拥有体育、艺术专任教师数", "人", Quantity::kPeArtTeachers, 100, {0.9, 0.9}},
       {"teaching_area", "生均教学及辅助用房面积", "m²", Quantity::kTeachingArea, 1, {4.5, 5.8}},
       {"sports_area", "生均体育运动场馆面积", "m²", Quantity::kSportsArea, 1, {7.5, 10.2}},
       {"equipment", "生均教学仪器设备值", "元", Quantity::kEquipment, 1, {2000, 2500}, 0},
       {"multimedia_rooms", "每百名学生拥有网络多媒体教室数", "间", Quantity::kMultimediaRooms, 100, {2.3, 2.4}}},
      {0.50, 0.45},
      true};
  return s;
}

const BalanceStandard& basic_standard_2012() {
  static const BalanceStandard s{
      "2012",
      "基本均衡(2012)",
      {{"teaching_area", "生均教学及辅助用房面积", "m²", Quantity::kTeachingArea, 1, {0, 0}},
       {"sports_area", "生均体育运动场馆面积", "m²", Quantity::kSportsArea, 1, {0, 0}},
       {"equipment", "生均教学仪器设备值", "元", Quantity::kEquipment, 1, {0, 0}, 0},
       {"computers", "每百名学生拥有计算机台数", "台", Quantity::kComputers, 100, {0, 0}},
       {"books", "生均图书册数", "册", Quantity::kBooks, 1, {0, 0}},
       {"teachers", "师生比(每百名学生专任教师数)", "人", Quantity::kTeachers, 100, {0, 0}},
       {"above_teachers", "生均高于规定学历教师数(每百名学生)", "人", Quantity::kAboveTeachers, 100, {0, 0}},
       {"senior_title_teachers", "生均中级及以上专业技术职务教师数(每百名学生)", "人",
        Quantity::kSeniorTitleTeachers, 100, {0, 0}}},
      {0.65, 0.55},
      false};
  return s;
}

const BalanceStandard* find_standard(const std::string& key) {
  if (key.empty() || key == "2017") return &quality_standard_2017();
  if (key == "2012") return &basic_standard_2012();
  return nullptr;
}

double staffing_norm(Section s) { return s == Section::kPrimary ? 19.0 : 13.5; }

}  // namespace edu::analytics
