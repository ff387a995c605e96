// A calendar queue (R. Brown, "Calendar queues: a fast O(1) priority queue
// implementation for the simulation event set problem", CACM 31(10), 1988),
// a baseline of bench/phold_bench.cc.
//
// Brown's structure and rules: nb buckets (a power of two) of width w form a
// "year" of nb * w; an event at time t goes into bucket floor(t / w) mod nb,
// in a list sorted by (time, key). A dequeue scans buckets from the last
// one, taking a bucket's head if it lies in the bucket's current year; after
// a whole year without one it finds the least head directly. Resize: the
// bucket count doubles when the size exceeds 2 nb and halves when it falls
// below nb / 2 - 2; the new width is 3 times the average separation of up
// to 25 events sampled from the head of the queue (5 + size / 10 of them),
// averaged again over the separations below twice the first average.
//
// Two liberties, both in the calendar queue's favour: each bucket also keeps
// its tail, so an event later than a bucket's last (the usual case) is
// appended in O(1) instead of after a walk of the list; and floor(t / w) is
// computed as t * (1 / w) in double precision, monotone in t, so no integer
// division is paid per event (the bucket of an event and the year it is
// taken in are both derived from that one function, so the order is exact).
//
// Events are 16 bytes (time, key = seq << kLpBits | lp) in a pool of 24-byte
// nodes linked by 32-bit indices. Not part of choreo; not thread-safe.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "bench/compare/phold_heaps.h"

namespace choreo::bench {

class CalendarQueue {
 public:
  CalendarQueue() { reinit(2, 1.0, 0); }

  std::size_t size() const { return size_; }
  std::size_t bytes() const {
    return pool_.capacity() * sizeof(Node) + (heads_.capacity() + tails_.capacity()) * sizeof(std::uint32_t);
  }
  void reserve(std::size_t n) { pool_.reserve(n); }

  void push(const Event16& e) {
    insert(e);
    if (++size_ > 2 * nb_ && resize_enabled_) resize(2 * nb_);
  }

  // REQUIRES: size() > 0
  Event16 pop() {
    for (;;) {
      std::size_t i = last_bucket_;
      for (std::size_t k = 0; k < nb_; ++k) {
        const std::uint32_t h = heads_[i];
        if (h != kNil && virtual_bucket(pool_[h].e.time) == current_) return take(i);
        i = (i + 1) & mask_;
        ++current_;
      }
      // A whole year without an event in it: jump to the least head.
      std::uint32_t least = kNil;
      for (std::size_t b = 0; b < nb_; ++b) {
        const std::uint32_t h = heads_[b];
        if (h != kNil && (least == kNil || before(pool_[h].e, pool_[least].e))) least = h;
      }
      current_ = virtual_bucket(pool_[least].e.time);
      last_bucket_ = static_cast<std::size_t>(current_) & mask_;
    }
  }

 private:
  static constexpr std::uint32_t kNil = UINT32_MAX;
  struct Node {
    Event16 e;
    std::uint32_t next;
  };

  std::int64_t virtual_bucket(std::int64_t t) const {
    return static_cast<std::int64_t>(static_cast<double>(t) * inverse_width_);
  }

  // Removes the head of bucket i, the least event.
  Event16 take(std::size_t i) {
    const std::uint32_t h = heads_[i];
    const Event16 e = pool_[h].e;
    heads_[i] = pool_[h].next;
    if (heads_[i] == kNil) tails_[i] = kNil;
    pool_[h].next = free_;
    free_ = h;
    last_bucket_ = i;
    last_time_ = e.time;
    if (--size_ + 2 < nb_ / 2 && resize_enabled_) resize(nb_ / 2);
    return e;
  }

  void insert(const Event16& e) {
    std::uint32_t n = free_;
    if (n != kNil) {
      free_ = pool_[n].next;
      pool_[n].e = e;
    } else {
      n = static_cast<std::uint32_t>(pool_.size());
      pool_.push_back(Node{e, kNil});
    }
    const std::size_t b = static_cast<std::size_t>(virtual_bucket(e.time)) & mask_;
    pool_[n].next = kNil;
    const std::uint32_t tail = tails_[b];
    if (tail == kNil) {
      heads_[b] = tails_[b] = n;
    } else if (!before(e, pool_[tail].e)) {
      pool_[tail].next = n;
      tails_[b] = n;
    } else if (before(e, pool_[heads_[b]].e)) {
      pool_[n].next = heads_[b];
      heads_[b] = n;
    } else {
      std::uint32_t at = heads_[b];
      while (!before(e, pool_[pool_[at].next].e)) at = pool_[at].next;
      pool_[n].next = pool_[at].next;
      pool_[at].next = n;
    }
  }

  void reinit(std::size_t nb, double width, std::int64_t start) {
    nb_ = nb;
    mask_ = nb - 1;
    width_ = width;
    inverse_width_ = 1.0 / width;
    heads_.assign(nb, kNil);
    tails_.assign(nb, kNil);
    current_ = virtual_bucket(start);
    last_bucket_ = static_cast<std::size_t>(current_) & mask_;
  }

  // Brown's new width: 3x the average separation of events at the head.
  double new_width() {
    if (size_ < 2) return 1.0;
    const std::size_t samples = size_ <= 5 ? size_ : std::min<std::size_t>(5 + size_ / 10, 25);
    resize_enabled_ = false;
    const std::int64_t saved_current = current_;
    const std::size_t saved_bucket = last_bucket_;
    const std::int64_t saved_last = last_time_;
    std::vector<Event16> head(samples);
    for (auto& e : head) e = pop();
    const double average = static_cast<double>(head.back().time - head.front().time) / (samples - 1);
    double sum = 0;
    std::size_t kept = 0;
    for (std::size_t i = 1; i < samples; ++i) {
      const auto gap = static_cast<double>(head[i].time - head[i - 1].time);
      if (gap < 2 * average) sum += gap, ++kept;
    }
    current_ = saved_current;
    last_bucket_ = saved_bucket;
    last_time_ = saved_last;
    for (const auto& e : head) insert(e), ++size_;
    resize_enabled_ = true;
    const double width = kept > 0 ? 3 * sum / static_cast<double>(kept) : 1.0;
    return std::max(width, 1.0);
  }

  void resize(std::size_t nb) {
    if (nb < 2) return;
    const double width = new_width();
    std::vector<Event16> all;
    all.reserve(size_);
    for (std::size_t b = 0; b < nb_; ++b) {
      for (std::uint32_t i = heads_[b]; i != kNil; i = pool_[i].next) all.push_back(pool_[i].e);
    }
    pool_.clear();
    free_ = kNil;
    reinit(nb, width, last_time_);
    for (const auto& e : all) insert(e);
  }

  std::vector<Node> pool_;
  std::uint32_t free_ = kNil;
  std::vector<std::uint32_t> heads_;
  std::vector<std::uint32_t> tails_;
  std::size_t nb_ = 0;
  std::size_t mask_ = 0;
  double width_ = 1.0;
  double inverse_width_ = 1.0;
  std::int64_t current_ = 0;  // the virtual bucket (year * nb + bucket) being scanned
  std::size_t last_bucket_ = 0;
  std::int64_t last_time_ = 0;  // the time of the last event taken
  std::size_t size_ = 0;
  bool resize_enabled_ = true;
};

}  // namespace choreo::bench
