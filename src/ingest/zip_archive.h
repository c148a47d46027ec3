// Read-only access to a zip archive held in memory (an xlsx file is one),
// built on minizip. Every read is bounded: an entry that inflates beyond
// `max_bytes` is refused, so a zip bomb costs at most that much memory and
// the time to inflate it. Errors are Chinese and name the file.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace edu::ingest {

class ZipArchive {
 public:
  // `data` must outlive the archive. Fails when the bytes are not a zip.
  static Result<std::unique_ptr<ZipArchive>> open(std::string_view data, std::string file_name);
  ~ZipArchive();

  // Entry names are compared after turning '\' into '/' and dropping a
  // leading '/'; an exact match wins, else a case-insensitive one.
  bool contains(std::string_view name) const;
  // The entry's bytes; an error when missing, encrypted, corrupt or larger
  // than max_bytes once inflated.
  Result<std::string> read(std::string_view name, size_t max_bytes) const;

 private:
  struct Entry;
  ZipArchive() = default;
  const Entry* find(std::string_view name) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string file_name_;
};

}  // namespace edu::ingest
