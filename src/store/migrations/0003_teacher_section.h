// Migration 3: the 学段 a teacher teaches (teachers.section), so that a
// 九年一贯制 school's staff split into its 小学 and 初中 sections. Existing rows
// are backfilled by the rule of core/teacher_section.h: a single-section
// school's only section; in a multi-section school 物理/化学/生物/历史/地理
// teachers go to 初中 where there is one, the others to the first section.
#pragma once

namespace edu {

inline constexpr const char* kMigration0003TeacherSection = R"SQL(
ALTER TABLE teachers ADD COLUMN section TEXT NOT NULL DEFAULT '';
UPDATE teachers SET section = (
  SELECT CASE
    WHEN s.kind IN ('九年一贯制学校', '十二年一贯制学校', '完全中学')
         AND teachers.subject IN ('物理', '化学', '生物', '历史', '地理') THEN '初中'
    WHEN s.kind = '幼儿园' THEN '学前'
    WHEN s.kind IN ('小学', '教学点', '九年一贯制学校', '十二年一贯制学校') THEN '小学'
    WHEN s.kind IN ('初级中学', '完全中学') THEN '初中'
    WHEN s.kind = '高级中学' THEN '高中'
    WHEN s.kind = '中等职业学校' THEN '中职'
    WHEN s.kind = '特殊教育学校' THEN '特教'
    ELSE '' END
  FROM schools s WHERE s.id = teachers.school_id);
)SQL";

}  // namespace edu
