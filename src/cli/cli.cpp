#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>

#include "access/policy.h"
#include "cli/analyze_command.h"
#include "cli/command_support.h"
#include "cli/demo_county.h"
#include "cli/demo_exams.h"
#include "cli/exam_command.h"
#include "cli/dropout_command.h"
#include "cli/transition_command.h"
#include "cli/year_command.h"
#include "cli/demo_dropout.h"
#include "cli/demo_users.h"
#include "demo/generator.h"
#include "http/server.h"
#include "ingest/cell_ref.h"
#include "ingest/file_bytes.h"
#include "store/area_store.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "store/school_store.h"
#include "store/school_year_store.h"
#include "workflow/county_setup.h"
#include "workflow/import_commands.h"
#include "workflow/register_export.h"

namespace edu {
namespace {

Result<std::unique_ptr<Database>> open_migrated(const std::string& path) {
  auto db = open_database(path);
  if (!db.ok()) return db.status();
  auto applied = migrate(**db);
  if (!applied.ok()) return applied.status();
  return db;
}

ApiServer* g_server = nullptr;
void on_signal(int) {
  if (g_server) g_server->stop();
}

int run_serve(const ServerOptions& options) {
  auto server = ApiServer::create(options);
  if (!server.ok()) return fail(server.status());
  g_server = server->get();
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::cout << "EduBureau 教育局综合管理平台 已启动:http://localhost:" << (*server)->port()
            << "/  (数据库 " << options.database << ",按 Ctrl+C 停止)" << std::endl;
  if (!(*server)->setup_code().empty())
    std::cout << "数据库尚未初始化:请在浏览器中打开上述地址完成首次设置,首次设置码 "
              << (*server)->setup_code() << "(或用 edubureau init 命令初始化)" << std::endl;
  (*server)->run();
  g_server = nullptr;
  return 0;
}

// The demo starts from an empty database: a file not there yet, or a
// PostgreSQL database without tables. With `force` the file is removed, or
// every table with the schema public.
Status empty_database(const std::string& path, bool force) {
  if (!is_postgres_url(path)) {
    if (!std::filesystem::exists(path)) return Status::Ok();
    if (!force) return Status::Error("exists", "数据库文件 " + path + " 已存在;如需重新生成请加 --force");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    return Status::Ok();
  }
  auto db = open_database(path);
  if (!db.ok()) return db.status();
  auto tables = (*db)->query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'");
  if (!tables.ok()) return tables.status();
  if (tables->front().integer(0) == 0) return Status::Ok();
  if (!force)
    return Status::Error("exists", "数据库 " + path + " 已存在数据表;如需重新生成请加 --force(将删除其中全部数据)");
  return (*db)->exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
}

// `edubureau demo`: the county by the register imports (cli/demo_county.h),
// or with `bulk` by the bulk loader; then the same steps both ways. Prints
// each step's time and what the bulk way left out.
int run_demo(const std::string& path, demo::DemoSettings settings, bool force, bool bulk) {
  if (Status s = empty_database(path, force); !s.ok()) return fail(s);
  const auto start = std::chrono::steady_clock::now();
  auto lap_start = start;
  std::vector<std::pair<std::string, double>> steps;
  auto lap = [&](const char* step) {
    const auto now = std::chrono::steady_clock::now();
    steps.emplace_back(step, std::chrono::duration<double>(now - lap_start).count());
    lap_start = now;
  };
  auto db = open_migrated(path);
  if (!db.ok()) return fail(db.status());
  {
    demo::DemoCounty generated = demo::generate_county(settings);
    lap("生成");
    Status s = bulk ? load_demo_county(**db, generated, settings, demo_admin())
                    : write_demo_county(**db, generated, settings, demo_admin());
    if (!s.ok()) return fail(s);
    lap(bulk ? "登记册整体装载" : "登记册导入");
    s = write_demo_extras(**db, generated, settings, demo_admin(), !bulk);
    if (s.ok()) s = set_setting(**db, "school_year", std::to_string(settings.current_school_year));
    if (!s.ok()) return fail(s);
    lap("划片、核查、异动与交流");
  }  // the generated county is freed before the database's is read
  auto users = create_demo_users(**db, settings.current_school_year);
  if (!users.ok()) return fail(users.status());
  auto county = read_registers(**db);
  if (!county.ok()) return fail(county.status());
  lap("账号与读回");
  if (Status e = create_demo_exams(**db, *county, settings, std::cout); !e.ok()) return fail(e);
  lap("考试");
  if (Status d = create_demo_dropout_cases(**db, settings.current_school_year); !d.ok()) return fail(d);
  lap("控辍保学");
  if (Status t = write_demo_training(**db, *county, settings); !t.ok()) return fail(t);
  lap("继续教育");
  // The exams' and the training's rows came in bulk too: the planner should know them.
  if (Status a = refresh_statistics(**db, {}); !a.ok()) return fail(a);
  lap("统计信息");
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  size_t enrolled = 0;
  for (const Student& st : county->students) enrolled += st.status == "在读";
  std::cout << "已生成演示县“" << settings.county_name << "”到 " << path << "(" << seconds
            << " 秒):\n  乡镇 " << county->areas.size() - 1 << " 个,学校 "
            << county->schools.size() << " 所,在读学生 " << enrolled << " 人,教职工 "
            << county->teachers.size() << " 人,班级 " << county->classes.size() << " 个(含历史学年)\n  各步用时(秒):";
  for (const auto& [step, t] : steps) std::cout << " " << step << " " << t;
  std::cout << "\n";
  if (bulk)
    std::cout << "  整体装载未写职称评聘(岗位聘任逐条写入并审计,省级规模需数分钟);登记册只有一条装载审计,无逐行审计\n";
  std::cout << "演示账号(密码均为 " << kDemoPassword << "):\n";
  for (const User& u : *users)
    std::cout << "  " << u.username << "\t" << role_label(u.role) << "\t" << u.display_name << "\n";
  return 0;
}

// `edubureau export`: a register list as `username` sees it, to an .xlsx file.
int run_export(Database& db, const std::string& list, const std::string& path,
               const std::string& username, const std::string& school_code) {
  auto actor = actor_named(db, username);
  if (!actor.ok()) return fail(actor.status());
  std::optional<int64_t> school_id;
  if (!school_code.empty()) {
    auto school = find_school_by_code(db, school_code);
    if (!school.ok()) return fail(school.status());
    if (!*school) return fail(Status::Error("not_found", "学校标识码 " + school_code + " 不存在"));
    school_id = (*school)->id;
  }
  auto year = current_school_year(db);
  if (!year.ok()) return fail(year.status());
  Result<int64_t> rows = Status::Error("not_found", "未知的名录“" + list + "”(可用:schools、students、teachers、conditions、classes、areas、catchments)");
  if (list == "schools") {
    rows = export_schools(db, *actor, {}, *year, path);
  } else if (list == "students") {
    StudentFilter f;
    f.school_id = school_id;
    rows = export_students(db, *actor, f, path);
  } else if (list == "teachers") {
    TeacherFilter f;
    f.school_id = school_id;
    rows = export_teachers(db, *actor, f, path);
  } else if (list == "conditions") {
    SchoolRecordsFilter f;
    f.school_id = school_id;
    rows = export_conditions(db, *actor, f, *year, path);
  } else if (list == "classes") {
    SchoolRecordsFilter f;
    f.school_id = school_id;
    rows = export_classes(db, *actor, f, *year, path);
  } else if (list == "areas") {
    rows = export_areas(db, *actor, path);
  } else if (list == "catchments") {
    rows = export_catchments(db, *actor, path);
  }
  if (!rows.ok()) return fail(rows.status());
  std::cout << "已导出 " << *rows << " 行到 " << path << "\n";
  return 0;
}

// `edubureau import`: preview a register file as `username`, and commit it when asked.
int run_import(Database& db, const std::string& kind, const std::string& path,
               const std::string& username, bool commit) {
  const RegisterSpec* spec = find_register_spec(kind);
  if (!spec)
    return fail(Status::Error("not_found", "未知的登记表类型“" + kind + "”(可用:" + register_kinds() + ")"));
  auto found = actor_named(db, username);
  if (!found.ok()) return fail(found.status());
  const Actor& actor = *found;
  auto content = read_command_file(path);
  if (!content.ok()) return fail(content.status());
  auto year = current_school_year(db);
  if (!year.ok()) return fail(year.status());
  RegisterContext ctx{local_today(), *year};
  const std::string file_name = ingest::base_name(path);
  auto record = commit ? import_file(db, actor, *spec, file_name, *content, ctx)
                       : preview_import(db, actor, *spec, file_name, *content, ctx);
  if (!record.ok()) return fail(record.status());
  std::cout << "文件 " << record->file_name << "(" << spec->title << ",导入编号 " << record->id
            << "):共 " << record->rows << " 行,有效 " << record->valid_rows << " 行\n";
  for (const auto& c : record->unknown_columns) std::cout << "  未识别的列(将忽略):" << c << "\n";
  for (const auto& c : record->missing_columns) std::cout << "  缺少必需的列:" << c << "\n";
  auto listed = list_import_problems(db, record->id, {1, int64_t{kListedProblems}});
  if (!listed.ok()) return fail(listed.status());
  for (const auto& p : listed->items)
    std::cout << "  第" << p.row << "行"
              << (p.column >= 0 ? ingest::column_letters(p.column) + "列(" + p.header + ")" : "")
              << ":" << p.message << "\n";
  if (record->problem_count > listed->total)
    std::cout << "  共" << record->problem_count << "处问题,以上列出前" << listed->total << "处\n";
  if (record->problem_count > 0 || !record->missing_columns.empty()) {
    std::cerr << "错误:文件有问题,未导入任何数据\n";
    return 1;
  }
  if (!commit) {
    std::cout << "校验通过:将新增 " << record->to_create << ",更新 " << record->to_update
              << ",无变化 " << record->unchanged << ";加 --commit 确认导入\n";
    return 0;
  }
  std::cout << "已导入:新增 " << record->created << ",更新 " << record->updated << ",无变化 "
            << record->unchanged << "\n";
  return 0;
}

// `edubureau restore`: the backup replaces the whole database, all or nothing,
// and an older backup's schema is brought up to date.
int run_restore(const std::string& path, const std::string& file) {
  auto db = open_database(path);
  if (!db.ok()) return fail(db.status());
  if (Status s = (*db)->restore_from(file); !s.ok()) return fail(s);
  auto applied = migrate(**db);
  if (!applied.ok()) return fail(applied.status());
  auto current = schema_version(**db);
  if (!current.ok()) return fail(current.status());
  std::cout << "已从 " << file << " 恢复数据库(结构版本 " << *current << ")\n";
  return 0;
}

std::string read_password(const std::string& given) {
  if (!given.empty()) return given;
  std::cerr << "请输入密码:";
  std::string line;
  std::getline(std::cin, line);
  return line;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"EduBureau 教育局综合管理平台 (Education Management Information System)"};
  app.require_subcommand(1);
  app.fallthrough();  // "--db FILE" may also follow the subcommand
  std::string db_path = "edubureau.db";
  app.add_option("--db", db_path, "SQLite 数据库文件,或 postgresql://用户@主机:端口/库名 / database file or URL")
      ->capture_default_str();

