// The bucket levels of the event queue (sim/event_queue.h): where its
// pending events live, and in what order levels 1 and 2 give them back.
//
// - Link: a pending event in the queue's pool (32 bytes). It never moves
//   while pending; the levels hold its pool index.
// - SlotBits: which slots of a level are non-empty.
// - ChunkRing: levels 1 and 2, kSlots FIFO buckets of pool indices: a
//   bucket's only index in its slot word (with 1,000 events pending a second
//   ahead most level-1 buckets hold one), two or more in
//   32-byte chunks of seven (ChunkPool, shared by both levels), so emptying
//   a bucket reads its indices as contiguous memory and can fetch the links
//   they name ahead of use, instead of loading one link to find the next
//   (a cache miss per event with 10^5 pending, measured: README.md).
//
// Not the queue: no level knows times; the queue picks the bucket. Not
// thread-safe. Invariants: a chunk bucket gives back its indices in the
// order they were appended; a bit per slot and a summary bit per 64 slots
// mark exactly the non-empty slots. Level 0's lists: sim/queue_lists.h.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "sim/event.h"

namespace choreo::sim::queue_detail {

inline constexpr std::uint32_t kNil = UINT32_MAX;
// Pool indices and chunk numbers stay below these (the queue and ChunkPool
// check), so a chunk ring's slot word can tell one index from a chunk.
inline constexpr std::uint32_t kOne = std::uint32_t{1} << 31;
inline constexpr std::uint32_t kMaxLinks = kOne - 1;   // indices 0 .. kOne - 2
inline constexpr std::uint32_t kMaxChunks = kOne / 8;  // chunk * 8 + 7 < kOne

struct Link {  // a pending event: 32 bytes, Event's fields in Event's order
  std::uint64_t seq;
  NodeId node;
  std::uint16_t kind;
  std::uint16_t epoch;
  std::uint64_t arg;
  std::uint32_t next;     // level 0: the next link of its circular list
  std::uint32_t time_lo;  // the low 32 bits of its time
};
static_assert(sizeof(Link) == 32, "a link is as small as an event");

// A bit per slot and a summary bit per 64 slots: the non-empty slots, and
// the next one at or after any slot in a few instructions.
template <std::size_t kSlotCount>
class SlotBits {
 public:
  static constexpr std::size_t kWords = kSlotCount / 64;
  static_assert(kSlotCount % 64 == 0 && kWords <= 64, "one summary word");

  bool empty() const { return summary_ == 0; }
  void set(std::size_t s) {
    bits_[s / 64] |= std::uint64_t{1} << (s % 64);
    summary_ |= std::uint64_t{1} << (s / 64);
  }
  void clear(std::size_t s) {
    std::uint64_t& word = bits_[s / 64];
    word &= ~(std::uint64_t{1} << (s % 64));
    if (word == 0) summary_ &= ~(std::uint64_t{1} << (s / 64));
  }
  // The first set slot at or after `from`, circularly. REQUIRES: !empty()
  std::size_t next_set(std::size_t from) const {
    const std::size_t w = from / 64;
    const std::uint64_t word = bits_[w] & (~std::uint64_t{0} << (from % 64));
    if (word != 0) return w * 64 + static_cast<std::size_t>(__builtin_ctzll(word));
    // The next word with a bit, after w, else from the start (wrapping round).
    const std::uint64_t later = w + 1 < 64 ? summary_ & (~std::uint64_t{0} << (w + 1)) : 0;
    const auto next = static_cast<std::size_t>(__builtin_ctzll(later != 0 ? later : summary_));
    return next * 64 + static_cast<std::size_t>(__builtin_ctzll(bits_[next]));
  }

 private:
  std::array<std::uint64_t, kWords> bits_{};
  std::uint64_t summary_ = 0;  // bit w: bits_[w] != 0
};

// 32-byte chunks of seven pool indices and a link word, from one free list.
struct alignas(32) Chunk {
  static constexpr std::uint32_t kIndices = 7;
  std::array<std::uint32_t, kIndices> at;
  std::uint32_t link;  // the next chunk of its bucket; the tail's: the head
};
static_assert(sizeof(Chunk) == 32, "a chunk is half a cache line");

class ChunkPool {
 public:
  std::size_t bytes() const { return chunks_.capacity() * sizeof(Chunk); }
  Chunk& operator[](std::uint32_t c) { return chunks_[c]; }
  const Chunk& operator[](std::uint32_t c) const { return chunks_[c]; }

  // A chunk to fill; it may reallocate the pool.
  std::uint32_t take() {
    const std::uint32_t c = free_;
    if (c == kNil) [[unlikely]]
      return grow();
    free_ = chunks_[c].link;
    return c;
  }
  void give_back(std::uint32_t c) {
    chunks_[c].link = free_;
    free_ = c;
  }

