// Every role against every endpoint: the expected HTTP status of each cell is
// written out by hand, so a change in scoping or permissions shows up here.
// Records are named by where they are: "own" = the county-seat school of the
// school admin and teacher (inside the officer's township), "rural" = a school
// in the inspector's township.
#include <gtest/gtest.h>

#include <functional>

#include "api_server_fixture.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }
const Landmarks& lm() { return TestServer::get().landmarks(); }
std::string id(int64_t v) { return std::to_string(v); }

const std::vector<std::string> kRoles = {"admin", "officer", "school_admin", "teacher", "inspector"};

struct Cell {
  std::string method;
  std::function<std::string()> path;
  std::function<json(const std::string& role)> body;  // null for GET
  std::vector<int> expected;  // in kRoles order
};

json school_body(int64_t school_id) {
  Login admin = server().login("admin");
  json s = server().call("GET", "/schools/" + id(school_id), &admin).body["school"];
  return {{"code", s["code"]},         {"name", s["name"]},          {"kind", s["kind"]},
          {"ownership", s["ownership"]}, {"location", s["location"]}, {"area_id", s["area_id"]},
          {"address", s["address"]},   {"principal", s["principal"]}, {"phone", s["phone"]},
          {"founded_year", s["founded_year"]}, {"weak", s["weak"]}};
}

json student_body(int64_t student_id) {
  Login admin = server().login("admin");
  json s = server().call("GET", "/students/" + id(student_id), &admin).body["student"];
  s.erase("id");
  s.erase("id_number");
  for (const char* derived : {"school_name", "class_name", "section", "grade", "grade_label"})
    s.erase(derived);
  return s;
}

json new_student(int64_t school, int64_t klass, int grade) {
  int birth_year = 2026 - (grade + 5) - 1;
  return {{"name", "矩阵测试"}, {"gender", "女"}, {"id_number", new_id_number(birth_year, false)},
          {"birth_date", std::to_string(birth_year) + "-03-15"}, {"ethnicity", "汉族"},
          {"school_id", school}, {"class_id", klass}, {"status", "在读"},
          {"enrolled_on", "2026-09-01"}, {"household", "城镇"}};
}

// 开设班级: one more class of the grade of `klass`, in its school.
json open_one_class(int64_t school, int64_t klass) {
  Login admin = server().login("admin");
  Reply classes = server().call("GET", "/classes?school_id=" + id(school), &admin);
  for (const json& c : classes.body["items"])
    if (c["id"] == klass) return {{"section", c["section"]}, {"grade", c["grade"]}, {"count", 1}};
  return json::object();
}

// A township's stored name (a rename to it changes nothing).
json area_name(int64_t area) {
  Login admin = server().login("admin");
  Reply tree = server().call("GET", "/areas", &admin);
  for (const json& county : tree.body)
    for (const json& a : county["children"])
      if (a["id"] == area) return {{"name", a["name"]}};
  return json::object();
}

