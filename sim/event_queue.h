// The pending-event set: a 4-ary min-heap ordered by (time, seq).
//
// Chosen by measurement (bench/phold_bench, see README.md): on this machine a
// 4-ary heap of 32-byte records beats a binary heap and std::priority_queue
// because each level costs one cache line of children, and the tree is half as
// deep. Memory per pending event: 32 bytes plus vector growth slack.
//
// Not thread-safe. Invariant: heap_[0] is the least event by before().
#pragma once

#include <cassert>
#include <cstddef>
#include <vector>

#include "sim/event.h"

namespace choreo::sim {

class EventQueue {
 public:
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  std::size_t capacity() const { return heap_.capacity(); }
  void reserve(std::size_t n) { heap_.reserve(n); }
  void clear() { heap_.clear(); }

  // REQUIRES: !empty()
  const Event& top() const {
    assert(!heap_.empty());
    return heap_[0];
  }

  void push(const Event& e) {
    std::size_t hole = heap_.size();
    heap_.push_back(e);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!before(e, heap_[parent])) break;
      heap_[hole] = heap_[parent];
      hole = parent;
    }
    heap_[hole] = e;
  }

  // Removes and returns the least event. REQUIRES: !empty()
  Event pop() {
    assert(!heap_.empty());
    Event result = heap_[0];
    const Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(last);
    return result;
  }

  // Replaces the least event by `e` (pop then push, with one sift).
  // REQUIRES: !empty()
  void replace_top(const Event& e) {
    assert(!heap_.empty());
    sift_down(e);
  }

 private:
  static constexpr std::size_t kArity = 4;

  // Places `e` starting from the root hole.
  void sift_down(const Event& e) {
    const std::size_t n = heap_.size();
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first = hole * kArity + 1;
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

  std::vector<Event> heap_;
};

}  // namespace choreo::sim
