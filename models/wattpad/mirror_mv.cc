// The mv-register mirror strategy; see mirror_mv.h.
#include "models/wattpad/mirror_mv.h"

namespace choreo::wattpad {

std::uint64_t MvRegisterMirror::apply(const UserUpdated& e) {
  replicas::VersionVector clock;
  for (std::uint32_t host = 0; host < kMaxVectorHosts; ++host) {
    if (e.writes[host] != 0) clock.set(host, e.writes[host]);
  }
  replicas::MvRegister& r = registers_[e.user];
  r.merge(replicas::MvRegister::written(clock, e.version));
  return r.values().back();
}

}  // namespace choreo::wattpad
