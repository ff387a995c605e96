// The naive foils: the obvious ways to apply events, kept to be shown wrong.
//
// - NaiveCounter: `count += 1` per created event, `-= 1` per deleted. Not
//   idempotent: a duplicated event overcounts; a lost one undercounts.
// - OverwriteRegister: the last value *received* wins. Not commutative: an
//   older update delivered last leaves a stale value.
// - ShardDeltaSum: each shard ships the increments since its last report
//   and the receiver adds what it receives. Summing is not idempotent: a
//   redelivered delta is counted twice (the G-Counter's max-merge of
//   absolute per-shard entries is the fix).
#pragma once

#include <cstdint>

#include "models/replicas/ids.h"

namespace choreo::replicas {

class NaiveCounter {
 public:
  void increment() { ++value_; }
  void decrement() { --value_; }
  std::int64_t value() const { return value_; }
  static constexpr std::uint64_t op_bytes() { return kWordBytes; }

 private:
  std::int64_t value_ = 0;
};

class OverwriteRegister {
 public:
  void receive(std::uint64_t value) {
    value_ = value;
    set_ = true;
  }
  bool set() const { return set_; }
  std::uint64_t value() const { return value_; }

 private:
  std::uint64_t value_ = 0;
  bool set_ = false;
};

class ShardDeltaSum {
 public:
  // Adds a shard's reported increments to the total.
  void receive(std::uint64_t delta) { total_ += delta; }
  std::uint64_t value() const { return total_; }

 private:
  std::uint64_t total_ = 0;
};

}  // namespace choreo::replicas
