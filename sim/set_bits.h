// Bitmaps held as 64-bit words (bit i of word w is element w * 64 + i):
// visiting their set bits in ascending order, a word at a time, skipping
// zero words and clearing each visited bit with one AND.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>

namespace choreo::sim {

// Calls fn(first + i) for every set bit i of `words`, ascending.
template <class Fn>
void for_each_set_bit(std::span<const std::uint64_t> words, std::size_t first, Fn&& fn) {
  for (std::size_t w = 0; w < words.size(); ++w) {
    for (std::uint64_t bits = words[w]; bits != 0; bits &= bits - 1) {
      fn(first + w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
    }
  }
}

}  // namespace choreo::sim
