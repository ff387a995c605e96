// The count keys whose value may have changed since the checker last
// looked: each key once, in the order first marked, or "all of them". The
// comment ledger marks the keys it counts on; a counter replica marks the
// keys of every event it hands its strategy and everything on a pull or a
// lost store. The incremental checker (checker.h) compares only these.
//
// Invariants: list() holds distinct keys, each with its bit set in marked_;
// after clear() nothing is marked. Memory: one bit per key plus the list.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "models/wattpad/count_keys.h"

namespace choreo::wattpad {

class ChangedKeys {
 public:
  void mark(std::uint32_t key) {
    // Grown by doubling: new keys arrive one id at a time.
    if (key >= marked_.size()) [[unlikely]]
      marked_.resize(std::max<std::size_t>(key + 1, 2 * marked_.size()));
    if (marked_[key]) return;
    marked_[key] = true;
    list_.push_back(key);
  }
  void mark(const KeyIds& ids) {
    for (std::size_t level = 0; level < ids.levels; ++level) mark(ids.id[level]);
  }
  // Every key may have changed (a pull, a lost store).
  void mark_all() { all_ = true; }

  bool all() const { return all_; }
  const std::vector<std::uint32_t>& list() const { return list_; }
  void clear() {
    for (const std::uint32_t key : list_) marked_[key] = false;
    list_.clear();
    all_ = false;
  }

 private:
  std::vector<bool> marked_;  // per key id
  std::vector<std::uint32_t> list_;
  bool all_ = false;
};

}  // namespace choreo::wattpad
