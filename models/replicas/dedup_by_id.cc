// Dedup by event id; see dedup_by_id.h.
#include "models/replicas/dedup_by_id.h"

namespace choreo::replicas {

bool DedupById::first_time(std::uint64_t id) {
  if (!seen_.insert(id).second) return false;
  if (window_ != 0) {
    order_.push_back(id);
    if (order_.size() > window_) {
      seen_.erase(order_.front());
      order_.pop_front();
    }
  }
  return true;
}

}  // namespace choreo::replicas
