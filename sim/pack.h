// Small fields packed into one word: an event's 64-bit `arg`, or a payload
// word, holding two 32-bit halves; a 32-bit half holding two 16-bit parts.
//
//   sim.send(server, gap, kRateCrash, sim::pack_halves(sub, worker));
//   const auto [sub, worker] = sim::unpack_halves(e.arg);
//   sim::pack_halves(sim::pack_shorts(sub, member), epoch);   // 16 + 16 + 32 bits
//
// The high field always comes first. Packing is exact and reversible, so a
// model's event arguments (and so its trace hash) are the same bits however
// they are written. Not a serialisation format: no version, no byte order.
#pragma once

#include <cassert>
#include <cstdint>

namespace choreo::sim {

// Two fields of one word; `hi` is the high one.
struct Halves {
  std::uint32_t hi = 0;
  std::uint32_t lo = 0;
};

constexpr std::uint64_t pack_halves(std::uint32_t hi, std::uint32_t lo) {
  return (std::uint64_t{hi} << 32) | lo;
}

constexpr Halves unpack_halves(std::uint64_t word) {
  return {static_cast<std::uint32_t>(word >> 32), static_cast<std::uint32_t>(word)};
}

// REQUIRES: hi and lo below 2^16.
constexpr std::uint32_t pack_shorts(std::uint32_t hi, std::uint32_t lo) {
  assert(hi <= 0xffff && lo <= 0xffff);
  return (hi << 16) | lo;
}

constexpr Halves unpack_shorts(std::uint32_t half) { return {half >> 16, half & 0xffff}; }

}  // namespace choreo::sim