  ServerOptions server_options;
  auto* serve_cmd = app.add_subcommand("serve", "启动网页与API服务 / serve the web UI and API");
  serve_cmd->add_option("--port", server_options.port, "端口 / port")->capture_default_str();
  serve_cmd->add_option("--host", server_options.host, "监听地址 / listen address")
      ->capture_default_str();
  server_options.web_dir = "web/dist";
  server_options.daily_sweep = true;
  serve_cmd->add_option("--web", server_options.web_dir, "前端构建目录 / built web UI")
      ->capture_default_str();
  serve_cmd->add_option("--threads", server_options.threads,
                        "数据库连接数(连接线程为其4倍) / database connections (4× connection workers)")
      ->capture_default_str();
  serve_cmd->add_flag("--secure-cookies", server_options.secure_cookies,
                      "经 HTTPS 反向代理时设置 Cookie 的 Secure 属性");
  serve_cmd->add_flag("--behind-proxy", server_options.behind_proxy,
                      "经本机反向代理(nginx)时,以其 X-Real-IP 头为客户端地址 / trust a local proxy's X-Real-IP");

  demo::DemoSettings demo_settings;
  bool force = false;
  auto* demo_cmd = app.add_subcommand("demo", "生成演示县数据 / generate the demo county");
  demo_cmd->add_option("--seed", demo_settings.seed, "随机种子 / seed")->capture_default_str();
  demo_cmd->add_option("--scale", demo_settings.scale, "规模(1.0约6万学生) / scale")
      ->capture_default_str();
  demo_cmd->add_flag("--force", force, "覆盖已有数据库文件 / overwrite");
  bool bulk = false;
  demo_cmd->add_flag("--bulk", bulk,
                     "登记册整体装载(PostgreSQL 上用 COPY),省、市级规模用;不写逐行审计,不写职称评聘 / "
                     "bulk-load the registers (province scale)");