TEST(AccessMatrix, EveryRoleAgainstEveryEndpoint) {
  auto get = [](std::function<std::string()> path, std::vector<int> expected) {
    return Cell{"GET", std::move(path), nullptr, std::move(expected)};
  };
  auto path = [](std::string p) { return [p] { return p; }; };
  const Landmarks& l = lm();
  Login admin = server().login("admin");
  const std::string admin_import = id(server()
      .upload("/imports/student", &admin, "matrix.csv", "姓名,身份证号\n甲,1\n")
      .body["import"]["id"].get<int64_t>());
  const std::string exam = id(server()
      .call("POST", "/exams", &admin,
            json{{"name", "矩阵考试"}, {"date", "2026-11-10"}, {"grade", l.own_class_grade},
                 {"subjects", json::array({json{{"name", "语文"}, {"full_marks", 100}},
                                           json{{"name", "数学"}, {"full_marks", 120}}})}})
      .body["exam"]["id"].get<int64_t>());
  Login school_admin = server().login("school_admin");
  const std::string transfer_case = id(server()
      .call("POST", "/cases", &school_admin,
            json{{"kind", "transfer"}, {"student_id", l.own_student}, {"target_school_id", l.rural_school},
                 {"reason", "矩阵转学"}, {"date", "2026-11-20"}})
      .body["case"]["id"].get<int64_t>());
  // A 死亡 application with its evidence file, by the school admin, for another pupil of theirs.
  const int64_t evidence = server().upload("/cases/attachments", &school_admin, "证明.pdf", "%PDF-1.4\n%%EOF\n")
                               .body["id"].get<int64_t>();
  const std::string death_case = id(server()
      .call("POST", "/cases", &school_admin,
            json{{"kind", "death"}, {"student_id", std::stoll(server().texts(
                     "SELECT id FROM students WHERE school_id = " + id(l.own_school) + " AND status = '在读' AND id <> " +
                     id(l.own_student) + " ORDER BY id DESC LIMIT 1").at(0))},
                 {"reason", "矩阵"}, {"date", "2026-11-20"}, {"evidence", evidence}})
      .body["case"]["id"].get<int64_t>());
  // 继续教育: a county course, and a 校本 course of the own and of the rural school.
  auto course_body = [](const std::string& level, json school) {
    return json{{"name", "矩阵培训"}, {"level", level}, {"organiser", "矩阵"}, {"start_date", "2026-10-12"},
                {"end_date", "2026-10-13"}, {"hours", 16}, {"school_id", school}};
  };
  auto new_course = [&](const std::string& level, json school) {
    return id(server().call("POST", "/training/courses", &admin, course_body(level, school))
                  .body["course"]["id"].get<int64_t>());
  };
  const std::string county_course = new_course("县", nullptr);
  const std::string own_course = new_course("校本", l.own_school);
  const std::string rural_course = new_course("校本", l.rural_school);
  auto roster_of = [](int64_t teacher) {
    return [teacher](const std::string&) {
      return json{{"items", {{{"teacher_id", teacher}, {"attended", true}, {"passed", true}, {"hours_credited", 16}}}}};
    };
  };
  std::vector<Cell> cells = {
      //                                                     admin officer s_admin teacher inspector
      get(path("/training/courses"),                          {200, 200, 200, 200, 200}),
      get(path("/training/courses?year=x"),                   {400, 400, 400, 400, 400}),
      get(path("/training/courses/" + county_course + "/roster"), {200, 200, 200, 200, 200}),
      get(path("/training/courses/" + own_course + "/roster"),    {200, 200, 200, 200, 404}),
      get(path("/training/courses/" + rural_course + "/roster"),  {200, 404, 404, 404, 200}),
      get(path("/training/courses/" + county_course + "/roster.xlsx"), {200, 200, 200, 200, 200}),
      get(path("/training/courses/999999/roster"),            {404, 404, 404, 404, 404}),
      get(path("/training/courses/" + own_course),            {200, 200, 200, 200, 404}),
      get(path("/training/courses/" + rural_course),          {200, 404, 404, 404, 200}),
      get(path("/templates/training-roster.xlsx"),            {200, 200, 200, 200, 200}),
      get(path("/training/rates?year=2026"),                  {200, 200, 200, 200, 200}),
      get(path("/training/rates?year=x"),                     {400, 400, 400, 400, 400}),
      get(path("/training/rates/rows?by=total"),              {200, 200, 200, 200, 200}),
      get(path("/training/rates/rows?by=x"),                  {400, 400, 400, 400, 400}),
      get(path("/training/rates/rows?by=school&id=999999"),   {404, 404, 404, 404, 404}),
      get(path("/training/hours"),                            {200, 200, 200, 200, 200}),
      get(path("/exports/training/behind.xlsx"),              {200, 200, 200, 200, 200}),
      get(path("/teachers/" + id(l.own_teacher) + "/history"),   {200, 200, 200, 200, 404}),
      get(path("/teachers/" + id(l.rural_teacher) + "/history"), {200, 404, 404, 404, 200}),
      {"POST", path("/training/courses"), [&](const std::string&) { return course_body("县", nullptr); },
       {201, 403, 403, 403, 403}},
      {"POST", path("/training/courses"), [&](const std::string&) { return course_body("校本", lm().own_school); },
       {201, 403, 201, 403, 403}},
      {"POST", path("/training/courses"), [&](const std::string&) { return course_body("校本", lm().rural_school); },
       {201, 403, 404, 403, 403}},
      {"PUT", path("/training/courses/" + county_course), [&](const std::string&) { return course_body("县", nullptr); },
       {200, 403, 403, 403, 403}},
      {"PUT", path("/training/courses/" + own_course),
       [&](const std::string&) { return course_body("校本", lm().own_school); }, {200, 403, 200, 403, 403}},
      {"PUT", path("/training/courses/" + rural_course),
       [&](const std::string&) { return course_body("校本", lm().rural_school); }, {200, 403, 404, 403, 403}},
      {"PUT", path("/training/courses/" + county_course + "/roster"), roster_of(l.own_teacher),
       {200, 403, 200, 403, 403}},
      {"PUT", path("/training/courses/" + county_course + "/roster"), roster_of(l.rural_teacher),
       {200, 403, 404, 403, 403}},
      {"PUT", path("/training/courses/" + own_course + "/roster"), roster_of(l.own_teacher),
       {200, 403, 200, 403, 403}},
      {"POST", path("/training/courses/" + county_course + "/roster/import"),
       [](const std::string&) { return json::object(); }, {400, 400, 400, 400, 400}},
      get(path("/dashboard"),                                 {200, 200, 200, 200, 200}),
      get(path("/meta/enums"),                                {200, 200, 200, 200, 200}),
      get(path("/meta/forms/school"),                         {200, 200, 200, 200, 200}),
      get(path("/meta/forms/student"),                        {200, 200, 200, 200, 200}),
      get(path("/meta/forms/teacher"),                        {200, 200, 200, 200, 200}),
      get(path("/meta/forms/class"),                          {200, 200, 200, 200, 200}),
      get(path("/meta/forms/exam"),                           {404, 404, 404, 404, 404}),
      get(path("/areas"),                                     {200, 200, 200, 200, 200}),
      get(path("/schools"),                                   {200, 200, 200, 200, 200}),
      get(path("/schools/" + id(l.own_school)),               {200, 200, 200, 200, 404}),
      get(path("/schools/" + id(l.rural_school)),             {200, 404, 404, 404, 200}),
      get(path("/schools/" + id(l.own_school) + "/audit"),    {200, 200, 200, 403, 404}),
      get(path("/classes?school_id=" + id(l.own_school)),     {200, 200, 200, 200, 404}),
      get(path("/classes?school_id=" + id(l.rural_school)),   {200, 404, 404, 404, 200}),
      get(path("/students"),                                  {200, 200, 200, 200, 200}),
      get(path("/students/" + id(l.own_student)),             {200, 200, 200, 200, 404}),
      get(path("/students/" + id(l.rural_student)),           {200, 404, 404, 404, 200}),
      get(path("/students/" + id(l.own_student) + "/id-number"),   {200, 403, 200, 403, 403}),
      get(path("/students/" + id(l.rural_student) + "/id-number"), {200, 403, 404, 403, 403}),
      get(path("/students/" + id(l.own_student) + "/audit"),  {200, 200, 200, 403, 404}),
      get(path("/students/" + id(l.rural_student) + "/audit"), {200, 404, 404, 403, 200}),
      get(path("/students/" + id(l.own_student) + "/history"),   {200, 200, 200, 200, 404}),
      get(path("/students/" + id(l.rural_student) + "/history"), {200, 404, 404, 404, 200}),
      get(path("/checks"),                                    {200, 200, 200, 403, 403}),
      get(path("/checks/duplicates"),                         {200, 200, 200, 403, 403}),
      get(path("/checks/sat_elsewhere?page=2&size=5"),        {200, 200, 200, 403, 403}),
      get(path("/checks/lost_transfers"),                     {200, 200, 200, 403, 403}),
      get(path("/checks/nothing"),                            {404, 404, 404, 403, 403}),
      get(path("/checks/duplicates?page=0"),                  {400, 400, 400, 400, 400}),
      get(path("/exports/checks/lost_transfers.xlsx"),        {200, 200, 200, 403, 403}),
      get(path("/teachers"),                                  {200, 200, 200, 200, 200}),
      get(path("/students?q=430"),                            {200, 403, 200, 403, 403}),  // ID-number search
      get(path("/teachers?q=4"),                              {200, 403, 200, 403, 403}),
      get(path("/schools?q=%25"),                             {200, 200, 200, 200, 200}),
      get(path("/students?page=9223372036854775807"),         {400, 400, 400, 400, 400}),
      get(path("/teachers/" + id(l.own_teacher)),             {200, 200, 200, 200, 404}),
      get(path("/teachers/" + id(l.rural_teacher)),           {200, 404, 404, 404, 200}),
      get(path("/teachers/" + id(l.own_teacher) + "/id-number"),   {200, 403, 200, 403, 403}),
      get(path("/teachers/" + id(l.rural_teacher) + "/id-number"), {200, 403, 404, 403, 403}),
      get(path("/analytics/indicators?year=2026"),            {200, 200, 200, 200, 200}),
      get(path("/analytics/balance?year=2026&section=初中"),  {200, 200, 200, 200, 200}),
      get(path("/analytics/balance/history?section=小学"),    {200, 200, 200, 200, 200}),
      get(path("/analytics/balance/counties?section=小学"),   {200, 200, 200, 200, 200}),  // none in a county
      get(path("/analytics/balance?county_id=1"),             {422, 422, 422, 422, 422}),  // a county deployment
      get(path("/exports/balance.xlsx?year=2026"),            {200, 200, 200, 200, 200}),
      get(path("/exports/indicators.xlsx?year=2026"),         {200, 200, 200, 200, 200}),
      get(path("/exports/indicators.xlsx?year=x"),            {400, 400, 400, 400, 400}),
      {"POST", path("/exports/whatif.xlsx"),
       [](const std::string&) {
         return json{{"changes", {{{"type", "add_conditions"}, {"school_id", lm().own_school},
                                   {"teaching_area", 100}}}}};
       },
       {200, 403, 403, 403, 403}},
      {"POST", path("/analytics/whatif"),
       [](const std::string&) {
         return json{{"changes", {{{"type", "add_conditions"}, {"school_id", lm().own_school},
                                   {"teaching_area", 100}}}}};
       },
       {200, 403, 403, 403, 403}},
      {"POST", path("/analytics/plan"), [](const std::string&) { return json{{"section", "小学"}}; },
       {200, 403, 403, 403, 403}},
      get(path("/exams"),                                     {200, 200, 200, 200, 200}),
      get(path("/my/classes"),                                {403, 403, 403, 200, 403}),
      get(path("/exams/" + exam + "/results?level=school"),   {200, 200, 200, 200, 200}),
      get(path("/exams/" + exam + "/results?level=teacher"),  {200, 200, 200, 200, 200}),
      get(path("/exams/" + exam + "/results.xlsx?level=school"), {200, 200, 200, 200, 200}),
      get(path("/exams/" + exam + "/results.xlsx?level=x"),   {422, 422, 422, 422, 422}),
      get(path("/exams/999999/results.xlsx"),                 {404, 404, 404, 404, 404}),
      get(path("/exams/" + exam + "/students/" + id(l.own_student)), {200, 200, 200, 200, 404}),
      get(path("/exams/" + exam + "/absentees"),              {200, 200, 200, 200, 200}),
      get(path("/exams/" + exam + "/items"),                  {200, 200, 200, 200, 200}),
      get(path("/exams/" + exam + "/value-added"),            {200, 200, 200, 200, 200}),
      get(path("/exams/" + exam + "/integrity"),              {200, 200, 403, 403, 200}),
      get(path("/exams/" + exam + "/integrity.xlsx"),         {200, 200, 403, 403, 200}),
      get(path("/exams/" + exam + "/exemptions"),             {200, 200, 200, 200, 200}),
      get(path("/exams/" + exam + "/rewards"),                {200, 200, 200, 200, 200}),
      get(path("/exams/" + exam + "/rewards.xlsx"),           {200, 200, 200, 200, 200}),
      get(path("/exams?archived=1"),                          {200, 200, 200, 200, 200}),
      get(path("/exams/" + exam + "/candidates?q=%E5%BC%A0"), {200, 200, 200, 200, 200}),  // 张: by name
      get(path("/exams/" + exam + "/candidates?q=430"),       {200, 403, 200, 403, 403}),  // by ID number
      get(path("/exams/" + exam + "/template.xlsx"),          {200, 403, 200, 403, 403}),
      {"POST", path("/exams/" + exam + "/archive"), [](const std::string&) { return json{{"archived", false}}; },
       {200, 403, 403, 403, 403}},
      // 已核查: the bureau only; a key that names no flag of the report is 404.
      {"PUT", path("/exams/" + exam + "/integrity/reviews"),
       [](const std::string&) { return json{{"key", "cut_spike|0|语文|0|0"}, {"reviewed", true}}; },
       {404, 403, 403, 403, 403}},
      {"POST", path("/exams"),
       [](const std::string&) {
         return json{{"name", "矩阵新考试"}, {"date", "2026-12-01"}, {"grade", 3},
                     {"subjects", json::array({json{{"name", "语文"}}})}};
       },
       {201, 403, 403, 403, 403}},
      // 免考 on the case engine: the bureau registers one at once; the school admin's application
      // without its evidence file is refused naming the field.
      {"POST", path("/cases"),
       [exam](const std::string&) {
         return json{{"kind", "exemption"}, {"action", "register"}, {"student_id", lm().own_student},
                     {"exam_id", std::stoll(exam)}, {"reason", "骨折住院"}};
       },
       {201, 403, 403, 403, 403}},
      {"POST", path("/cases"),
       [exam](const std::string&) {
         return json{{"kind", "exemption"}, {"student_id", lm().own_student}, {"exam_id", std::stoll(exam)},
                     {"reason", "骨折住院"}};
       },
       {403, 403, 422, 403, 403}},
      {"PUT", path("/exams/" + exam + "/exemptions/1"), [](const std::string&) { return json{{"approve", true}}; },
       {404, 404, 404, 404, 404}},
      {"PUT", path("/exams/" + exam + "/rewards"),
       [](const std::string&) { return json{{"rules", json::array()}}; }, {200, 403, 403, 403, 403}},
      // 学年升级: the bureau only; committing a year already opened changes nothing.
      {"POST", path("/rollover/preview"), [](const std::string&) { return json{{"to_year", 2027}}; },
       {200, 403, 403, 403, 403}},
      {"POST", path("/rollover/commit"), [](const std::string&) { return json{{"to_year", 2026}}; },
       {200, 403, 403, 403, 403}},
      // 首次设置: public, and claimed long ago on this county (tests/api/first_run_test.cpp).
      get(path("/setup"),                                     {200, 200, 200, 200, 200}),
      {"POST", path("/setup"), [](const std::string&) { return json{{"setup_code", "X"}}; },
       {409, 409, 409, 409, 409}},
      // 编辑班级: the bureau, and the school admin for their own school's class (saved unchanged).
      {"PUT", path("/classes/" + id(l.own_class)),
       [&](const std::string&) {
         Reply classes = server().call("GET", "/classes?school_id=" + id(l.own_school), &admin);
         for (const json& c : classes.body["items"])
           if (c["id"] == l.own_class) return json{{"name", c["name"]}, {"head_teacher_id", c["head_teacher_id"]}};
         return json::object();
       },
       {200, 403, 200, 403, 403}},
      {"PUT", path("/classes/" + id(l.rural_class)),
       [&](const std::string&) {
         Reply classes = server().call("GET", "/classes?school_id=" + id(l.rural_school), &admin);
         for (const json& c : classes.body["items"])
           if (c["id"] == l.rural_class) return json{{"name", c["name"]}, {"head_teacher_id", c["head_teacher_id"]}};
         return json::object();
       },
       {200, 403, 404, 403, 403}},
      // 学籍异动 (workflow/case_engine.h): the case's two schools, the bureau and the
      // township's officer see it; only the receiving school (none of these) may accept it.
      get(path("/meta/workflows"),                            {200, 200, 200, 200, 200}),
      get(path("/cases?box=todo"),                            {200, 200, 200, 403, 403}),
      get(path("/cases?box=all"),                             {200, 200, 200, 403, 403}),
      get(path("/cases?box=other"),                           {422, 422, 422, 403, 403}),
      get(path("/cases/" + transfer_case),                    {200, 200, 200, 404, 404}),
      get(path("/cases/schools?q=" + std::string("%E4%B8%AD")),  {200, 200, 200, 403, 403}),
      {"POST", path("/cases"),
       [](const std::string&) {
         return json{{"kind", "transfer"}, {"student_id", lm().own_student}, {"target_school_id", lm().rural_school},
                     {"reason", "再次申请"}, {"date", "2026-11-20"}};
       },
       {403, 403, 409, 403, 403}},  // the school admin's is refused: one is open already
      {"POST", path("/cases"),
       [](const std::string&) {
         return json{{"kind", "transfer"}, {"student_id", lm().rural_student}, {"target_school_id", lm().own_school},
                     {"reason", "他校学生"}, {"date", "2026-11-20"}};
       },
       {403, 403, 422, 403, 403}},
      // The receiving school's request names a student by 身份证号 (none has this one).
      {"POST", path("/cases"),
       [](const std::string&) {
         return json{{"kind", "transfer"}, {"action", "request"}, {"id_number", "430521201001011234"},
                     {"class_id", lm().rural_class}, {"reason", "申请转入"}, {"date", "2026-11-20"}};
       },
       {403, 403, 422, 403, 403}},
      // Another kind, its evidence missing: only the school admin gets as far as the fields.
      {"POST", path("/cases"),
       [](const std::string&) {
         return json{{"kind", "suspend"}, {"student_id", lm().own_student}, {"until", "2027-06-30"},
                     {"reason", "因病"}, {"date", "2026-11-20"}};
       },
       {403, 403, 422, 403, 403}},
      // Evidence files: uploaded (multipart: a JSON body is refused, after the role) by those who
      // handle cases; a case's file read by those who see the case, under its own case only.
      {"POST", path("/cases/attachments"), [](const std::string&) { return json::object(); },
       {422, 422, 422, 403, 403}},
      get(path("/cases/" + death_case + "/attachments/" + id(evidence)),  {200, 200, 200, 404, 404}),
      get(path("/cases/" + transfer_case + "/attachments/" + id(evidence)),  {404, 404, 404, 404, 404}),
      // Overdue counts for the level above, and the list behind one.
      get(path("/cases/overdue"),                             {200, 200, 403, 403, 403}),
      get(path("/cases?box=all&overdue=1&school_id=" + id(l.own_school)), {200, 200, 200, 403, 403}),
      {"POST", path("/cases/" + transfer_case + "/actions/accept"),
       [](const std::string&) { return json{{"class_id", lm().rural_class}}; }, {403, 403, 403, 404, 404}},
      {"POST", path("/cases/" + transfer_case + "/actions/approve"),
       [](const std::string&) { return json::object(); }, {409, 409, 409, 404, 404}},
      {"POST", path("/cases/" + transfer_case + "/actions/nothing"),
       [](const std::string&) { return json::object(); }, {404, 404, 404, 404, 404}},
      // 控辍保学 (workflow/dropout_workflow.cpp): the school or its township reports a child it
      // sees (the officer first; then the school admin's is refused: one is open); the report
      // is read by those who handle cases, each in their scope.
      {"POST", path("/cases"),
       [](const std::string&) {
         return json{{"kind", "dropout"}, {"student_id", lm().own_student}, {"reason", "矩阵辍学"}, {"date", "2026-11-20"}};
       },
       {403, 201, 409, 403, 403}},
      {"POST", path("/cases"),
       [](const std::string&) {
         return json{{"kind", "dropout"}, {"student_id", lm().rural_student}, {"reason", "他乡镇学生"}, {"date", "2026-11-20"}};
       },
       {403, 422, 422, 403, 403}},
      get(path("/dropout/report"),                            {200, 200, 200, 403, 403}),
      get(path("/dropout/report?period=week"),                {200, 200, 200, 403, 403}),
      get(path("/dropout/report?from=2026-09-01&to=2026-02-30"),  {422, 422, 422, 403, 403}),
      get(path("/exports/dropout.xlsx?period=term"),          {200, 200, 200, 403, 403}),
      // 交流轮岗 (workflow/exchange_workflow.cpp): the bureau proposes for any teacher it sees; a
      // school applies for its own teachers only; the plan is read by those who handle cases, and
      // a teacher's exchanges by whoever sees the teacher.
      {"POST", path("/cases"),
       [](const std::string&) {
         return json{{"kind", "exchange"}, {"action", "propose"}, {"teacher_id", lm().rural_teacher},
                     {"target_school_id", lm().own_school}, {"start_on", "2026-09-01"}, {"years", "3"}};
       },
       {201, 403, 403, 403, 403}},
      {"POST", path("/cases"),
       [](const std::string&) {
         return json{{"kind", "exchange"}, {"action", "apply"}, {"teacher_id", lm().rural_teacher},
                     {"target_school_id", lm().own_school}, {"start_on", "2026-09-01"}, {"years", "3"}};
       },
       {403, 403, 422, 403, 403}},
      // The planner's proposals at once: the bureau's alone (its teacher proposed above: 409, none opened).
      {"POST", path("/exchange/proposals"),
       [](const std::string&) {
         return json{{"proposals", json::array({{{"teacher_id", lm().rural_teacher}, {"target_school_id", lm().own_school},
                                                 {"start_on", "2026-09-01"}, {"years", "3"}}})}};
       },
       {409, 403, 403, 403, 403}},
      get(path("/exchange/plan"),                             {200, 200, 200, 403, 403}),
      get(path("/exchange/teachers/" + id(l.own_teacher)),    {200, 200, 200, 200, 404}),
      get(path("/exchange/teachers/" + id(l.rural_teacher)),  {200, 404, 404, 404, 200}),
      // 职称评聘: read by the bureau, townships and schools in scope; posts and rounds the bureau's.
      get(path("/titles/posts"),                              {200, 200, 200, 403, 403}),
      get(path("/titles/rounds"),                             {200, 200, 200, 403, 403}),
      get(path("/titles/report"),                             {404, 404, 404, 403, 403}),
      get(path("/exports/titles.xlsx"),                       {404, 404, 404, 403, 403}),
      get(path("/titles/teachers/" + id(lm().own_teacher)),   {200, 200, 200, 403, 403}),
      get(path("/titles/teachers/" + id(lm().rural_teacher)), {200, 404, 404, 403, 403}),
      {"PUT", path("/titles/posts"),
       [](const std::string&) { return json{{"school_year", 2026}, {"posts", json::array()}}; },
       {200, 403, 403, 403, 403}},
      {"POST", path("/titles/rounds/999999/close"), [](const std::string&) { return json::object(); },
       {404, 403, 403, 403, 403}},
      {"POST", path("/titles/teachers/" + id(lm().own_teacher) + "/dismiss"),
       [](const std::string&) { return json{{"date", "2027-01-10"}}; },
       {422, 403, 422, 403, 403}},
      get(path("/users"),                                     {200, 403, 403, 403, 403}),
      // 用户管理: the bureau's alone (the admin's own record saved unchanged; a weak password refused).
      {"PUT", path("/users/" + id(admin.user["id"].get<int64_t>())),
       [&](const std::string&) {
         const json& u = admin.user;
         return json{{"display_name", u["display_name"]}, {"role", u["role"]}, {"area_id", nullptr},
                     {"school_id", nullptr}, {"teacher_id", nullptr}, {"active", true}};
       },
       {200, 403, 403, 403, 403}},
      {"POST", path("/users/" + id(admin.user["id"].get<int64_t>()) + "/password"),
       [](const std::string&) { return json{{"password", "password1"}}; }, {422, 403, 403, 403, 403}},
      // 办理时限: the bureau's alone (a deadline saved unchanged at its default; 0 days refused).
      get(path("/settings/workflows"),                        {200, 403, 403, 403, 403}),
      {"PUT", path("/settings/workflows"),
       [](const std::string&) { return json{{"setting", "case_deadline_days.transfer.待转入校确认"}, {"days", 7}}; },
       {200, 403, 403, 403, 403}},
      {"PUT", path("/settings/workflows"),
       [](const std::string&) { return json{{"setting", "case_deadline_days.transfer.待转入校确认"}, {"days", 0}}; },
       {422, 403, 403, 403, 403}},
      // The county's rules: the bureau's alone (交流轮岗's 6 years saved unchanged; 0 refused).
      {"PUT", path("/settings/workflows"),
       [](const std::string&) { return json{{"setting", "exchange.min_years"}, {"value", 6}}; },
       {200, 403, 403, 403, 403}},
      {"PUT", path("/settings/workflows"),
       [](const std::string&) { return json{{"setting", "exchange.min_years"}, {"value", 0}}; },
       {422, 403, 403, 403, 403}},
      get(path("/audit?action=update&from=2026-01-01"),       {200, 403, 403, 403, 403}),
      get(path("/audit"),                                     {200, 403, 403, 403, 403}),
      get(path("/templates/student.xlsx"),                    {200, 403, 200, 403, 403}),
      get(path("/templates/school.xlsx"),                     {200, 403, 403, 403, 403}),
      get(path("/templates/area.xlsx"),                       {200, 403, 403, 403, 403}),
      get(path("/templates/class.xlsx"),                      {200, 403, 200, 403, 403}),
      get(path("/templates/catchment.xlsx"),                  {200, 403, 403, 403, 403}),
      get(path("/catchments"),                                {200, 200, 200, 200, 200}),
      get(path("/transition"),                                {200, 200, 200, 403, 200}),
      get(path("/transition?year=2026"),                      {200, 200, 200, 403, 200}),
      get(path("/exports/schools.xlsx"),                      {200, 200, 200, 200, 200}),
      get(path("/exports/students.xlsx"),                     {200, 200, 200, 200, 200}),
      get(path("/exports/teachers.xlsx"),                     {200, 200, 200, 200, 200}),
      get(path("/exports/conditions.xlsx"),                   {200, 200, 200, 200, 200}),
      get(path("/exports/classes.xlsx"),                      {200, 200, 200, 200, 200}),
      get(path("/exports/areas.xlsx"),                        {200, 200, 200, 200, 200}),
      get(path("/exports/catchments.xlsx"),                   {200, 200, 200, 200, 200}),
      get(path("/exports/class-sizes.xlsx?band=大班额"),      {200, 200, 200, 200, 200}),
      get(path("/exports/class-sizes.xlsx?sort=-students"),   {200, 200, 200, 200, 200}),
      get(path("/exports/class-sizes.xlsx?sort=name;DROP"),   {400, 400, 400, 400, 400}),
      get(path("/class-sizes?sort=school"),                   {200, 200, 200, 200, 200}),
      get(path("/schools?sort=-name"),                        {200, 200, 200, 200, 200}),
      get(path("/students?sort=birth_date"),                  {200, 200, 200, 200, 200}),
      get(path("/teachers?sort=-school"),                     {200, 200, 200, 200, 200}),
      get(path("/students?sort=id_number"),                   {400, 400, 400, 400, 400}),
      get(path("/imports"),                                   {200, 200, 200, 200, 200}),
      get(path("/imports/" + admin_import),                   {200, 404, 404, 404, 404}),
      get(path("/imports/" + admin_import + "/problems"),     {200, 404, 404, 404, 404}),
      get(path("/imports/" + admin_import + "/errors.xlsx"),  {200, 404, 404, 404, 404}),
      {"PUT", path("/schools/" + id(l.own_school)),
       [](const std::string&) { return school_body(lm().own_school); }, {200, 403, 200, 403, 403}},
      // Field-level rights (access/policy.h): a school admin edits only the contact fields.
      {"PUT", path("/schools/" + id(l.own_school)),
       [](const std::string&) {
         json s = school_body(lm().own_school);
         s["founded_year"] = s["founded_year"].get<int>() == 1990 ? 1991 : 1990;
         return s;
       },
       {200, 403, 403, 403, 403}},
      {"PUT", path("/schools/" + id(l.own_school)),
       [](const std::string& role) {
         json s = school_body(lm().own_school);
         s["phone"] = "0739-" + role;
         return s;
       },
       {200, 403, 200, 403, 403}},
      {"PUT", path("/schools/" + id(l.rural_school)),
       [](const std::string&) { return school_body(lm().rural_school); }, {200, 403, 404, 403, 403}},
      {"POST", path("/schools"),
       [](const std::string& role) {
         json s = school_body(lm().own_school);
         s["code"] = "21430590" + std::to_string(10 + role.size());
         s["name"] = "矩阵新校" + role;
         return s;
       },
       {201, 403, 403, 403, 403}},
      {"PUT", path("/students/" + id(l.own_student)),
       [](const std::string&) { return student_body(lm().own_student); }, {200, 403, 200, 403, 403}},
      {"PUT", path("/students/" + id(l.rural_student)),
       [](const std::string&) { return student_body(lm().rural_student); }, {200, 403, 404, 403, 403}},
      {"POST", path("/students"),
       [](const std::string&) { return new_student(lm().own_school, lm().own_class, lm().own_class_grade); },
       {201, 403, 201, 403, 403}},
      {"POST", path("/students"),
       [](const std::string&) { return new_student(lm().rural_school, lm().rural_class, lm().rural_class_grade); },
       {201, 403, 422, 403, 403}},
      {"POST", path("/schools/" + id(l.own_school) + "/classes"),
       [](const std::string&) { return open_one_class(lm().own_school, lm().own_class); },
       {201, 403, 201, 403, 403}},
      {"POST", path("/schools/" + id(l.rural_school) + "/classes"),
       [](const std::string&) { return open_one_class(lm().rural_school, lm().rural_class); },
       {201, 403, 404, 403, 403}},
      {"PUT", path("/areas/" + id(l.seat_area)),
       [](const std::string&) { return area_name(lm().seat_area); }, {200, 403, 403, 403, 403}},
      {"POST", path("/users"),
       [](const std::string& role) {
         return json{{"username", "matrix_" + role}, {"display_name", "矩阵"},
                     {"password", "Matrix2026"}, {"role", "inspector"}, {"area_id", lm().seat_area}};
       },
       {201, 403, 403, 403, 403}},
      get(path("/schools?weak=1"),                            {200, 200, 200, 200, 200}),
      get(path("/schools?weak=yes"),                          {400, 400, 400, 400, 400}),
      // 薄弱学校 counts as rural service for 高级: the bureau's, a school may not mark itself.
      {"PUT", path("/schools/" + id(l.own_school)),
       [](const std::string&) {
         json s = school_body(lm().own_school);
         s["weak"] = !s["weak"].get<bool>();
         return s;
       },
       {200, 403, 403, 403, 403}},
  };
  std::map<std::string, Login> logins;
  for (const auto& role : kRoles) logins[role] = server().login(role);
  for (const Cell& cell : cells) {
    for (size_t i = 0; i < kRoles.size(); ++i) {
      const std::string& role = kRoles[i];
      json body = cell.body ? cell.body(role) : json();
      auto r = server().call(cell.method, cell.path(), &logins[role], body);
      EXPECT_EQ(r.status, cell.expected[i])
          << role << " " << cell.method << " " << cell.path() << " -> " << r.body.dump().substr(0, 300);
    }
  }
}

