// The user mirror; see mirror.h.
#include "models/wattpad/mirror.h"

#include <string>

#include "models/wattpad/events.h"

namespace choreo::wattpad {

Mirror::Mirror(std::string name, std::string strategy, bool memory_store, const UserService& owner)
    : Replica(std::move(name), strategy, memory_store), owner_(owner), shown_(owner.users()) {
  rule_ = strategy == "overwrite"     ? Rule::kOverwrite
          : strategy == "lww-clock"   ? Rule::kLwwClock
          : strategy == "mv-register" ? Rule::kMvRegister
                                      : Rule::kLwwVersion;
  if (rule_ == Rule::kMvRegister) {
    mv_.resize(owner.users());
  } else {
    registers_.resize(owner.users());
  }
}

namespace {

replicas::VersionVector vector_of(const std::uint32_t (&writes)[kMaxVectorHosts]) {
  replicas::VersionVector vv;
  for (std::uint32_t h = 0; h < kMaxVectorHosts; ++h) {
    if (writes[h] != 0) vv.set(h, writes[h]);
  }
  return vv;
}

}  // namespace

void Mirror::apply(std::uint64_t user, std::uint64_t version, std::uint64_t clock,
                   const replicas::VersionVector& vv) {
  if (rule_ == Rule::kMvRegister) {
    replicas::MvRegister& r = mv_[user];
    r.merge(replicas::MvRegister::written(vv, version));
    shown_[user] = r.values().back();
    return;
  }
  replicas::LwwRegister& r = registers_[user];
  switch (rule_) {
    case Rule::kOverwrite:
      r = replicas::LwwRegister();
      r.assign(version, replicas::Stamp{0, 0});
      break;
    case Rule::kLwwVersion:
      r.assign(version, replicas::Stamp{version, 0});
      break;
    case Rule::kLwwClock:
      r.assign(version, replicas::Stamp{clock, 0});
      break;
    case Rule::kMvRegister:
      break;
  }
  shown_[user] = r.value();
}

bool Mirror::handle(const brokers::Message& m, const brokers::DeliveryInfo&) {
  if (m.type != kUserUpdated) return true;
  replicas::VersionVector vv;
  if (rule_ == Rule::kMvRegister) {
    std::uint32_t writes[kMaxVectorHosts];
    for (std::uint32_t h = 0; h < kMaxVectorHosts; ++h) writes[h] = host_writes(m.c, m.d, h);
    vv = vector_of(writes);
  }
  apply(m.key, m.a, m.b, vv);
  return true;
}

sim::Divergence Mirror::divergence() const {
  sim::DivergenceBuilder d;
  for (std::uint64_t u = 0; u < shown_.size(); ++u) {
    d.key(static_cast<std::int64_t>(owner_.version(u)), static_cast<std::int64_t>(shown_[u]),
          [u] { return "user " + std::to_string(u); });
  }
  return d.take();
}

void Mirror::sync() {
  for (std::uint64_t u = 0; u < shown_.size(); ++u) {
    if (owner_.version(u) == 0) continue;
    apply(u, owner_.version(u), owner_.clock_of(u),
          rule_ == Rule::kMvRegister ? vector_of(owner_.host_writes(u)) : replicas::VersionVector());
  }
}

void Mirror::clear() {
  registers_.assign(registers_.size(), replicas::LwwRegister());
  mv_.assign(mv_.size(), replicas::MvRegister());
  shown_.assign(shown_.size(), 0);
}

}  // namespace choreo::wattpad
