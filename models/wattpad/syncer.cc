// Anti-entropy pulls; see syncer.h.
#include "models/wattpad/syncer.h"

#include "sim/simulation.h"

namespace choreo::wattpad {

void Syncer::start() {
  for (std::size_t i = 0; i < replicas_.size(); ++i) sim().timer(id(), replicas_[i].second, 0, i);
}

void Syncer::on_event(const sim::Event& e) {
  replicas_[e.arg].first->sync();
  ++pulls_;
  sim().timer(id(), replicas_[e.arg].second, 0, e.arg);
}

}  // namespace choreo::wattpad
