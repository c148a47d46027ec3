// libFuzzer entry point for the CSV reader (encoding detection and RFC 4180
// parsing): any bytes must give a table or a Status, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto result = edu::ingest::read_csv_bytes(std::string_view(reinterpret_cast<const char*>(data), size),
                                            "fuzz.csv");
  if (result.ok()) {
    for (const auto& row : result->rows) {
      // The contract of table.h: no empty rows, no trailing empty cells.
      if (row.cells.empty() || row.cells.back().empty() || row.number < 1) __builtin_trap();
    }
  } else if (result.status().message().empty()) {
    __builtin_trap();
  }
  return 0;
}
