// The heap baselines of bench/phold_bench.cc, over 16-byte PHOLD events:
//   StdHeap:  std::priority_queue, the textbook event loop's event set;
//   QuadHeap: a 4-ary min-heap whose four children share one cache line.
// Both pop in (time, key) order, key = seq << kLpBits | lp, the order of
// sim::EventQueue. Not part of choreo; not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <new>
#include <queue>
#include <vector>

namespace choreo::bench {

inline constexpr int kLpBits = 24;  // processes < 2^24; seq < 2^40

struct Event16 {
  std::int64_t time;
  std::uint64_t key;  // seq << kLpBits | lp: issue order, then the destination
  std::uint32_t lp() const { return static_cast<std::uint32_t>(key & ((1u << kLpBits) - 1)); }
};
static_assert(sizeof(Event16) == 16);

inline bool before(const Event16& a, const Event16& b) {
  return a.time != b.time ? a.time < b.time : a.key < b.key;
}

class StdHeap {
 public:
  std::size_t size() const { return q_.size(); }
  std::size_t bytes() const { return q_.capacity() * sizeof(Event16); }
  void reserve(std::size_t n) { q_.reserve(n); }
  void push(const Event16& e) { q_.push(e); }
  Event16 pop() {
    const Event16 e = q_.top();
    q_.pop();
    return e;
  }

 private:
  struct Later {
    bool operator()(const Event16& a, const Event16& b) const { return before(b, a); }
  };
  struct Queue : std::priority_queue<Event16, std::vector<Event16>, Later> {
    void reserve(std::size_t n) { c.reserve(n); }
    std::size_t capacity() const { return c.capacity(); }
  };
  Queue q_;
};

class QuadHeap {
 public:
  QuadHeap() : heap_(kRoot) {}
  std::size_t size() const { return heap_.size() - kRoot; }
  std::size_t bytes() const { return heap_.capacity() * sizeof(Event16); }
  void reserve(std::size_t n) { heap_.reserve(n + kRoot); }

  void push(const Event16& e) {
    std::size_t hole = heap_.size();
    heap_.push_back(e);
    while (hole > kRoot) {
      const std::size_t parent = (hole - kRoot - 1) / 4 + kRoot;
      if (!before(e, heap_[parent])) break;
      heap_[hole] = heap_[parent];
      hole = parent;
    }
    heap_[hole] = e;
  }

  // REQUIRES: size() > 0
  Event16 pop() {
    const Event16 top = heap_[kRoot];
    const Event16 last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == kRoot) return top;
    std::size_t hole = kRoot;
    for (;;) {
      const std::size_t first = (hole - kRoot) * 4 + 1 + kRoot;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t end = first + 4 < n ? first + 4 : n;
      for (std::size_t c = first + 1; c < end; ++c) {
        if (before(heap_[c], heap_[best])) best = c;
      }
      if (!before(heap_[best], last)) break;
      heap_[hole] = heap_[best];
      hole = best;
    }
    heap_[hole] = last;
    return top;
  }

 private:
  // The root sits at index 3 of a 64-byte aligned array, so the children of
  // any node, 4 * (i - 3) + 4 .. + 7, fill exactly one cache line.
  static constexpr std::size_t kRoot = 3;
  template <class T>
  struct Aligned {
    using value_type = T;
    Aligned() = default;
    template <class U>
    Aligned(const Aligned<U>&) {}  // NOLINT: rebinding
    T* allocate(std::size_t n) {
      return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{64}));
    }
    void deallocate(T* p, std::size_t) { ::operator delete (p, std::align_val_t{64}); }
    friend bool operator==(const Aligned&, const Aligned&) { return true; }
  };
  std::vector<Event16, Aligned<Event16>> heap_;
};

}  // namespace choreo::bench
