// Shell quoting; see shell_quote.h.
#include "cli/shell_quote.h"

namespace choreo::cli {

std::string shell_quote(std::string_view word) {
  bool plain = !word.empty();
  for (char c : word) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '-' || c == '.' || c == '/' || c == '=' || c == ':' || c == ',' ||
                      c == '%' || c == '+' || c == '@';
    if (!safe) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(word);
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace choreo::cli
