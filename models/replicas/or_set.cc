// OR-Set, state-based and op-based; see or_set.h.
#include "models/replicas/or_set.h"

#include <algorithm>

namespace choreo::replicas {

OrAdd OrSet::add(ReplicaId replica, ElementId e) {
  const OrAdd op{e, Tag{replica, next_counter_[replica]}};
  apply(op);
  return op;
}

OrRemove OrSet::remove(ElementId e) {
  OrRemove op{e, {}};
  const auto it = added_.find(e);
  if (it != added_.end()) {
    for (const Tag& t : it->second) {
      if (removed_.count(t) == 0) op.tags.push_back(t);
    }
  }
  apply(op);
  return op;
}

void OrSet::apply(const OrAdd& op) {
  added_[op.element].insert(op.tag);
  // Never reuse a tag this state has seen, whoever added it.
  std::uint64_t& next = next_counter_[op.tag.replica];
  next = std::max(next, op.tag.counter + 1);
}

void OrSet::apply(const OrRemove& op) { removed_.insert(op.tags.begin(), op.tags.end()); }

bool OrSet::contains(ElementId e) const {
  const auto it = added_.find(e);
  if (it == added_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const Tag& t) { return removed_.count(t) == 0; });
}

std::size_t OrSet::size() const {
  std::size_t n = 0;
  for (const auto& [e, tags] : added_) n += contains(e) ? 1 : 0;
  return n;
}

void OrSet::merge(const OrSet& other) {
  for (const auto& [e, tags] : other.added_) {
    for (const Tag& t : tags) apply(OrAdd{e, t});
  }
  removed_.insert(other.removed_.begin(), other.removed_.end());
}

bool OrSet::leq(const OrSet& other) const {
  for (const auto& [e, tags] : added_) {
    const auto it = other.added_.find(e);
    if (it == other.added_.end() ||
        !std::includes(it->second.begin(), it->second.end(), tags.begin(), tags.end())) {
      return false;
    }
  }
  return std::includes(other.removed_.begin(), other.removed_.end(), removed_.begin(), removed_.end());
}

std::uint64_t OrSet::state_bytes() const {
  std::uint64_t bytes = removed_.size() * 2 * kWordBytes;
  for (const auto& [e, tags] : added_) bytes += kWordBytes + tags.size() * 2 * kWordBytes;
  return bytes;
}

void OrSetOps::apply(const OrRemove& op) {
  const auto it = live_.find(op.element);
  if (it == live_.end()) return;  // a remove before its add: lost (needs causal delivery)
  for (const Tag& t : op.tags) it->second.erase(t);
  if (it->second.empty()) live_.erase(it);
}

}  // namespace choreo::replicas
