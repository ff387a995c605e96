// Grid slices; see sweep_shard.h.
#include "cli/sweep_shard.h"

#include <fmt/format.h>

#include <charconv>
#include <string_view>

namespace choreo::cli {

namespace {

// A whole decimal number without sign or spaces into `value`; false otherwise.
bool count_value(std::string_view text, std::size_t& value) {
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return !text.empty() && ec == std::errc() && ptr == end;
}

}  // namespace

sim::Result<Shard> parse_shard(const std::string& text, std::size_t runs) {
  const auto slash = text.find('/');
  Shard shard;
  const bool numbers = slash != std::string::npos &&
                       count_value(std::string_view(text).substr(0, slash), shard.index) &&
                       count_value(std::string_view(text).substr(slash + 1), shard.count);
  if (!numbers || shard.index < 1 || shard.index > shard.count) {
    return sim::Error{fmt::format(
        "--shard: '{}': expected I/N, shard I of N with 1 <= I <= N (e.g. --shard 1/4 ... --shard 4/4)",
        text)};
  }
  if (shard.count > runs) {
    return sim::Error{fmt::format("--shard {}: {} shards for a grid of {} runs (allowed: N <= {})", text,
                                  shard.count, runs, runs)};
  }
  return shard;
}

}  // namespace choreo::cli
