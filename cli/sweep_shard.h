// One slice of a sweep's grid, for `choreo sweep --shard I/N`: N machines
// (or Slurm array tasks) each run one slice, and `choreo sweep-merge` puts
// their CSVs back together in grid order.
//
// Shard I of N (1 <= I <= N) runs every run whose grid index i has
// i % N == I - 1: round robin, so runs of every cell (which differ in
// length) spread evenly over the shards. Its CSV holds those runs' rows in
// grid order, exactly the bytes the whole sweep writes for them, so the
// shards' rows together are the whole sweep's rows. A shard of 1/1 is the
// whole grid. The assignment depends only on I, N and the grid.
#pragma once

#include <cstddef>
#include <string>

#include "sim/result.h"

namespace choreo::cli {

struct Shard {
  std::size_t index = 1;  // I, 1..count
  std::size_t count = 1;  // N

  bool whole() const { return count == 1; }
  // How many of a grid's `runs` runs this shard does.
  std::size_t size(std::size_t runs) const { return runs < index ? 0 : (runs - index) / count + 1; }
  // The grid index of this shard's `position`-th run.
  std::size_t run_of(std::size_t position) const { return position * count + index - 1; }
  // "2/4".
  std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// "I/N" with 1 <= I <= N <= runs; one-line error naming --shard otherwise.
sim::Result<Shard> parse_shard(const std::string& text, std::size_t runs);

}  // namespace choreo::cli
