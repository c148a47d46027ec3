#include "ingest/zip_archive.h"

#include <unzip.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <vector>

namespace edu::ingest {
namespace {

// minizip reads through these callbacks from a buffer instead of a file.
struct MemoryStream {
  const char* data = nullptr;
  ZPOS64_T size = 0;
  ZPOS64_T pos = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int mode) {
  if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return nullptr;
  auto* s = static_cast<MemoryStream*>(opaque);
  s->pos = 0;
  return s;
}
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* s = static_cast<MemoryStream*>(stream);
  ZPOS64_T left = s->pos < s->size ? s->size - s->pos : 0;
  if (size > left) size = uLong(left);
  if (size) std::memcpy(buf, s->data + s->pos, size);
  s->pos += size;
  return size;
}
uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<MemoryStream*>(stream)->pos; }
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* s = static_cast<MemoryStream*>(stream);
  ZPOS64_T base;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = s->pos; break;
    case ZLIB_FILEFUNC_SEEK_END: base = s->size; break;
    default: return -1;
  }
  if (offset > s->size || base + offset > s->size) return -1;
  s->pos = base + offset;
  return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

std::string normalize(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (c == '\\') c = '/';
  while (!out.empty() && out[0] == '/') out.erase(0, 1);
  return out;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return s;
}

const size_t kMaxEntries = 100000;

}  // namespace

struct ZipArchive::Entry {
  unz64_file_pos pos{};
};

struct ZipArchive::Impl {
  MemoryStream stream;
  zlib_filefunc64_def funcs{};
  unzFile zip = nullptr;
  std::map<std::string, Entry> entries;        // normalized name → position
  std::map<std::string, std::string> folded;   // lower-case name → normalized name
};

ZipArchive::~ZipArchive() {
  if (impl_ && impl_->zip) unzClose(impl_->zip);
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(std::string_view data, std::string file_name) {
  std::unique_ptr<ZipArchive> archive(new ZipArchive());
  archive->file_name_ = std::move(file_name);
  archive->impl_ = std::make_unique<Impl>();
  Impl& impl = *archive->impl_;
  impl.stream = {data.data(), data.size(), 0};
  impl.funcs = {mem_open, mem_read, mem_write, mem_tell, mem_seek, mem_close, mem_error, &impl.stream};
  auto bad = [&](const char* why) {
    return Status::Error("xlsx_not_zip", archive->file_name_ + "：" + why);
  };
  impl.zip = unzOpen2_64("memory", &impl.funcs);
  if (!impl.zip) return bad("不是有效的xlsx文件（无法按zip压缩包打开）");
  int rc = unzGoToFirstFile(impl.zip);
  while (rc == UNZ_OK) {
    if (impl.entries.size() >= kMaxEntries) return bad("压缩包内文件过多，不像是xlsx文件");
    char name[1024];
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(impl.zip, &info, name, sizeof name - 1, nullptr, 0, nullptr, 0) != UNZ_OK)
      return bad("压缩包目录已损坏");
    name[sizeof name - 1] = '\0';
    Entry entry;
    if (unzGetFilePos64(impl.zip, &entry.pos) != UNZ_OK) return bad("压缩包目录已损坏");
    std::string key = normalize(name);
    impl.folded.emplace(lower(key), key);
    impl.entries.emplace(std::move(key), entry);
    rc = unzGoToNextFile(impl.zip);
  }
  if (rc != UNZ_END_OF_LIST_OF_FILE) return bad("压缩包目录已损坏");
  return archive;
}

const ZipArchive::Entry* ZipArchive::find(std::string_view name) const {
  std::string key = normalize(name);
  auto it = impl_->entries.find(key);
  if (it != impl_->entries.end()) return &it->second;
  auto f = impl_->folded.find(lower(key));
  if (f == impl_->folded.end()) return nullptr;
  return &impl_->entries.at(f->second);
}

bool ZipArchive::contains(std::string_view name) const { return find(name) != nullptr; }

Result<std::string> ZipArchive::read(std::string_view name, size_t max_bytes) const {
  auto bad = [&](const std::string& why) {
    return Status::Error("xlsx_corrupt", file_name_ + "：压缩包中的“" + std::string(name) + "”" + why);
  };
  const Entry* entry = find(name);
  if (!entry) return bad("不存在");
  unz64_file_pos pos = entry->pos;
  unzFile zip = impl_->zip;
  unz_file_info64 info;
  if (unzGoToFilePos64(zip, &pos) != UNZ_OK ||
      unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
    return bad("无法读取，文件可能已损坏");
  if (info.flag & 1) return bad("已加密，请去掉密码后再上传");
  if (unzOpenCurrentFile(zip) != UNZ_OK) return bad("无法解压，文件可能已损坏");
  std::string out;
  // The declared size, as far as the cap allows: one allocation for the whole
  // part (a 60 MB sheet grown 16 → 32 → 64 MB copied itself twice). Pages not
  // written to are never touched, so a size declared too large costs nothing.
  out.reserve(size_t(std::min<ZPOS64_T>(info.uncompressed_size, max_bytes)));
  std::vector<char> buf(1 << 16);
  int n;
  while ((n = unzReadCurrentFile(zip, buf.data(), unsigned(buf.size()))) > 0) {
    if (out.size() + size_t(n) > max_bytes) {
      unzCloseCurrentFile(zip);
      return Status::Error("xlsx_too_large",
                           file_name_ + "：压缩包中的“" + std::string(name) + "”解压后超过" +
                               std::to_string(max_bytes >> 20) + "MB，拒绝读取");
    }
    out.append(buf.data(), size_t(n));
  }
  int close_rc = unzCloseCurrentFile(zip);
  if (n < 0 || close_rc != UNZ_OK) return bad("解压出错，文件已损坏");
  return out;
}

}  // namespace edu::ingest
