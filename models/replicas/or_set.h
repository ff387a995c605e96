// OR-Set (observed-remove set; Shapiro et al. 2011, Spec 15), add wins.
//
// Every add of an element creates a unique tag (replica, counter); a remove
// removes the tags its replica has *observed* for that element. An add
// concurrent with a remove survives it (the remove cannot have seen the new
// tag): add wins.
//
// OrSet is the state-based form: added tags per element plus the removed
// tags (tombstones), both merged by union — convergent under loss (until a
// later state), duplication and any order. Tombstones grow with every
// removed tag and are never collected here (that needs causal stability,
// Bieniusa et al. 2012): tombstones() measures the growth.
//
// OrSetOps is the op-based form without tombstones: apply_remove deletes the
// observed tags. It converges only under causal delivery (a remove after the
// adds it observed); delivered before its add, a remove is lost and the
// element reappears — what the tests show breaking.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "models/replicas/ids.h"

namespace choreo::replicas {

struct OrAdd {
  ElementId element;
  Tag tag;
};
struct OrRemove {
  ElementId element;
  std::vector<Tag> tags;  // the tags observed at the source
  std::uint64_t bytes() const { return (1 + 2 * tags.size()) * kWordBytes; }
};

class OrSet {
 public:
  // At replica `replica`: adds `e` with a fresh tag and returns the op.
  OrAdd add(ReplicaId replica, ElementId e);
  // Removes every observed tag of `e` and returns the op (empty if absent).
  OrRemove remove(ElementId e);
  void apply(const OrAdd& op);
  void apply(const OrRemove& op);

  bool contains(ElementId e) const;
  std::size_t size() const;
  std::size_t tombstones() const { return removed_.size(); }
  void merge(const OrSet& other);
  bool leq(const OrSet& other) const;
  std::uint64_t state_bytes() const;
  bool operator==(const OrSet& o) const { return added_ == o.added_ && removed_ == o.removed_; }

 private:
  std::map<ElementId, std::set<Tag>> added_;
  std::set<Tag> removed_;
  std::map<ReplicaId, std::uint64_t> next_counter_;  // local tag allocation, not state
};

class OrSetOps {
 public:
  // REQUIRES (causal delivery): for a remove, the adds of its tags were applied.
  void apply(const OrAdd& op) { live_[op.element].insert(op.tag); }
  void apply(const OrRemove& op);
  bool contains(ElementId e) const { return live_.count(e) != 0; }
  std::size_t size() const { return live_.size(); }
  bool operator==(const OrSetOps&) const = default;

 private:
  std::map<ElementId, std::set<Tag>> live_;  // non-empty tag sets only
};

}  // namespace choreo::replicas
