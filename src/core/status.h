// Status and Result: how every layer reports failure without exceptions.
// A Status carries a machine code (e.g. "invalid_id_number"), a Chinese message
// meant for the user, and optionally the offending field. ok() means success.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace edu {

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string code, std::string message, std::string field = "") {
    Status s;
    s.code_ = std::move(code);
    s.message_ = std::move(message);
    s.field_ = std::move(field);
    return s;
  }
  bool ok() const { return code_.empty(); }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }

 private:
  std::string code_;
  std::string message_;
  std::string field_;
};

// Result<T>: a value or a failed Status.
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}
  Result(Status status) : status_(std::move(status)) {}
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace edu
