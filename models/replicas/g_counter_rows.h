// Many G-Counters over the same small set of replica ids 0..width-1, stored
// flat: row r holds counter r's entries, one word per replica id, 0 for an
// entry not met yet. Same entries, merges and values as one GCounter per row
// (g_counter.h): raise() is GCounter::raise (max per entry), value() the sum.
// What it is for: a counter per key over a few writers (the comment
// service's shards), where a GCounter per key would cost a vector header and
// a heap block each, two cache misses a raise instead of one.
//
//   GCounterRows c;
//   c.raise(7, 2, 5);   // row 7, replica 2: max(entry, 5)
//   c.value(7);         // 5
//
// Not a general G-Counter: replica ids are small dense integers (the row is
// as wide as the largest id met + 1). Invariant: entries_.size() == rows_ *
// width_; every entry of a row not raised is 0. Allocates only to add rows
// or widen, so raising known rows and replicas allocates nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "models/replicas/ids.h"

namespace choreo::replicas {

class GCounterRows {
 public:
  // Joins the one-entry state {replica: count} into row `row`, adding rows
  // and widening as needed. REQUIRES: replica < 2^32.
  void raise(std::size_t row, ReplicaId replica, std::uint64_t count) {
    if (count == 0) return;  // as GCounter: a zero entry is no entry
    if (row >= rows_ || replica >= width_) grow(row + 1, static_cast<std::size_t>(replica) + 1);
    std::uint64_t& e = entries_[row * width_ + replica];
    if (e < count) e = count;
  }
  // The entry of `replica` in row `row` (0 if absent).
  std::uint64_t entry(std::size_t row, ReplicaId replica) const {
    return row < rows_ && replica < width_ ? entries_[row * width_ + replica] : 0;
  }
  // Row `row`'s value: the sum of its entries (0 for a row never raised).
  std::uint64_t value(std::size_t row) const {
    if (row >= rows_) return 0;
    std::uint64_t sum = 0;
    for (std::size_t i = row * width_, end = i + width_; i < end; ++i) sum += entries_[i];
    return sum;
  }
  // Rows made room for so far (every raised row is below this).
  std::size_t rows() const { return rows_; }
  // Makes room for `rows` rows of `width` replica ids (new entries 0; a
  // no-op if there is room already).
  void reserve(std::size_t rows, std::size_t width) {
    if (rows > rows_ || width > width_) grow(rows, width);
  }
  // Every entry back to 0 (the rows and the width stay).
  void clear() { entries_.assign(entries_.size(), 0); }

 private:
  // At least `rows` rows of at least `width` entries, entries keeping their
  // values (new rows: std::vector's amortised growth; widening re-lays every
  // row, which happens once per replica id met).
  void grow(std::size_t rows, std::size_t width);

  std::size_t rows_ = 0;
  std::size_t width_ = 0;
  std::vector<std::uint64_t> entries_;  // row-major, rows_ * width_
};

}  // namespace choreo::replicas
