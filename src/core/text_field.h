// The one rule for a text field a person typed — a name, an address, a
// reason — wherever it enters: a JSON request body (http/json_input) or an
// import sheet's cell (ingest/row_mapping). The text
//   1. must be well-formed UTF-8;
//   2. is trimmed of white space at both ends (space, tab, CR, LF and the
//      full-width space U+3000), so whitespace-only text becomes "" and the
//      field's own "required" rule then applies;
//   3. must hold no control character (U+0000–U+001F, U+007F–U+009F): no NUL,
//      no line break or tab inside;
//   4. must be at most text_limit(key) characters (code points) long.
// Errors are Chinese, code "validation", naming the field by `label`.
// Passwords are not text fields: they are taken as typed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace edu {

// The longest text, in characters, a field `key` may hold: 50 for names, 200
// for an address, 500 for a reason, 100 for any other.
size_t text_limit(const std::string& key);

// `text` cleaned by the rule above, or the first rule it breaks.
Result<std::string> clean_text(std::string_view text, const std::string& key,
                               const std::string& label);

// `text` without white space at both ends (rule 2 alone), e.g. for headers.
std::string trim_text(std::string_view text);

}  // namespace edu
