// Where the records behind an analytics number are: a register list
// (GET /students, /teachers or /class-sizes, docs/API.md) and the query parameters
// selecting exactly the records the number counts. The lists apply the
// caller's scope as the analytics do.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace edu::analytics {

using RecordQuery = std::vector<std::pair<std::string, std::string>>;

struct RecordList {
  std::string list;  // students / teachers / class-sizes
  RecordQuery query;
};

// Behind a value's numerator and denominator; absent where no list filter selects them.
struct RecordLinks {
  std::optional<RecordList> numerator, denominator;
};

}  // namespace edu::analytics
