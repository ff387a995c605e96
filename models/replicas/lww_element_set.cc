// LWW-element-Set; see lww_element_set.h.
#include "models/replicas/lww_element_set.h"

namespace choreo::replicas {

bool LwwElementSet::contains(ElementId e) const {
  const auto add = adds_.find(e);
  if (add == adds_.end()) return false;
  const auto rem = removes_.find(e);
  return rem == removes_.end() || !(add->second < rem->second);  // adds win ties
}

std::size_t LwwElementSet::size() const {
  std::size_t n = 0;
  for (const auto& [e, stamp] : adds_) n += contains(e) ? 1 : 0;
  return n;
}

void LwwElementSet::merge(const LwwElementSet& other) {
  for (const auto& [e, s] : other.adds_) raise(adds_, e, s);
  for (const auto& [e, s] : other.removes_) raise(removes_, e, s);
}

bool LwwElementSet::leq(const LwwElementSet& other) const {
  auto covered = [](const std::map<ElementId, Stamp>& mine, const std::map<ElementId, Stamp>& theirs) {
    for (const auto& [e, s] : mine) {
      const auto it = theirs.find(e);
      if (it == theirs.end() || it->second < s) return false;
    }
    return true;
  };
  return covered(adds_, other.adds_) && covered(removes_, other.removes_);
}

}  // namespace choreo::replicas