  auto* user_cmd = app.add_subcommand("user", "用户管理 / manage users");
  user_cmd->require_subcommand(1);
  user_cmd->fallthrough();
  NewUser new_user;
  std::string area_code, school_code;
  auto* add_cmd = user_cmd->add_subcommand("add", "新增用户 / add a user");
  add_cmd->add_option("username", new_user.username, "用户名")->required();
  std::string roles_help = "角色 / role:";
  for (const auto& r : all_roles()) roles_help += " " + r.value + "(" + r.label + ")";
  add_cmd->add_option("--role", new_user.role, roles_help)->required();
  add_cmd->add_option("--name", new_user.display_name, "显示名 / display name");
  add_cmd->add_option("--password", new_user.password, "密码(省略则从标准输入读取)");
  add_cmd->add_option("--area-code", area_code, "所辖区域的行政区划代码 / area code");
  add_cmd->add_option("--school-code", school_code, "所属学校的学校标识码 / school code");
  int64_t teacher_id = 0;
  add_cmd->add_option("--teacher-id", teacher_id, "教师账号对应的教职工编号 / teacher id");
  std::string passwd_user, passwd_value;
  auto* passwd_cmd = user_cmd->add_subcommand("passwd", "修改密码 / change a password");
  passwd_cmd->add_option("username", passwd_user, "用户名")->required();
  passwd_cmd->add_option("--password", passwd_value, "新密码(省略则从标准输入读取)");

