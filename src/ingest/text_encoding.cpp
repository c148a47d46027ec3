#include "ingest/text_encoding.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cerrno>
#include <optional>

namespace edu::ingest {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

int line_at(std::string_view text, size_t offset) {
  return 1 + int(std::count(text.begin(), text.begin() + long(std::min(offset, text.size())), '\n'));
}

// Converts with iconv; on failure, sets `failed_at` to the input offset.
std::optional<std::string> convert(std::string_view in, const char* from, size_t& failed_at,
                                   std::string& partial) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == iconv_t(-1)) {
    failed_at = 0;
    return std::nullopt;
  }
  std::string out;
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  size_t produced = 0;
  bool ok = true;
  while (src_left > 0) {
    char* dst = out.data() + produced;
    size_t dst_left = out.size() - produced;
    size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    produced = size_t(dst - out.data());
    if (rc != size_t(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    ok = false;  // EILSEQ or EINVAL (truncated sequence at the end)
    break;
  }
  iconv_close(cd);
  out.resize(produced);
  if (!ok) {
    failed_at = size_t(src - in.data());
    partial = std::move(out);
    return std::nullopt;
  }
  return out;
}

std::string guess_charset(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  if (!ud) return "";
  uchardet_handle_data(ud, bytes.data(), std::min<size_t>(bytes.size(), 1 << 16));
  uchardet_data_end(ud);
  std::string guess = uchardet_get_charset(ud);
  uchardet_delete(ud);
  return guess;
}

Status encoding_error(const std::string& file, int line, const std::string& why) {
  return Status::Error("csv_encoding", file + " 第" + std::to_string(line) + "行：" + why);
}

}  // namespace

const char* encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8: return "UTF-8";
    case TextEncoding::kUtf8Bom: return "UTF-8（带BOM）";
    case TextEncoding::kGb18030: return "GBK/GB18030";
    case TextEncoding::kUtf16Le: return "UTF-16LE";
    case TextEncoding::kUtf16Be: return "UTF-16BE";
  }
  return "";
}

Result<DecodedText> decode_text(std::string_view bytes, const std::string& file) {
  DecodedText out;
  size_t failed_at = 0;
  std::string partial;
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    bool le = bytes[0] == '\xFF';
    out.encoding = le ? TextEncoding::kUtf16Le : TextEncoding::kUtf16Be;
    auto text = convert(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE", failed_at, partial);
    if (!text) {
      return encoding_error(file, line_at(partial, partial.size()),
                            std::string("文件按") + encoding_name(out.encoding) +
                                "编码读取时出错，文件可能已损坏或被截断");
    }
    out.utf8 = std::move(*text);
    if (size_t nul = out.utf8.find('\0'); nul != std::string::npos) {
      return encoding_error(file, line_at(out.utf8, nul), "含有空字符，文件可能已损坏");
    }
    return out;
  }
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    out.encoding = TextEncoding::kUtf8Bom;
    if (size_t bad = find_invalid_utf8(bytes); bad != std::string_view::npos) {
      return encoding_error(file, line_at(bytes, bad),
                            "文件标明是UTF-8编码，但这一行含有不是UTF-8的字节，文件可能已损坏");
    }
  }
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return encoding_error(file, line_at(bytes, nul),
                          "含有二进制数据（空字符），这不是文本文件。请上传CSV或xlsx格式的表格");
  }
  if (out.encoding == TextEncoding::kUtf8Bom || find_invalid_utf8(bytes) == std::string_view::npos) {
    out.utf8 = std::string(bytes);
    return out;
  }
  auto text = convert(bytes, "GB18030", failed_at, partial);
  if (!text) {
    std::string why = "无法识别文件编码（既不是UTF-8，也不是GBK/GB18030）";
    std::string guess = guess_charset(bytes);
    if (!guess.empty() && guess != "ASCII" && guess != "UTF-8" && guess != "GB18030")
      why += "，看起来可能是" + guess + "编码";
    why += "。请在Excel或WPS中打开，“另存为”“CSV UTF-8（逗号分隔）”后再上传";
    return encoding_error(file, line_at(bytes, failed_at), why);
  }
  out.utf8 = std::move(*text);
  out.encoding = TextEncoding::kGb18030;
  return out;
}

}  // namespace edu::ingest
