// A FIFO of values in a power-of-two ring, indexed from the front: what a
// Kafka partition's log keeps (records appended at the back, whole segments
// deleted from the front, fetched by offset) and an SQS worker's received
// messages waiting for a handler. References to values last until the next
// push_back (which may move them). Once grown to the most it has
// held, pushing and popping allocate nothing (a std::deque allocates and
// frees a block every few records, which a billion-record run pays for).
//
// Not thread-safe. Invariants: capacity is 0 or a power of two; the values
// are buf_[(head_ + i) & (capacity - 1)] for i < size().
#pragma once

#include <cassert>
#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace choreo::brokers {

template <class T>
class Fifo {
 public:
  bool empty() const { return head_ == tail_; }
  std::size_t size() const { return tail_ - head_; }
  void push_back(const T& x) {
    if (size() == buf_.size()) grow();
    buf_[tail_++ & (buf_.size() - 1)] = x;
  }
  // Appends T(args...) built in place (no temporary to copy).
  template <class... Args>
  void emplace_back(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "the slot's old value is overwritten, not destroyed");
    if (size() == buf_.size()) grow();
    // Braces, not std::construct_at: T is often an aggregate, and clang 14
    // has no parenthesized aggregate initialization.
    ::new (static_cast<void*>(&buf_[tail_++ & (buf_.size() - 1)])) T{std::forward<Args>(args)...};
  }
  // Drops the `n` values at the front. REQUIRES: n <= size()
  void pop_front(std::size_t n) {
    assert(n <= size());
    head_ += n;
  }
  // The i-th value from the front. REQUIRES: i < size()
  const T& operator[](std::size_t i) const {
    assert(i < size());
    return buf_[(head_ + i) & (buf_.size() - 1)];
  }
  T& operator[](std::size_t i) {
    assert(i < size());
    return buf_[(head_ + i) & (buf_.size() - 1)];
  }
  // Drops every value; keeps the buffer.
  void clear() { head_ = tail_ = 0; }

 private:
  void grow() {
    std::vector<T> next(buf_.empty() ? 16 : buf_.size() * 2);
    for (std::size_t i = 0; i < size(); ++i) next[i] = (*this)[i];
    tail_ = size();
    head_ = 0;
    buf_ = std::move(next);
  }
  std::vector<T> buf_;
  std::size_t head_ = 0;
  std::size_t tail_ = 0;
};

}  // namespace choreo::brokers