  NewCounty county;
  std::string city_name;
  auto* init_cmd = app.add_subcommand("init", "初始化本县(或本市):名称、行政区划代码与第一个教育局管理员 / "
                                              "set up a new county or city and its first bureau admin");
  auto* county_opt = init_cmd->add_option("--county", county.name, "县名,如 青山县 / county name");
  auto* city_opt = init_cmd->add_option("--city", city_name, "市名,如 邵阳市(其下导入区/县) / city name");
  init_cmd->add_option("--code", county.code, "6位行政区划代码,如 430521(县)或 430500(市) / area code")->required();
  init_cmd->add_option("--admin", county.admin.username, "教育局管理员的用户名 / admin username")->required();
  init_cmd->add_option("--name", county.admin.display_name, "管理员显示名 / display name");
  init_cmd->add_option("--password", county.admin.password, "密码(省略则从标准输入读取)");

  std::string import_kind, import_path, import_user;
  bool import_commit = false;
  auto* import_cmd = app.add_subcommand("import", "导入登记表(xlsx/csv) / import a register file");
  import_cmd->add_option("kind", import_kind, "area | school | class | student | teacher | conditions")->required();
  import_cmd->add_option("file", import_path, "xlsx 或 csv 文件")->required();
  import_cmd->add_option("--user", import_user, "以该用户的身份与权限导入 / act as this user")->required();
  import_cmd->add_flag("--commit", import_commit, "校验通过后确认导入(否则只预览)");

  std::string export_list, export_path, export_user, export_school;
  auto* export_cmd = app.add_subcommand("export", "导出名录为 xlsx / export a register list as xlsx");
  export_cmd->add_option("list", export_list, "schools | students | teachers | conditions | classes | areas | catchments")->required();
  export_cmd->add_option("file", export_path, "输出的 .xlsx 文件 / output file")->required();
  export_cmd->add_option("--user", export_user, "以该用户的身份与权限导出 / act as this user")->required();
  export_cmd->add_option("--school-code", export_school, "只导出该学校 / only this school");

  AnalyzeOptions analyze_options;
  auto* analyze_cmd = add_analyze_command(app, analyze_options);
  ExamOptions exam_options;
  auto* exam_cmd = add_exam_command(app, exam_options);
  YearOptions year_options;
  auto* year_cmd = add_year_command(app, year_options);
  TransitionOptions transition_options;
  auto* transition_cmd = add_transition_command(app, transition_options);
  DropoutOptions dropout_options;
  auto* dropout_cmd = add_dropout_command(app, dropout_options);

