// LWW-element-Set: each element carries the stamp of its latest add and of
// its latest remove; it is present iff its add stamp is greater than or
// EQUAL to its remove stamp — adds win ties (the paper's formula). Merge
// keeps the larger stamp per element and operation. Unlike the 2P-Set an
// element can be re-added after a remove (with a later stamp).
#pragma once

#include <map>

#include "models/replicas/ids.h"

namespace choreo::replicas {

class LwwElementSet {
 public:
  void add(ElementId e, Stamp s) { raise(adds_, e, s); }
  void remove(ElementId e, Stamp s) { raise(removes_, e, s); }
  bool contains(ElementId e) const;
  std::size_t size() const;
  void merge(const LwwElementSet& other);
  bool leq(const LwwElementSet& other) const;
  std::uint64_t state_bytes() const { return (adds_.size() + removes_.size()) * 3 * kWordBytes; }
  bool operator==(const LwwElementSet&) const = default;

 private:
  static void raise(std::map<ElementId, Stamp>& m, ElementId e, Stamp s) {
    auto [it, inserted] = m.emplace(e, s);
    if (!inserted && it->second < s) it->second = s;
  }
  std::map<ElementId, Stamp> adds_;
  std::map<ElementId, Stamp> removes_;
};

}  // namespace choreo::replicas
