// GET /meta/forms/{kind} against the writes themselves: for every role, every
// kind with a form and every field, the form's "may set" on a stored record
// holds exactly when a PUT changing that field (to a valid other value) is
// accepted — answered 200 and read back changed — and on a new record exactly
// when a POST giving that field a value of the user's choosing is created.
// The rights are access/policy's; this proves the form does not restate them.
#include <gtest/gtest.h>

#include <optional>

#include "own_server.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }
const std::vector<std::string> kRoles = {"admin", "officer", "school_admin", "teacher", "inspector"};

// What a county offers as other values: schools, areas, classes and teachers
// of the school admin's school, and the enumerations.
struct County {
  explicit County(OwnServer& server) : s(server) {
    own_school = s.login("school_admin").user["school_id"];
    enums = get("/meta/enums")["enums"];
    const json own_area = record("school", own_school)["area_id"];
    const json schools = get("/schools?size=100")["items"];
    for (const json& school : schools)
      if (school["area_id"] != own_area && !other_school) other_school = school["id"];
    other_area = record("school", other_school)["area_id"];
    classes = get("/classes?school_id=" + id(own_school))["items"];
    teachers = get("/teachers?size=20&school_id=" + id(own_school))["items"];
  }
  OwnServer& s;
  int64_t own_school = 0;
  int64_t other_school = 0;
  int64_t other_area = 0;
  json enums;
  json classes;   // of own_school
  json teachers;  // of own_school
  int next = 0;   // makes each new text and code unique

  json get(const std::string& path) {
    json r = s.admin_call("GET", path);
    EXPECT_EQ(r["status"], 200) << path << " " << r["body"].dump();
    return r["body"];
  }
  json record(const std::string& kind, int64_t record_id) {
    if (kind != "class") return get("/" + kind + "s/" + id(record_id))[kind];
    const json all = get("/classes?school_id=" + id(own_school))["items"];
    for (const json& c : all)
      if (c["id"] == record_id) return c;
    return nullptr;
  }
  std::string other_value(const std::string& list, const json& current) {
    for (const json& v : enums[list]["values"])
      if (v != current) return v;
    return "";
  }
  int64_t other_id(const json& items, const json& current) {
    for (const json& i : items)
      if (i["id"] != current) return i["id"];
    return 0;
  }
};

// The fields a change of `field` on `record` writes (an ID number, a birth
// date and a gender change together, as they must agree), or nullopt when the
// county has no other valid value to offer.
std::optional<json> change(County& c, const json& field, const json& record) {
  const std::string key = field["key"], type = field["type"];
  const json now = record.value(key, json());
  const int year = std::stoi(record.value("birth_date", std::string("2015")).substr(0, 4));
  const bool male = record.value("gender", std::string("男")) == "男";
  const std::string tag = std::to_string(++c.next);
  if (key == "id_number" || key == "birth_date")
    return json{{"id_number", new_id_number(year, male)}, {"birth_date", std::to_string(year) + "-03-15"}};
  if (key == "gender")
    return json{{"gender", male ? "女" : "男"}, {"id_number", new_id_number(year, !male)},
                {"birth_date", std::to_string(year) + "-03-15"}};
  if (key == "code") return json{{key, "21430599" + std::string(tag.size() < 2 ? "0" : "") + tag}};
  if (key == "phone") return json{{key, "0739-88000" + tag}};
  if (type == "text") return json{{key, "改" + tag}};
  if (type == "enum") return json{{key, c.other_value(field["enum"], now)}};
  if (type == "yes_no") return json{{key, !now.get<bool>()}};
  if (type == "date") return json{{key, now == "2019-09-01" ? "2018-09-01" : "2019-09-01"}};
  if (type == "number") return json{{key, now.get<int64_t>() == 1999 ? 1998 : (key == "founded_year" ? 1999 : now.get<int64_t>() + 1)}};
  if (type == "area") return json{{key, c.other_area}};
  if (type == "school") return json{{key, c.other_school}, {"class_id", nullptr}};
  if (type == "class") return json{{key, c.other_id(c.classes, now)}};
  if (type == "teacher") return json{{key, c.other_id(c.teachers, now)}};
  return std::nullopt;
}

