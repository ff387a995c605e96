// What a sweep's rows depend on, hashed, so that resuming never mixes rows
// of two different sweeps in one CSV. Four parts, each 8 hex digits of
// FNV-1a:
//   scenario  the scenario file's bytes (an edited file is another scenario);
//   set       the --set overrides, as the effective set (the last value per
//             key, sorted by key: reordering them changes nothing);
//   grid      the seed range and every --vary key with its values, in order;
//   model     each cell's model name and that model's schema (every key's
//             type, default, bounds, allowed values), so a choreo whose
//             defaults changed does not extend an old CSV.
// The CSV stores the text form in its last column, on every row:
//   scenario:1f2e3d4c set:00c0ffee grid:5a5a5a5a model:0b0b0b0b
// Not a security measure: it catches mistakes, not forgeries.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/sweep_grid.h"
#include "models/model.h"
#include "sim/result.h"

namespace choreo::cli {

struct SweepFingerprint {
  std::string scenario, overrides, grid, model;  // 8 lowercase hex digits each

  std::string text() const;
  // The parts of a text() string; nullopt when it is not one.
  static std::optional<SweepFingerprint> parse(std::string_view text);
  bool operator==(const SweepFingerprint&) const = default;
};

// REQUIRES: `kinds` holds the model of every cell, in cell order.
sim::Result<SweepFingerprint> fingerprint_sweep(const std::string& scenario_path,
                                                const std::vector<std::string>& overrides, const Grid& grid,
                                                const std::vector<const models::ModelKind*>& kinds);

// The grid part alone: what fingerprint_sweep(...).grid is for `grid`.
std::string grid_digest(const Grid& grid);

// What differs, for a one-line message: "different scenario file and --set
// overrides". REQUIRES: a != b.
std::string describe_difference(const SweepFingerprint& a, const SweepFingerprint& b);

}  // namespace choreo::cli
