// Sweep grid parsing and enumeration; see sweep_grid.h.
#include "cli/sweep_grid.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <optional>

namespace choreo::cli {

namespace {

sim::Error seeds_error(const std::string& text) {
  return sim::Error{fmt::format(
      "--seeds: '{}': expected A..B with integers 0 <= A <= B <= 9223372036854775807 (e.g. --seeds 1..100)",
      text)};
}

// A seed as `choreo run --seed` takes it: a decimal integer in 0..2^63-1.
std::optional<std::uint64_t> seed_value(const std::string& text) {
  std::uint64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value > INT64_MAX) return std::nullopt;
  return value;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

}  // namespace

std::size_t Grid::cell_count() const {
  std::size_t n = 1;
  for (const auto& v : varies) n *= v.values.size();
  return n;
}

std::vector<std::string> Grid::cell_values(std::size_t cell) const {
  assert(cell < cell_count());
  std::vector<std::string> values(varies.size());
  // The last --vary key changes fastest: mixed-radix digits from the right.
  for (std::size_t i = varies.size(); i-- > 0;) {
    values[i] = varies[i].values[cell % varies[i].values.size()];
    cell /= varies[i].values.size();
  }
  return values;
}

std::vector<std::string> Grid::cell_overrides(std::size_t cell) const {
  const auto values = cell_values(cell);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < varies.size(); ++i) out.push_back(varies[i].key + "=" + values[i]);
  return out;
}

sim::Result<SeedRange> parse_seed_range(const std::string& text) {
  const auto dots = text.find("..");
  const std::string a = dots == std::string::npos ? text : text.substr(0, dots);
  const std::string b = dots == std::string::npos ? text : text.substr(dots + 2);
  const auto first = seed_value(a);
  const auto last = seed_value(b);
  if (!first || !last || *first > *last) return seeds_error(text);
  return SeedRange{*first, *last};
}

sim::Result<Vary> parse_vary(const std::string& text) {
  const auto eq = text.find('=');
  const std::string key = text.substr(0, eq);
  if (eq == std::string::npos || key.empty() || key.find('.') == std::string::npos) {
    return sim::Error{
        fmt::format("--vary: '{}': expected section.key=v1,v2,... (e.g. --vary sqs.loss=0,1%,5%)", text)};
  }
  Vary vary{key, split(text.substr(eq + 1), ',')};
  for (std::size_t i = 0; i < vary.values.size(); ++i) {
    const auto& v = vary.values[i];
    if (v.empty()) return sim::Error{fmt::format("--vary {}: empty value in '{}'", key, text)};
    if (std::find(vary.values.begin(), vary.values.begin() + i, v) != vary.values.begin() + i) {
      return sim::Error{fmt::format("--vary {}: value '{}' given twice", key, v)};
    }
  }
  return vary;
}

sim::Result<Grid> make_grid(const SeedRange& seeds, std::vector<Vary> varies, std::size_t max_runs) {
  for (std::size_t i = 0; i < varies.size(); ++i) {
    if (varies[i].key == "run.seed") return sim::Error{"--vary run.seed: vary seeds with --seeds A..B"};
    for (std::size_t j = 0; j < i; ++j) {
      if (varies[j].key == varies[i].key) {
        return sim::Error{
            fmt::format("--vary {}: key varied twice (give all values in one --vary)", varies[i].key)};
      }
    }
  }
  Grid grid{seeds, std::move(varies)};
  // Guard the product against overflow before multiplying it out.
  double runs = static_cast<double>(seeds.count());
  for (const auto& v : grid.varies) runs *= static_cast<double>(v.values.size());
  if (runs > static_cast<double>(max_runs)) {
    return sim::Error{
        fmt::format("--seeds/--vary: the grid has {:.0f} runs; at most {} are allowed", runs, max_runs)};
  }
  return grid;
}

}  // namespace choreo::cli
