// The user mirror; see mirror_replica.h.
#include "models/wattpad/mirror_replica.h"

#include "models/wattpad/codec.h"

namespace choreo::wattpad {

bool MirrorReplica::handle(const brokers::Message& m, const brokers::DeliveryInfo&) {
  if (m.type == kUserUpdated) apply(decode_user_updated(m));
  return true;
}

void MirrorReplica::sync() {
  for (std::uint64_t user = 0; user < owner_.users(); ++user) {
    if (owner_.version(user) != 0) apply(owner_.latest(user));
  }
}

void MirrorReplica::clear() {
  strategy_->clear();
  shown_.assign(shown_.size(), 0);
}

}  // namespace choreo::wattpad
