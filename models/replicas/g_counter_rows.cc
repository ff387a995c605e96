// Flat G-Counters; see g_counter_rows.h.
#include "models/replicas/g_counter_rows.h"

#include <algorithm>

namespace choreo::replicas {

void GCounterRows::grow(std::size_t rows, std::size_t width) {
  rows = std::max(rows, rows_);
  width = std::max(width, width_);
  if (width == width_) {
    entries_.resize(rows * width);
  } else {
    std::vector<std::uint64_t> wider(rows * width);
    for (std::size_t r = 0; r < rows_; ++r) {
      std::copy_n(entries_.begin() + static_cast<std::ptrdiff_t>(r * width_), width_,
                  wider.begin() + static_cast<std::ptrdiff_t>(r * width));
    }
    entries_.swap(wider);
  }
  rows_ = rows;
  width_ = width;
}

}  // namespace choreo::replicas
