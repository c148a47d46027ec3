// Well-formed UTF-8 (RFC 3629): the one check every text that enters the
// system passes, whether a decoded CSV file (ingest/text_encoding) or a single
// field (core/text_field).
#pragma once

#include <cstddef>
#include <string_view>

namespace edu {

// Offset of the first byte that is not part of well-formed UTF-8 (overlong
// forms, surrogates and code points beyond U+10FFFF included), or npos.
size_t find_invalid_utf8(std::string_view text);

}  // namespace edu
