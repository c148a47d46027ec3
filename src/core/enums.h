// Enumerations of the domain, as the Chinese values users read and store.
// Values are stored verbatim in the database and in files; each list is the
// single source of what a field may hold (DOMAIN.md is the glossary).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edu {

struct Enumeration {
  std::string key;    // machine name, e.g. "school_kind"
  std::string label;  // Chinese name of the field, e.g. "学校类别"
  std::vector<std::string> values;

  bool contains(std::string_view value) const;
};

const Enumeration& school_kinds();       // 幼儿园 … 特殊教育学校
const Enumeration& ownerships();         // 公办 / 民办
const Enumeration& locations();          // 城区 / 镇区 / 乡村
const Enumeration& sections();           // 学前 小学 初中 高中 中职 特教
const Enumeration& genders();            // 男 / 女
const Enumeration& student_statuses();   // 在读 休学 转出 辍学 毕业 退学 死亡
const Enumeration& households();         // 城镇 / 农村
const Enumeration& ethnicities();        // 汉族 … (the common ones)
const Enumeration& posts();              // 专任教师 教辅 行政 工勤
const Enumeration& educations();         // 研究生 本科 专科 高中及以下
const Enumeration& titles();             // 正高级 … 未定级
const Enumeration& backbones();          // 无 县级 市级 省级 国家级
const Enumeration& subjects();           // 语文 数学 …
const Enumeration& area_levels();        // 市 / 县 (区/县) / 乡镇 / 学区: core/area_tree.h
const Enumeration& provinces();          // 北京市 … 澳门特别行政区 (转出县外's 去向)

// Every enumeration above, for the API's /meta/enums and for validation.
const std::vector<const Enumeration*>& all_enumerations();

// Grades are integers: -2 小班, -1 中班, 0 大班, 1-6 一至六年级, 7-9 七至九年级,
// 10-12 高一至高三 (中职: 一至三年级).
std::string grade_label(std::string_view section, int grade);
// The grade range a section spans, e.g. 小学 -> [1, 6].
bool grade_in_section(std::string_view section, int grade);
// The grade of `section` that `text` names, by its label ("三年级", "高一") or
// its number ("3"); nullopt when no grade of the section has that name.
std::optional<int> grade_named(std::string_view section, std::string_view text);
// The labels of a section's grades, joined by "、": "一年级、二年级…六年级".
std::string grade_labels(std::string_view section);
// A class's usual name: 三年级(2)班.
std::string class_label(std::string_view section, int grade, int class_no);
// The sections a school kind teaches, e.g. 九年一贯制学校 -> {小学, 初中}.
std::vector<std::string> sections_of_kind(std::string_view kind);
// Usual age at 1 September of the school year for a grade (一年级 -> 6).
int usual_entry_age(int grade);

}  // namespace edu
