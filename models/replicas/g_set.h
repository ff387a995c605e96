// G-Set (Shapiro et al. 2011, Spec 11): a grow-only set; merge is union. Its size is an exact,
// idempotent counter ("G-Set can serve as an increment-only counter"): count
// comments as the set of their ids and duplicates cannot overcount.
// The add op is idempotent and commutes, so it needs only eventual delivery.
//
// Storage: element ids are mostly dense (comment ids are numbered from 0),
// so ids below 64 x words_.size() are bits of a bitmap, and the rest sit in a
// sorted std::set. The bitmap grows to cover an id only while it stays at
// most kWordsPerElement words per element held (or kMinWords words), so it
// never costs much more than the set would (40+ bytes a node) and a few huge
// ids do not allocate a huge bitmap. Invariant: every id in sparse_ is at
// least 64 x words_.size() (growing moves the ids it now covers into the
// bitmap), so ascending order is the bitmap's, then sparse_'s.
// Equality and leq are of the sets, whatever the storage.
#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include "models/replicas/ids.h"
#include "sim/set_bits.h"

namespace choreo::replicas {

class GSet {
 public:
  void add(ElementId e);
  bool contains(ElementId e) const {
    const ElementId w = e >> 6;
    if (w < words_.size()) return (words_[w] >> (e & 63) & 1) != 0;
    return !sparse_.empty() && sparse_.count(e) != 0;
  }
  std::size_t size() const { return size_; }
  // Calls fn(e) for every element, ascending.
  template <class Fn>
  void for_each(Fn&& fn) const {
    sim::for_each_set_bit(words_, 0, [&fn](std::size_t e) { fn(static_cast<ElementId>(e)); });
    for (const ElementId e : sparse_) fn(e);
  }
  void merge(const GSet& other);
  bool leq(const GSet& other) const;
  std::uint64_t state_bytes() const { return size_ * kWordBytes; }
  bool operator==(const GSet& other) const { return size_ == other.size_ && leq(other); }

 private:
  static constexpr std::size_t kMinWords = 1024;      // 8 KiB: ids below 65,536 always dense
  static constexpr std::size_t kWordsPerElement = 4;  // bitmap <= 32 bytes per element held
  // Grows the bitmap to at least `words` words, moving the ids of sparse_
  // it now covers into it.
  void grow(std::size_t words);

  std::vector<std::uint64_t> words_;  // bit e % 64 of word e / 64: e is in
  std::set<ElementId> sparse_;        // ids beyond the bitmap
  std::size_t size_ = 0;              // elements in both
};

}  // namespace choreo::replicas
