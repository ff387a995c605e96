// The user mirror; see mirror.h.
#include "models/wattpad/mirror.h"

#include "models/wattpad/events.h"

namespace choreo::wattpad {

Mirror::Mirror(std::string name, std::string strategy, bool memory_store, const UserService& owner)
    : Replica(std::move(name), strategy, memory_store), owner_(owner), registers_(owner.users()) {
  rule_ = strategy == "overwrite" ? Rule::kOverwrite : strategy == "lww-clock" ? Rule::kLwwClock : Rule::kLwwVersion;
}

void Mirror::apply(std::uint64_t user, std::uint64_t version, std::uint64_t clock) {
  replicas::LwwRegister& r = registers_[user];
  switch (rule_) {
    case Rule::kOverwrite:
      r = replicas::LwwRegister();
      r.assign(version, replicas::Stamp{0, 0});
      break;
    case Rule::kLwwVersion: r.assign(version, replicas::Stamp{version, 0}); break;
    case Rule::kLwwClock: r.assign(version, replicas::Stamp{clock, 0}); break;
  }
}

bool Mirror::handle(const brokers::Message& m, const brokers::DeliveryInfo&) {
  if (m.type == kUserUpdated) apply(m.a, m.b, m.c);
  return true;
}

Divergence Mirror::divergence() const {
  Divergence d;
  for (std::uint64_t u = 0; u < registers_.size(); ++u) {
    const std::uint64_t truth = owner_.version(u);
    const std::uint64_t mine = registers_[u].value();
    if (truth != mine) {
      ++d.keys;
      d.abs_error += truth > mine ? truth - mine : mine - truth;
    }
  }
  return d;
}

void Mirror::sync() {
  for (std::uint64_t u = 0; u < registers_.size(); ++u) {
    if (owner_.version(u) > 0) apply(u, owner_.version(u), owner_.clock_of(u));
  }
}

void Mirror::clear() { registers_.assign(registers_.size(), replicas::LwwRegister()); }

}  // namespace choreo::wattpad
