// Reading register records from JSON request bodies with strict types: a
// wrong type or a missing field is an error naming the field in Chinese.
// Every text passes the text-field rule (core/text_field.h: trimmed, no
// control characters, capped); other field rules (enumerations, ID numbers …)
// are checked later by core/validate.
#pragma once

#include <nlohmann/json.hpp>

#include "core/model.h"
#include "core/status.h"

namespace edu {

Result<School> school_from_json(const nlohmann::json& body);
Result<Student> student_from_json(const nlohmann::json& body);  // id_number may be ""
Result<Teacher> teacher_from_json(const nlohmann::json& body);

// Reads typed fields from a JSON object; remembers the first problem.
class FieldReader {
 public:
  explicit FieldReader(const nlohmann::json& body) : body_(body) {}
  std::string text(const std::string& key, bool required = true);
  // A password: taken as typed (not trimmed or cleaned), only required.
  std::string secret(const std::string& key);
  int64_t integer(const std::string& key, bool required = true);
  std::optional<int64_t> optional_integer(const std::string& key);
  bool boolean(const std::string& key, bool required = false);  // missing: false, unless required
  Date date(const std::string& key);
  const Status& status() const { return status_; }

 private:
  const nlohmann::json* find(const std::string& key, bool required);
  std::string raw_text(const std::string& key, bool required);
  std::string require_filled(const std::string& key, bool required, std::string s);
  void fail(Status s);
  const nlohmann::json& body_;
  Status status_;
};

}  // namespace edu