// The body of a PUT that changes nothing: the record without what the server derives.
json unchanged(const std::string& kind, json record) {
  if (kind == "class") return {{"name", record["name"]}, {"head_teacher_id", record["head_teacher_id"]}};
  for (const char* derived : {"id", "id_number", "area_name", "student_count", "teacher_count", "class_count",
                              "school_name", "class_name", "grade", "grade_label"})
    record.erase(derived);
  if (kind != "teacher") record.erase("section");
  return record;
}

bool written(County& c, const std::string& kind, int64_t record_id, const json& patch) {
  json after = c.record(kind, record_id);
  for (const auto& [key, value] : patch.items())
    if (key != "id_number" && key != "class_id" && after[key] != value) return false;
  return true;
}

TEST(RecordForms, MaySetOnAStoredRecordIsWhatAPutAccepts) {
  OwnServer s("record_forms_edit");
  County c(s);
  ASSERT_GE(c.classes.size(), 2u);
  ASSERT_GE(c.teachers.size(), 2u);
  const std::map<std::string, int64_t> records = {
      {"school", c.own_school},
      {"student", c.get("/students?size=1&school_id=" + id(c.own_school))["items"][0]["id"]},
      {"teacher", c.teachers[1]["id"]},
      {"class", c.classes[0]["id"]}};
  int checked = 0;
  for (const std::string& role : kRoles) {
    Login who = s.login(role);
    for (const auto& [kind, record_id] : records) {
      auto form = s.call("GET", "/meta/forms/" + kind, &who);
      ASSERT_EQ(form.status, 200) << role << " " << kind;
      const std::string path = "/" + std::string(kind == "class" ? "classes" : kind + "s") + "/" + id(record_id);
      const json record = c.record(kind, record_id);
      json original = unchanged(kind, record);
      if (kind == "student" || kind == "teacher") original["id_number"] = c.get(path + "/id-number")["id_number"];
      for (const json& field : form.body["fields"]) {
        auto patch = change(c, field, record);
        ASSERT_TRUE(patch) << kind << "." << field["key"];
        json body = unchanged(kind, record);
        body.update(*patch);
        auto r = s.call("PUT", path, &who, body);
        const bool accepted = r.status == 200 && written(c, kind, record_id, *patch);
        if (r.status == 200) {  // back to the record as it was, for the next field
          ASSERT_EQ(s.admin_call("PUT", path, original)["status"], 200) << kind << "." << field["key"];
          ASSERT_EQ(c.record(kind, record_id), record);
        }
        EXPECT_EQ(accepted, field["edit"]["may_set"].get<bool>())
            << role << " " << kind << "." << field["key"] << " → " << r.status << " " << r.body.dump();
        if (!field["edit"]["may_set"].get<bool>()) {
          EXPECT_NE(field["edit"]["reason"], "");
        }
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 5 * (11 + 12 + 13 + 7));
}

// A new record with every field given, as its creator would fill the form.
json new_record(County& c, const std::string& kind) {
  const std::string tag = std::to_string(++c.next);
  if (kind == "school")
    return {{"code", "21430598" + std::string(tag.size() < 2 ? "0" : "") + tag}, {"name", "新建" + tag},
            {"kind", "小学"}, {"ownership", "公办"}, {"location", "城区"}, {"area_id", c.other_area},
            {"address", ""}, {"principal", ""}, {"phone", ""}, {"founded_year", 2020}, {"weak", false}};
  if (kind == "student")
    return {{"name", "新生" + tag}, {"gender", "女"}, {"id_number", new_id_number(2016, false)},
            {"birth_date", "2016-03-15"}, {"ethnicity", "汉族"}, {"school_id", c.own_school},
            {"class_id", nullptr}, {"status", "在读"}, {"enrolled_on", "2022-09-01"}, {"household", "城镇"},
            {"left_behind", false}, {"disabled", false}};
  return {{"name", "新师" + tag}, {"gender", "女"}, {"id_number", new_id_number(1990, false)},
          {"birth_date", "1990-03-15"}, {"school_id", c.own_school}, {"post", "专任教师"},
          {"education", "本科"}, {"title", "一级"}, {"subject", "数学"}, {"backbone", "无"},
          {"section", ""}, {"on_staff", true}, {"hired_on", "2012-09-01"}};
}

TEST(RecordForms, MaySetOnANewRecordIsWhatAPostAccepts) {
  OwnServer s("record_forms_create");
  County c(s);
  for (const std::string& role : kRoles) {
    Login who = s.login(role);
    for (const std::string kind : {"school", "student", "teacher"}) {
      auto form = s.call("GET", "/meta/forms/" + kind, &who);
      ASSERT_EQ(form.status, 200);
      for (const json& field : form.body["fields"]) {
        json body = new_record(c, kind);
        const std::string key = field["key"];
        // Another value of the user's choosing: within the user's own school
        // for a school admin (the only school in their scope).
        if (key == "school_id" && role != "admin") continue;
        if (key != "class_id" && key != "school_id") body.update(*change(c, field, body));
        else if (key == "class_id") {  // a pupil of that class's age (6 in 一年级)
          const int year = 2026 - (c.classes[0]["grade"].get<int>() + 5) - 1;
          body.update({{"class_id", c.classes[0]["id"]}, {"id_number", new_id_number(year, false)},
                       {"birth_date", std::to_string(year) + "-03-15"}});
        }
        else body["school_id"] = c.other_school;
        auto r = s.call("POST", "/" + kind + "s", &who, body);
        EXPECT_EQ(r.status == 201, field["create"]["may_set"].get<bool>())
            << role << " " << kind << "." << key << " → " << r.status << " " << r.body.dump();
      }
    }
  }
}

TEST(RecordForms, DeclareTheFieldsInTheRegistersOrder) {
  OwnServer s("record_forms_shape");
  Login sa = s.login("school_admin");
  auto r = s.call("GET", "/meta/forms/teacher", &sa);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["title"], "教职工");
  std::vector<std::string> keys;
  for (const json& f : r.body["fields"]) keys.push_back(f["key"]);
  EXPECT_EQ(keys, (std::vector<std::string>{"name", "gender", "id_number", "birth_date", "school_id", "post",
                                            "education", "title", "subject", "backbone", "section",
                                            "on_staff", "hired_on"}));
  const json& name = r.body["fields"][0];
  EXPECT_EQ(name["label"], "姓名");
  EXPECT_EQ(name["type"], "text");
  EXPECT_EQ(name["max_length"], 50);
  EXPECT_EQ(name["required"], true);
  const json& school = r.body["fields"][4];
  EXPECT_EQ(school["label"], "学校");
  EXPECT_EQ(school["type"], "school");
  EXPECT_EQ(school["hint"], "");
  EXPECT_EQ(school["edit"]["may_set"], false);
  EXPECT_EQ(school["edit"]["reason"], "您的角色无权修改“学校”:该字段由教育局维护");
  const json& backbone = r.body["fields"][9];
  EXPECT_EQ(backbone["type"], "enum");
  EXPECT_EQ(backbone["enum"], "backbone");
  EXPECT_EQ(backbone["create"]["may_set"], false);
  EXPECT_EQ(backbone["create"]["reason"], "“骨干级别”由教育局认定,新建记录时只能填“无”");
  EXPECT_EQ(r.body["fields"][2]["type"], "id_number");
  EXPECT_EQ(r.body["fields"][11]["type"], "yes_no");
  auto klass = s.call("GET", "/meta/forms/class", &sa);
  EXPECT_EQ(klass.body["fields"][3]["edit"]["reason"], "“年级”是记录本身的标识,建立后不能修改");
  EXPECT_EQ(klass.body["fields"][6]["key"], "head_teacher_id");
  EXPECT_EQ(klass.body["fields"][6]["type"], "teacher");
  auto unknown = s.call("GET", "/meta/forms/exam", &sa);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body["message"], "没有名为“exam”的表单;可用的表单:school、student、teacher、class");
}

}  // namespace
}  // namespace edu::apitest
