// The blank import template of a register (学校, 学生, 教职工, 办学条件), from
// its column specs (ingest/register_spec.h):
//  - sheet spec.title: the header row, a required column's header marked
//    with a trailing "*" (which the import's header matching ignores), then
//    the sample row; drop-down lists on rows 2–10000 for columns with
//    choices and for 是/否 columns; text columns formatted as text so that
//    ID numbers and codes typed in stay exact.
//  - sheet 填写说明: one row per column — 列名, 是否必填, 格式, 可选值
//    (joined with 、), 说明.
// Filled in and uploaded, it imports without header problems.
#pragma once

#include <string>

#include "core/status.h"
#include "ingest/register_spec.h"

namespace edu::report {

inline constexpr int kTemplateRows = 10000;  // rows 2..kTemplateRows get the drop-down lists

Status write_template(const RegisterSpec& spec, const std::string& path);

}  // namespace edu::report
