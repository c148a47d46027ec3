// One real EduBureau server for the API tests: a small demo county in a temp
// SQLite file, served on a free loopback port, and an HTTP client that logs in
// as any of the demo users.
#pragma once

#include <httplib.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace edu::apitest {

using nlohmann::json;

struct Login {
  std::string cookie;  // "eb_session=…"
  std::string csrf;
  json user;
};

struct Reply {
  int status = 0;
  json body;  // the body as JSON (discarded when it is not JSON)
  httplib::Headers headers;
  std::string raw_body;  // the body as sent (a downloaded file)
};

// Facts about the generated county the tests need (ids chosen by the fixture).
struct Landmarks {
  int64_t own_school = 0;      // school_admin's and teacher's school (county seat)
  int64_t rural_school = 0;    // a school in the inspector's township
  int64_t own_student = 0;     // a student in the teacher's class
  int64_t rural_student = 0;
  int64_t own_teacher = 0;     // the teacher user's record
  int64_t rural_teacher = 0;
  int64_t own_class = 0;       // the teacher's class
  int own_class_grade = 0;
  int64_t rural_class = 0;
  int rural_class_grade = 0;
  int64_t seat_area = 0;
};

// An HTTP client of a server on a loopback port, and its database file.
class ApiClient {
 public:
  int port() const { return port_; }
  const std::string& db_path() const { return db_path_; }

  Login login(const std::string& username, const std::string& password = "Demo@2026");
  Reply call(const std::string& method, const std::string& path, const Login* who = nullptr,
             const json& body = nullptr, bool send_csrf = true);
  Reply raw(const std::string& method, const std::string& path, const Login* who,
            const std::string& body, const std::string& content_type = "application/json");
  // POST a file as multipart/form-data field "file".
  Reply upload(const std::string& path, const Login* who, const std::string& file_name,
               const std::string& content);
  // A COUNT(*) straight from the database file, to prove what a request changed.
  int64_t count(const std::string& table_and_where);
  // The first column of each row of `sql`, as text, straight from the database.
  std::vector<std::string> texts(const std::string& sql);

 protected:
  int port_ = 0;
  std::string db_path_;
};

class TestServer : public ApiClient {
 public:
  static TestServer& get();  // started on first use, stopped at exit
  const Landmarks& landmarks() const { return landmarks_; }

 private:
  TestServer();
  Landmarks landmarks_;
};

// A fresh, valid ID number (area 110101, never used by the generator).
std::string new_id_number(int birth_year, bool male);

}  // namespace edu::apitest
