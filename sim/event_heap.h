// A 4-ary min-heap of events ordered by (time, seq): the far-future part of
// the event queue (sim/event_queue.h keeps the near future in a timing wheel).
//
// A 4-ary heap of 32-byte records beats a binary heap and std::priority_queue
// (bench/phold_bench) because each level costs one group of children, and the
// tree is half as deep. Memory per event: 32 bytes plus vector growth slack.
//
// Layout: the root sits at physical index 3 (indices 0..2 are padding) and
// the array is 64-byte aligned, so the four children of any node start at a
// multiple of 128 bytes and occupy exactly two cache lines.
//
// Not thread-safe. Invariant: heap_[kRoot] is the least event by before().
#pragma once

#include <cassert>
#include <cstddef>
#include <new>
#include <vector>

#include "sim/event.h"

namespace choreo::sim {

// A std::allocator that aligns to a cache line.
template <class T>
struct CacheAlignedAllocator {
  using value_type = T;
  CacheAlignedAllocator() = default;
  template <class U>
  CacheAlignedAllocator(const CacheAlignedAllocator<U>&) {}  // NOLINT: rebinding
  T* allocate(std::size_t n) { return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{64})); }
  void deallocate(T* p, std::size_t) { ::operator delete (p, std::align_val_t{64}); }
  friend bool operator==(const CacheAlignedAllocator&, const CacheAlignedAllocator&) { return true; }
};

class EventHeap {
 public:
  EventHeap() : heap_(kRoot) {}

  bool empty() const { return heap_.size() == kRoot; }
  std::size_t size() const { return heap_.size() - kRoot; }
  std::size_t capacity() const { return heap_.capacity(); }
  void reserve(std::size_t n) { heap_.reserve(n + kRoot); }
  void clear() { heap_.resize(kRoot); }

  // REQUIRES: !empty()
  const Event& top() const {
    assert(!empty());
    return heap_[kRoot];
  }

  void push(const Event& e) {
    std::size_t hole = heap_.size();
    heap_.push_back(e);
    while (hole > kRoot) {
      const std::size_t parent = (hole - kRoot - 1) / kArity + kRoot;
      if (!before(e, heap_[parent])) break;
      heap_[hole] = heap_[parent];
      hole = parent;
    }
    heap_[hole] = e;
  }

  // Removes and returns the least event. REQUIRES: !empty()
  Event pop() {
    assert(!empty());
    Event result = heap_[kRoot];
    const Event last = heap_.back();
    heap_.pop_back();
    if (!empty()) sift_down(last);
    return result;
  }

 private:
  static constexpr std::size_t kArity = 4;
  static constexpr std::size_t kRoot = 3;  // padding that aligns child groups

  // Places `e` starting from the root hole.
  void sift_down(const Event& e) {
    const std::size_t n = heap_.size();
    std::size_t hole = kRoot;
    for (;;) {
      const std::size_t first = (hole - kRoot) * kArity + 1 + kRoot;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t end = first + kArity < n ? first + kArity : n;
      for (std::size_t c = first + 1; c < end; ++c) {
        if (before(heap_[c], heap_[best])) best = c;
      }
      if (!before(heap_[best], e)) break;
      heap_[hole] = heap_[best];
      hole = best;
    }
    heap_[hole] = e;
  }

  std::vector<Event, CacheAlignedAllocator<Event>> heap_;
};

}  // namespace choreo::sim
