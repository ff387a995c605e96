// 2P-Set; see two_p_set.h.
#include "models/replicas/two_p_set.h"

namespace choreo::replicas {

std::size_t TwoPSet::size() const {
  // |A \ R|: a tombstone of an element not (yet) added does not count.
  std::size_t removed_present = 0;
  removed_.for_each([&](ElementId e) { removed_present += added_.contains(e) ? 1 : 0; });
  return added_.size() - removed_present;
}

}  // namespace choreo::replicas
