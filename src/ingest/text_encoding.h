// Decoding a text file of unknown encoding to UTF-8, the way CSV files reach
// a Chinese county bureau. The rule, in order:
//   1. UTF-16LE / UTF-16BE byte order mark (Excel "Unicode 文本") → converted;
//   2. UTF-8 byte order mark (Excel "CSV UTF-8") → stripped, must be UTF-8;
//   3. a NUL byte → not a text file (a binary file renamed .csv);
//   4. valid UTF-8 → as is (plain ASCII included);
//   5. otherwise GB18030, the superset of GBK that Chinese Excel and WPS save,
//      converted with iconv;
//   6. otherwise an error naming the first line that cannot be read, with
//      uchardet's guess of the encoding as a hint.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "core/utf8.h"  // find_invalid_utf8

namespace edu::ingest {

enum class TextEncoding { kUtf8, kUtf8Bom, kGb18030, kUtf16Le, kUtf16Be };

// "UTF-8", "UTF-8（带BOM）", "GBK/GB18030", "UTF-16LE", "UTF-16BE".
const char* encoding_name(TextEncoding encoding);

struct DecodedText {
  std::string utf8;  // without the byte order mark
  TextEncoding encoding = TextEncoding::kUtf8;
};

// Errors (code "csv_encoding") name `file_name` and the 1-based line.
Result<DecodedText> decode_text(std::string_view bytes, const std::string& file_name);

}  // namespace edu::ingest
