// Reading a whole uploaded file into memory, for the readers that work on
// bytes. Errors are Chinese and name the file by its base name.
#pragma once

#include <cstddef>
#include <string>

#include "core/status.h"

namespace edu::ingest {

// "/tmp/x/学生.xlsx" → "学生.xlsx".
std::string base_name(const std::string& path);

// The file's bytes; an error when it cannot be read or exceeds max_bytes.
Result<std::string> read_file_bytes(const std::string& path, size_t max_bytes);

}  // namespace edu::ingest
