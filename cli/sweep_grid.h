// The grid of a sweep: every combination of the `--vary` values (a "cell")
// times every seed of `--seeds A..B` (one "run" per pair), in grid order.
//
// Grid order is the order of the CSV rows and is fixed by the command line
// alone: the first --vary key is the outermost loop, seeds the innermost.
// Run i of a grid with S seeds belongs to cell i / S and has seed A + i % S.
// This file only parses and enumerates; it does not check keys against a
// scenario's schema (the sweep loads each cell through load_scenario).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/result.h"

namespace choreo::cli {

struct SeedRange {
  std::uint64_t first = 0;
  std::uint64_t last = 0;  // inclusive; first <= last
  std::uint64_t count() const { return last - first + 1; }
};

struct Vary {
  std::string key;                  // "section.key"
  std::vector<std::string> values;  // in command-line order, at least one
};

struct Grid {
  SeedRange seeds;
  std::vector<Vary> varies;
  std::size_t cell_count() const;
  std::size_t run_count() const { return cell_count() * seeds.count(); }
  // The value of every varied key in `cell`, in --vary order.
  std::vector<std::string> cell_values(std::size_t cell) const;
  // "section.key=value" overrides for `cell`, in --vary order.
  std::vector<std::string> cell_overrides(std::size_t cell) const;
  std::size_t cell_of(std::size_t run) const { return run / seeds.count(); }
  std::uint64_t seed_of(std::size_t run) const { return seeds.first + run % seeds.count(); }
};

// "A..B" with 0 <= A <= B < 2^63, or a single seed "N".
sim::Result<SeedRange> parse_seed_range(const std::string& text);
// "section.key=v1,v2,..."; values are non-empty and distinct.
sim::Result<Vary> parse_vary(const std::string& text);
// Checks that no key is varied twice, that run.seed is not varied, and that
// the grid has at most `max_runs` runs.
sim::Result<Grid> make_grid(const SeedRange& seeds, std::vector<Vary> varies, std::size_t max_runs);

}  // namespace choreo::cli
