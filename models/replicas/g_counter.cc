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

void GCounter::merge(const GCounter& other) {
  if (other.entries_.size() * 8 < entries_.size()) {
    // A delta or a small state: update in place, O(m log n).
    for (const auto& [replica, count] : other.entries_) {
      auto it = find_entry(entries_, replica);
      if (it == entries_.end() || it->first != replica) {
        entries_.insert(it, {replica, count});
      } else if (it->second < count) {
        it->second = count;
      }
    }
    return;
  }
  std::vector<std::pair<ReplicaId, std::uint64_t>> out;
  out.reserve(entries_.size() + other.entries_.size());
  auto a = entries_.begin();
  auto b = other.entries_.begin();
  while (a != entries_.end() || b != other.entries_.end()) {
    if (b == other.entries_.end() || (a != entries_.end() && a->first < b->first)) {
      out.push_back(*a++);
    } else if (a == entries_.end() || b->first < a->first) {
      out.push_back(*b++);
    } else {
      out.emplace_back(a->first, std::max(a->second, b->second));
      ++a, ++b;
    }
  }
  entries_ = std::move(out);
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