  auto* migrate_cmd = app.add_subcommand("migrate", "升级数据库结构 / apply schema migrations");
  std::string backup_file;
  auto* backup_cmd = app.add_subcommand(
      "backup", "在线备份数据库(服务运行中也可;PostgreSQL 用 pg_dump) / online backup of the database");
  backup_cmd->add_option("file", backup_file, "备份文件 / backup file")->required();
  std::string restore_file;
  auto* restore_cmd = app.add_subcommand(
      "restore", "以备份文件替换整个数据库(须先停止服务;PostgreSQL 用 pg_restore) / replace the database with a backup");
  restore_cmd->add_option("file", restore_file, "backup 命令写出的备份文件 / a file `backup` wrote")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  if (*serve_cmd) {
    server_options.database = db_path;
    return run_serve(server_options);
  }
  if (*demo_cmd) return run_demo(db_path, demo_settings, force, bulk);
  if (*restore_cmd) return run_restore(db_path, restore_file);

  auto db = open_migrated(db_path);
  if (!db.ok()) return fail(db.status());
  if (*analyze_cmd) return run_analyze(**db, analyze_options);
  if (*exam_cmd) return run_exam(**db, exam_options);
  if (*year_cmd) return run_year(**db, year_options);
  if (*transition_cmd) return run_transition(**db, transition_options);
  if (*dropout_cmd) return run_dropout(**db, dropout_options);
  if (*import_cmd) return run_import(**db, import_kind, import_path, import_user, import_commit);
  if (*export_cmd) return run_export(**db, export_list, export_path, export_user, export_school);
  if (*migrate_cmd) {
    auto version = schema_version(**db);
    if (!version.ok()) return fail(version.status());
    std::cout << "数据库结构已是最新版本(" << *version << ")\n";
    return 0;
  }
  if (*backup_cmd) {
    if (std::filesystem::exists(backup_file))
      return fail(Status::Error("exists", "备份文件 " + backup_file + " 已存在,请换一个文件名"));
    Status s = (*db)->backup_to(backup_file);
    if (!s.ok()) return fail(s);
    std::cout << "已备份到 " << backup_file << "\n";
    return 0;
  }
  if (*init_cmd) {
    if (county_opt->count() + city_opt->count() != 1)
      return fail(Status::Error("validation", "请用 --county 指定县名,或用 --city 指定市名(二者选一)"));
    if (*city_opt) {
      county.name = city_name;
      county.city = true;
    }
    county.admin.password = read_password(county.admin.password);
    auto area = init_county(**db, county, {local_today(), school_year_of(local_today())});
    if (!area.ok()) return fail(area.status());
    std::cout << "已初始化“" << area->name << "”(行政区划代码 " << area->code << "),教育局管理员 "
              << county.admin.username << (county.city ? ";下一步:导入区/县与乡镇(街道)(edubureau import area …)\n"
                                                    : ";下一步:导入乡镇(街道)(edubureau import area …)\n");
    return 0;
  }
  if (*add_cmd) {
    if (!area_code.empty()) {
      auto areas = list_areas(**db, Scope::All());
      if (!areas.ok()) return fail(areas.status());
      for (const Area& a : *areas)
        if (a.code == area_code) new_user.area_id = a.id;
      if (!new_user.area_id) return fail(Status::Error("not_found", "区划代码 " + area_code + " 不存在"));
    }
    if (!school_code.empty()) {
      auto school = find_school_by_code(**db, school_code);
      if (!school.ok()) return fail(school.status());
      if (!*school) return fail(Status::Error("not_found", "学校标识码 " + school_code + " 不存在"));
      new_user.school_id = (*school)->id;
    }
    if (teacher_id) new_user.teacher_id = teacher_id;
    new_user.password = read_password(new_user.password);
    auto user = create_user(**db, nullptr, new_user);
    if (!user.ok()) return fail(user.status());
    std::cout << "已创建用户 " << user->username << "(" << role_label(user->role) << ")\n";
    return 0;
  }
  if (*passwd_cmd) {
    Status s = change_password(**db, nullptr, passwd_user, read_password(passwd_value));
    if (!s.ok()) return fail(s);
    std::cout << "已修改用户 " << passwd_user << " 的密码\n";
    return 0;
  }
  return 0;
}

}  // namespace edu
