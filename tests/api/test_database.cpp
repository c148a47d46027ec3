#include "test_database.h"

#include <cstdlib>
#include <stdexcept>

#include "store/database.h"

namespace edu::apitest {

std::string fresh_test_database(const std::string& name, const std::filesystem::path& dir) {
  const char* cluster = std::getenv("EDU_TEST_PG");
  if (!cluster || !*cluster) return (dir / (name + ".db")).string();
  std::string db_name = "edu_";
  for (char c : name) db_name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  auto admin = open_database(cluster);
  if (!admin.ok()) throw std::runtime_error(admin.status().message());
  for (const std::string sql : {"DROP DATABASE IF EXISTS " + db_name + " WITH (FORCE)", "CREATE DATABASE " + db_name}) {
    Status s = (*admin)->exec_script(sql);
    if (!s.ok()) throw std::runtime_error(s.message());
  }
  std::string url = cluster;
  return url.substr(0, url.rfind('/') + 1) + db_name;
}

}  // namespace edu::apitest
