#include "http/json_input.h"

#include "core/record_fields.h"
#include "core/text_field.h"

namespace edu {

void FieldReader::fail(Status s) {
  if (status_.ok()) status_ = std::move(s);
}

const nlohmann::json* FieldReader::find(const std::string& key, bool required) {
  auto it = body_.find(key);
  if (it == body_.end() || it->is_null()) {
    if (required)
      fail(Status::Error("validation", "缺少必填字段“" + field_label(key) + "”", key));
    return nullptr;
  }
  return &*it;
}

// The string at `key`, or "" (missing, or not a string: then failed).
std::string FieldReader::raw_text(const std::string& key, bool required) {
  const auto* v = find(key, required);
  if (!v) return "";
  if (!v->is_string()) {
    fail(Status::Error("bad_request", "字段“" + field_label(key) + "”应为文本", key));
    return "";
  }
  return v->get<std::string>();
}

std::string FieldReader::require_filled(const std::string& key, bool required, std::string s) {
  if (required && s.empty())
    fail(Status::Error("validation", "“" + field_label(key) + "”不能为空", key));
  return s;
}

std::string FieldReader::text(const std::string& key, bool required) {
  auto clean = clean_text(raw_text(key, required), key, field_label(key));
  if (!clean.ok()) {
    fail(clean.status());
    return "";
  }
  return require_filled(key, required, std::move(*clean));
}

std::string FieldReader::secret(const std::string& key) {
  return require_filled(key, true, raw_text(key, true));
}

int64_t FieldReader::integer(const std::string& key, bool required) {
  const auto* v = find(key, required);
  if (!v) return 0;
  if (!v->is_number_integer()) {
    fail(Status::Error("bad_request", "字段“" + field_label(key) + "”应为整数", key));
    return 0;
  }
  return v->get<int64_t>();
}

std::optional<int64_t> FieldReader::optional_integer(const std::string& key) {
  if (!find(key, false)) return std::nullopt;
  return integer(key);
}

bool FieldReader::boolean(const std::string& key, bool required) {
  const auto* v = find(key, required);
  if (!v) return false;
  if (!v->is_boolean()) {
    fail(Status::Error("bad_request", "字段“" + field_label(key) + "”应为 true 或 false", key));
    return false;
  }
  return v->get<bool>();
}

Date FieldReader::date(const std::string& key) {
  std::string s = text(key);
  if (s.empty()) return {};
  auto d = parse_iso_date(s);
  if (!d) {
    fail(Status::Error("validation",
                       "“" + field_label(key) + "”应为有效日期(格式 YYYY-MM-DD),收到“" + s + "”",
                       key));
    return {};
  }
  return *d;
}

Result<School> school_from_json(const nlohmann::json& body) {
  FieldReader in(body);
  School s;
  s.code = in.text("code");
  s.name = in.text("name");
  s.kind = in.text("kind");
  s.ownership = in.text("ownership");
  s.location = in.text("location");
  s.area_id = in.integer("area_id");
  s.parent_school_id = in.optional_integer("parent_school_id");
  s.address = in.text("address", false);
  s.principal = in.text("principal", false);
  s.phone = in.text("phone", false);
  s.founded_year = static_cast<int>(in.integer("founded_year", false));
  s.weak = in.boolean("weak");
  if (!in.status().ok()) return in.status();
  return s;
}

Result<Student> student_from_json(const nlohmann::json& body) {
  FieldReader in(body);
  Student s;
  s.id_number = in.text("id_number", false);
  s.name = in.text("name");
  s.gender = in.text("gender");
  s.birth_date = in.date("birth_date");
  s.ethnicity = in.text("ethnicity");
  s.school_id = in.integer("school_id");
  s.class_id = in.optional_integer("class_id");
  s.status = in.text("status");
  s.enrolled_on = in.date("enrolled_on");
  s.household = in.text("household");
  s.left_behind = in.boolean("left_behind");
  s.disabled = in.boolean("disabled");
  if (!in.status().ok()) return in.status();
  return s;
}

Result<Teacher> teacher_from_json(const nlohmann::json& body) {
  FieldReader in(body);
  Teacher t;
  t.id_number = in.text("id_number", false);
  t.name = in.text("name");
  t.gender = in.text("gender");
  t.birth_date = in.date("birth_date");
  t.school_id = in.integer("school_id");
  t.post = in.text("post");
  t.education = in.text("education");
  t.title = in.text("title");
  t.subject = in.text("subject");
  t.backbone = in.text("backbone");
  t.section = in.text("section", false);
  t.on_staff = in.boolean("on_staff");
  t.hired_on = in.date("hired_on");
  if (!in.status().ok()) return in.status();
  return t;
}

}  // namespace edu
