// The API's routes, grouped by subject; each group registers itself on the
// Router. Handlers stay thin: parse the request, call the store or a workflow
// command, render JSON.
#pragma once

#include <memory>

#include "http/router.h"

namespace edu {

class SnapshotCache;  // http/analytics_context.h: the county's snapshot, shared by the routes that read it

void add_auth_routes(Router& router);       // /auth/login, /auth/logout, /auth/me
void add_setup_routes(Router& router);      // /setup (首次设置)
void add_reference_routes(Router& router, std::shared_ptr<SnapshotCache> snapshots);  // /meta/enums, /meta/forms, /areas, /dashboard
void add_register_routes(Router& router);   // /schools, /students, /teachers, /classes
void add_admin_routes(Router& router);      // /users, /audit
void add_import_routes(Router& router);     // /imports
void add_export_routes(Router& router);     // /templates, /exports
void add_analytics_routes(Router& router, std::shared_ptr<SnapshotCache> snapshots);  // /analytics, /exports/balance.xlsx
void add_exam_routes(Router& router);      // /exams (质量监测), /my/classes (我的班级)
void add_rollover_routes(Router& router);  // /rollover (学年升级)
void add_transition_routes(Router& router);  // /catchments, /transition (小升初)
void add_case_routes(Router& router);        // /meta/workflows, /cases (学籍异动, 待办)
void add_check_routes(Router& router);       // /checks, /exports/checks (数据核查)
void add_dropout_routes(Router& router);     // /dropout/report, /exports/dropout.xlsx (控辍保学)
void add_settings_routes(Router& router);    // /settings/workflows (办理时限)
void add_exchange_routes(Router& router);    // /exchange/plan, /exchange/teachers/{id} (交流轮岗)
void add_training_routes(Router& router);    // /training (继续教育), /teachers/{id}/history (教师档案)
void add_title_routes(Router& router);       // /titles, /exports/titles.xlsx (职称评聘)

// What the user's scope is called: the county, an area or a school name.
Result<std::string> scope_name(Database& db, const User& user);
// An export's file name carrying the caller's scope: "{scope_name}-{title}.xlsx"
// (青山县新城小学-2026学年统计指标.xlsx).
Result<std::string> scoped_file_name(ApiCall& call, const std::string& title);

}  // namespace edu
