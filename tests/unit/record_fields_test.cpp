// Field lists and their differences (core/record_fields.h), by hand.
#include "core/record_fields.h"

#include <gtest/gtest.h>

namespace edu {
namespace {

Student student() {
  Student s;
  s.id_number = "11010519491231002X";
  s.name = "张三";
  s.school_id = 7;
  return s;
}

TEST(RecordFields, AnIdNumberChangedUnderTheMaskIsStillAChange) {
  Student before = student(), after = student();
  after.id_number = "110105194912310037";  // only the sequence and check characters differ
  auto changes = diff_fields(fields_of(before), fields_of(after));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].key, "id_number");
  EXPECT_EQ(changes[0].old_value, "110105************");  // the audit log holds masked text only
  EXPECT_EQ(changes[0].new_value, "110105************");
}

TEST(RecordFields, OnlyWhatDiffersIsAChange) {
  Student before = student(), after = student();
  EXPECT_TRUE(diff_fields(fields_of(before), fields_of(after)).empty());
  after.school_id = 8;
  auto changes = diff_fields(fields_of(before), fields_of(after));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].key, "school_id");
  EXPECT_EQ(changes[0].old_value, "7");
  EXPECT_EQ(changes[0].new_value, "8");
  Teacher t;
  t.id_number = "11010519491231002X";
  for (const FieldValue& f : fields_of(t)) EXPECT_EQ(f.value.find("1949"), std::string::npos) << f.key;
}

}  // namespace
}  // namespace edu