 private:
  // Grows by half, not double, to keep bytes per event low.
  [[gnu::noinline]] std::uint32_t grow() {
    if (chunks_.size() >= kMaxChunks) throw std::length_error("event queue: 2^28 chunks in use");
    if (chunks_.size() == chunks_.capacity()) chunks_.reserve(chunks_.size() + chunks_.size() / 2 + 16);
    chunks_.emplace_back();
    return static_cast<std::uint32_t>(chunks_.size() - 1);
  }

  std::vector<Chunk> chunks_;
  std::uint32_t free_ = kNil;
};

template <std::size_t kSlotCount>
class ChunkRing {
 public:
  static constexpr std::size_t kSlots = kSlotCount;
  static constexpr std::size_t kMask = kSlots - 1;
  static_assert((kSlots & kMask) == 0, "a power of two");

  ChunkRing() : ends_(kSlots, kNil) {}

  bool empty() const { return bits_.empty(); }
  std::size_t bytes() const { return kSlots * sizeof(std::uint32_t) + sizeof bits_; }
  std::size_t next_nonempty(std::size_t from) const { return bits_.next_set(from); }

  void append(ChunkPool& chunks, std::uint32_t i, std::size_t s) {
    std::uint32_t& end = ends_[s];
    if (end == kNil) {  // the bucket's first index stays in its slot
      end = kOne | i;
      bits_.set(s);
    } else if (end >= kOne) {  // its second: both go to a chunk
      const std::uint32_t c = chunks.take();
      chunks[c].at[0] = end & ~kOne;
      chunks[c].at[1] = i;
      chunks[c].link = c;
      end = c * kStride + 2;
    } else if (end % kStride == Chunk::kIndices) {  // the tail is full
      const std::uint32_t c = chunks.take();
      const std::uint32_t tail = end / kStride;
      chunks[c].at[0] = i;
      chunks[c].link = chunks[tail].link;
      chunks[tail].link = c;
      end = c * kStride + 1;
    } else {
      chunks[end / kStride].at[end % kStride] = i;
      ++end;
    }
  }

  // Calls visit(i) for each index of slot s in order. REQUIRES: slot s non-empty
  template <class Visit>
  void for_each(const ChunkPool& chunks, std::size_t s, Visit&& visit) const {
    const std::uint32_t end = ends_[s];
    if (end >= kOne) return visit(end & ~kOne);
    const std::uint32_t tail = end / kStride;
    for (std::uint32_t c = chunks[tail].link;; c = chunks[c].link) {
      const std::uint32_t n = c == tail ? end % kStride : Chunk::kIndices;
      for (std::uint32_t k = 0; k < n; ++k) visit(chunks[c].at[k]);
      if (c == tail) return;
    }
  }

  // Empties slot s, calling visit(i) for each of its indices in order, with
  // the links of the next chunk's indices already being fetched. visit may
  // append to other rings of the same chunk pool. REQUIRES: slot s non-empty
  template <class Visit>
  void take(ChunkPool& chunks, const Link* pool, std::size_t s, Visit&& visit) {
    const std::uint32_t end = ends_[s];
    ends_[s] = kNil;
    bits_.clear(s);
    if (end >= kOne) return visit(end & ~kOne);
    const std::uint32_t tail = end / kStride;
    const auto count = [&](std::uint32_t c) { return c == tail ? end % kStride : Chunk::kIndices; };
    std::uint32_t c = chunks[tail].link;
    Chunk chunk = chunks[c];
    for (std::uint32_t k = 0; k < count(c); ++k) __builtin_prefetch(&pool[chunk.at[k]]);
    for (;;) {
      const std::uint32_t n = count(c);
      const std::uint32_t next = chunk.link;
      Chunk ahead{};
      if (c != tail) {
        ahead = chunks[next];
        for (std::uint32_t k = 0; k < count(next); ++k) __builtin_prefetch(&pool[ahead.at[k]]);
      }
      chunks.give_back(c);  // (its indices are copied: visit may reuse it)
      for (std::uint32_t k = 0; k < n; ++k) visit(chunk.at[k]);
      if (c == tail) return;
      c = next;
      chunk = ahead;
    }
  }

 private:
  static constexpr std::uint32_t kStride = Chunk::kIndices + 1;
  // Per slot: kNil if empty; kOne | i if it holds the one index i; else
  // tail chunk * kStride + indices in that chunk (1..7), below kOne.
  std::vector<std::uint32_t> ends_;
  SlotBits<kSlots> bits_;
};

}  // namespace choreo::sim::queue_detail
