// A slab of fixed-size records indexed by uint32, with a free list: brokers
// keep messages in flight here and pass the index in an event's `arg`, so the
// hot path allocates nothing once the slab has grown to its working size.
//
// Not thread-safe; indices stay valid until release(). Each slot carries a
// generation, bumped on release, so a stale reference (index, generation)
// taken before a release can be recognised after the slot is reused.
#pragma once

#include <cassert>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace choreo::brokers {

template <class T>
class Slab {
 public:
  // A free slot holding a default-constructed T (or, for a T with reset(),
  // one reset to that state with its buffers kept: no allocation).
  std::uint32_t acquire() {
    if (free_.empty()) {
      items_.emplace_back();
      generation_.push_back(0);
      return static_cast<std::uint32_t>(items_.size() - 1);
    }
    const std::uint32_t i = free_.back();
    free_.pop_back();
    if constexpr (requires(T & t) { t.reset(); }) {
      items_[i].reset();  // T's own reset: back to T{}, keeping its buffers
    } else {
      items_[i] = T{};
    }
    return i;
  }
  // A free slot holding T(args...), built in place (T trivially destructible:
  // the free slot's old value is overwritten, not destroyed).
  template <class... Args>
  std::uint32_t acquire_with(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>);
    if (free_.empty()) {
      items_.push_back(T{std::forward<Args>(args)...});
      generation_.push_back(0);
      return static_cast<std::uint32_t>(items_.size() - 1);
    }
    const std::uint32_t i = free_.back();
    free_.pop_back();
    // Braces, not std::construct_at: T is often an aggregate, and clang 14
    // has no parenthesized aggregate initialization.
    ::new (static_cast<void*>(&items_[i])) T{std::forward<Args>(args)...};
    return i;
  }
  // REQUIRES: i was acquired and not yet released.
  void release(std::uint32_t i) {
    assert(i < items_.size());
    ++generation_[i];
    free_.push_back(i);
  }
  T& operator[](std::uint32_t i) { return items_[i]; }
  const T& operator[](std::uint32_t i) const { return items_[i]; }
  std::uint32_t generation(std::uint32_t i) const { return generation_[i]; }
  std::size_t live() const { return items_.size() - free_.size(); }

 private:
  std::vector<T> items_;
  std::vector<std::uint32_t> generation_;
  std::vector<std::uint32_t> free_;
};

// A FIFO of uint32 in a power-of-two ring: no allocation once grown.
class Ring {
 public:
  bool empty() const { return head_ == tail_; }
  std::size_t size() const { return tail_ - head_; }
  void push(std::uint32_t x) {
    if (size() == buf_.size()) grow();
    buf_[tail_++ & (buf_.size() - 1)] = x;
  }
  // REQUIRES: !empty()
  std::uint32_t pop() {
    assert(!empty());
    return buf_[head_++ & (buf_.size() - 1)];
  }
  void clear() { head_ = tail_ = 0; }

 private:
  void grow() {
    std::vector<std::uint32_t> next(buf_.empty() ? 16 : buf_.size() * 2);
    for (std::size_t i = 0; i < size(); ++i) next[i] = buf_[(head_ + i) & (buf_.size() - 1)];
    tail_ = size();
    head_ = 0;
    buf_ = std::move(next);
  }
  std::vector<std::uint32_t> buf_;
  std::size_t head_ = 0;
  std::size_t tail_ = 0;
};

}  // namespace choreo::brokers
