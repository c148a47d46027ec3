// A test fixture holding a fresh, migrated SQLite database in a temporary
// folder of its own (named after the test, so tests running at once do not
// share one), removed after the test. connect() opens a second connection to
// the same file (as a second server would).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/database.h"
#include "store/migrations.h"

namespace edu {

class MigratedDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("edu_" + std::string(test->test_suite_name()) + "_" + test->name() + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = connect();
    ASSERT_TRUE(db_) << "cannot open " << (dir_ / "t.db").string();
    ASSERT_TRUE(migrate(*db_).ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::unique_ptr<Database> connect() {
    auto db = open_database((dir_ / "t.db").string());
    return db.ok() ? std::move(db.value()) : nullptr;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
};

}  // namespace edu
