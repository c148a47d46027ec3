#include "ingest/file_bytes.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace edu::ingest {

std::string base_name(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Result<std::string> read_file_bytes(const std::string& path, size_t max_bytes) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) {
    return Status::Error("file_unreadable",
                         base_name(path) + "：无法打开文件（" + std::strerror(errno) + "）");
  }
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    if (out.size() + n > max_bytes) {
      return Status::Error("file_too_large", base_name(path) + "：文件超过" +
                                                 std::to_string(max_bytes >> 20) + "MB，拒绝读取");
    }
    out.append(buf, n);
  }
  if (std::ferror(f.get())) return Status::Error("file_unreadable", base_name(path) + "：读取文件出错");
  return out;
}

}  // namespace edu::ingest
