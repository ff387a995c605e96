// G-Counter; see g_counter.h.
#include "models/replicas/g_counter.h"

#include <algorithm>

namespace choreo::replicas {

namespace {

auto find_entry(auto& entries, ReplicaId replica) {
  return std::lower_bound(entries.begin(), entries.end(), replica,
                          [](const auto& e, ReplicaId r) { return e.first < r; });
}

}  // namespace

void GCounter::increment(ReplicaId replica, std::uint64_t by) {
  if (by == 0) return;
  auto it = find_entry(entries_, replica);
  if (it == entries_.end() || it->first != replica) it = entries_.insert(it, {replica, 0});
  it->second += by;
}

std::uint64_t GCounter::entry(ReplicaId replica) const {
  const auto it = find_entry(entries_, replica);
  return it == entries_.end() || it->first != replica ? 0 : it->second;
}

std::uint64_t GCounter::value() const {
  std::uint64_t sum = 0;
  for (const auto& e : entries_) sum += e.second;
  return sum;
}

void GCounter::raise(ReplicaId replica, std::uint64_t count) {
  if (count == 0) return;
  auto it = find_entry(entries_, replica);
  if (it == entries_.end() || it->first != replica) {
    entries_.insert(it, {replica, count});
  } else if (it->second < count) {
    it->second = count;
  }
}

void GCounter::merge(const GCounter& other) {
  const auto& theirs = other.entries_;
  if (theirs.size() * 8 < entries_.size()) {
    // A delta or a small state: O(m log n), in place.
    for (const auto& [replica, count] : theirs) raise(replica, count);
    return;
  }
  // Raise the shared entries in place and count the replicas only `other` has.
  std::size_t missing = 0;
  auto a = entries_.begin();
  for (const auto& b : theirs) {
    while (a != entries_.end() && a->first < b.first) ++a;
    if (a != entries_.end() && a->first == b.first) {
      a->second = std::max(a->second, b.second);
    } else {
      ++missing;
    }
  }
  if (missing == 0) return;
  // Merge backwards into the grown vector: each slot written is at or past
  // the entries still to read, so nothing is overwritten before it is moved.
  std::size_t i = entries_.size(), j = theirs.size();
  entries_.resize(entries_.size() + missing);
  std::size_t out = entries_.size();
  while (j > 0) {
    if (i > 0 && entries_[i - 1].first > theirs[j - 1].first) {
      entries_[--out] = entries_[--i];
    } else if (i > 0 && entries_[i - 1].first == theirs[j - 1].first) {
      entries_[--out] = entries_[--i];  // already raised above
      --j;
    } else {
      entries_[--out] = theirs[--j];
    }
  }
}

bool GCounter::leq(const GCounter& other) const {
  for (const auto& e : entries_) {
    if (e.second > other.entry(e.first)) return false;
  }
  return true;
}

GCounter GCounter::delta(ReplicaId replica) const {
  GCounter d;
  d.increment(replica, entry(replica));
  return d;
}

}  // namespace choreo::replicas
