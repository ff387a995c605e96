// The comments a scheduled delete will target, each with its location:
// all the comment service must remember of a comment once it is counted in,
// when no replica pulls the full history (comment_ledger.h). A delete is
// scheduled when the comment is posted, so the set holds exactly the
// comments whose delete is still pending; a comment nobody will delete is
// never held.
//
// Dense: one 24-byte slot per entry in an open-addressing table (linear
// probing, at most half full, backward-shift removal, so no tombstones
// accumulate), no node or allocation per comment. It grows to twice its
// peak size and never shrinks. It is looked up, never iterated, so its
// layout cannot reach any output.
//
// Invariants: a comment is held at most once; size() is the number held.
#pragma once

#include <cstdint>
#include <vector>

#include "models/wattpad/count_keys.h"

namespace choreo::wattpad {

class HeldComments {
 public:
  // REQUIRES: `comment` is not held and is not UINT64_MAX.
  void put(std::uint64_t comment, const Location& where);
  // Forgets `comment` and returns its location. REQUIRES: it is held.
  Location take(std::uint64_t comment);
  bool holds(std::uint64_t comment) const;

  std::size_t size() const { return size_; }
  std::size_t slots() const { return slots_.size(); }

 private:
  struct Slot {
    std::uint64_t comment = kEmpty;
    Location where;
  };
  static constexpr std::uint64_t kEmpty = UINT64_MAX;

  std::size_t home(std::uint64_t comment) const {
    return static_cast<std::size_t>((comment * 0x9E3779B97F4A7C15ULL) >> shift_);  // Fibonacci hashing
  }
  // The slot holding `comment`, or the empty slot where it would go.
  std::size_t find(std::uint64_t comment) const;
  void grow();

  std::vector<Slot> slots_;  // a power of two in size, or empty
  int shift_ = 64;           // 64 - log2(slots_.size())
  std::size_t size_ = 0;
};

}  // namespace choreo::wattpad
