// Reading a scenario file's lines into RawConfig entries, with line numbers;
// see config.h. The syntax is Boost.Program_options' config-file syntax:
// `[section]`, `key = value`, `#` starting a comment anywhere on a line.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "sim/config.h"
#include "sim/text.h"

namespace choreo::sim {

namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

bool is_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '.';
    if (!ok) return false;
  }
  return s.front() != '.' && s.back() != '.';
}

}  // namespace

std::string Origin::describe(std::string_view key) const {
  if (from_override) return fmt::format("--set {}", key);
  if (line > 0) return fmt::format("{}:{}", file, line);
  return "default";
}

Result<RawConfig> read_config_text(std::string_view text, const std::string& name) {
  if (const auto bad = invalid_utf8_at(text); bad != std::string_view::npos) {
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    return Error{
        fmt::format("{}:{}: invalid UTF-8 byte 0x{:02X} at offset {} (a scenario file is UTF-8 text)", name,
                    line, static_cast<unsigned char>(text[bad]), bad)};
  }
  RawConfig raw;
  raw.file = name;
  std::map<std::string, int, std::less<>> first_line;
  std::string section;
  int line_no = 0;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    const std::string_view content = trim(std::string_view(line).substr(0, line.find('#')));
    if (content.empty()) continue;
    const std::string where = fmt::format("{}:{}", name, line_no);
    if (content.front() == '[') {
      const std::string_view inner = trim(content.substr(1, content.size() - 1));
      if (content.back() != ']' || !is_name(trim(inner.substr(0, inner.size() - 1)))) {
        return Error{fmt::format("{}: expected '[section]', got '{}'", where, printable(content))};
      }
      section = std::string(trim(inner.substr(0, inner.size() - 1)));
      continue;
    }
    const auto eq = content.find('=');
    const std::string_view key = eq == std::string_view::npos ? content : trim(content.substr(0, eq));
    if (eq == std::string_view::npos || !is_name(key)) {
      return Error{
          fmt::format("{}: expected 'key = value' or '[section]', got '{}'", where, printable(content))};
    }
    std::string full = section.empty() ? std::string(key) : section + "." + std::string(key);
    if (const auto seen = first_line.find(full); seen != first_line.end()) {
      return Error{fmt::format("{}: duplicate key '{}' (first set on line {})", where, full, seen->second)};
    }
    first_line.emplace(full, line_no);
    raw.entries.push_back(
        RawEntry{std::move(full), std::string(trim(content.substr(eq + 1))), Origin{name, line_no, false}});
  }
  return raw;
}

Result<RawConfig> read_config_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Error{fmt::format("{}: is a directory, not a scenario file", printable(path))};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot open scenario file", printable(path))};
  // Reads at most one byte past the limit, so /dev/zero or a huge file stops there.
  std::string text;
  char chunk[16384];
  while (in && text.size() <= kMaxScenarioBytes) {
    in.read(chunk, sizeof chunk);
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return Error{fmt::format("{}: cannot read scenario file", printable(path))};
  if (text.size() > kMaxScenarioBytes) {
    return Error{fmt::format("{}: larger than 1 MiB, the limit for a scenario file", printable(path))};
  }
  return read_config_text(text, path);
}

}  // namespace choreo::sim
