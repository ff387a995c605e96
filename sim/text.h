// Checks and escaping for text a user gave (scenario files, --set values,
// paths), so that whatever bytes arrive, choreo either refuses them with one
// line or carries them safely into summary.json.
//
//   invalid_utf8_at("ok\xE9")  -> 2 (the offset of the first bad byte)
//   printable("a\nb")          -> "a\\nb" (a two-character escape, one line)
//
// UTF-8 is checked as Unicode defines it (Table 3-7 of the standard): no
// overlong forms, no surrogates, nothing past U+10FFFF; exactly what a JSON
// writer accepts. Not a general text library: no normalisation, no widths.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace choreo::sim {

// The offset of the first byte of `text` that is not part of well-formed
// UTF-8, or std::string_view::npos when all of it is.
std::size_t invalid_utf8_at(std::string_view text);

// The offset of the first control character other than a tab (U+0000..U+001F,
// U+007F) in `text`, or std::string_view::npos.
std::size_t control_char_at(std::string_view text);

// `text` made safe for a one-line message: control characters become \n,
// \r, \t or \xNN, bytes that are not UTF-8 become \xNN, and text longer than
// `max_bytes` is cut (at a character boundary) and ends "... (N bytes)".
std::string printable(std::string_view text, std::size_t max_bytes = 200);

}  // namespace choreo::sim