// POST /cases/attachments with a real file (the matrix above sends JSON): those who handle cases.
TEST(AccessMatrix, EvidenceUploadByRole) {
  const std::vector<int> expected = {201, 201, 201, 403, 403};
  for (size_t i = 0; i < kRoles.size(); ++i) {
    Login who = server().login(kRoles[i]);
    EXPECT_EQ(server().upload("/cases/attachments", &who, "证明.png", "\x89PNG\r\n\x1A\n").status, expected[i])
        << kRoles[i];
  }
}

TEST(AccessMatrix, ListsOnlyShowTheScope) {
  const Landmarks& l = lm();
  auto total = [](const std::string& role, const std::string& path) {
    Login who = server().login(role);
    return server().call("GET", path, &who).body["total"].get<int64_t>();
  };
  std::string rural = "/students?school_id=" + id(l.rural_school);
  EXPECT_GT(total("admin", rural), 0);
  EXPECT_EQ(total("officer", rural), 0);
  EXPECT_EQ(total("school_admin", rural), 0);
  EXPECT_EQ(total("teacher", rural), 0);
  EXPECT_GT(total("inspector", rural), 0);
  EXPECT_EQ(total("school_admin", "/schools"), 1);
  EXPECT_EQ(total("teacher", "/teachers"), 1);  // a teacher sees only their own record
  EXPECT_EQ(total("teacher", "/students?status=在读"),
            server().count("students WHERE status = '在读' AND class_id IN (SELECT id FROM "
                           "classes WHERE head_teacher_id = " + id(l.own_teacher) + ")"));
  EXPECT_EQ(total("officer", "/schools"),
            server().count("schools WHERE area_id = " + id(l.seat_area)));
}

}  // namespace
}  // namespace edu::apitest
