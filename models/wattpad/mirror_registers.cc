// The register mirror strategies; see mirror_registers.h.
#include "models/wattpad/mirror_registers.h"

namespace choreo::wattpad {

std::uint64_t OverwriteMirror::apply(const UserUpdated& e) {
  replicas::LwwRegister& r = registers_[e.user];
  r = replicas::LwwRegister();
  r.assign(e.version, replicas::Stamp{0, 0});
  return r.value();
}

std::uint64_t LwwVersionMirror::apply(const UserUpdated& e) {
  replicas::LwwRegister& r = registers_[e.user];
  r.assign(e.version, replicas::Stamp{e.version, 0});
  return r.value();
}

std::uint64_t LwwClockMirror::apply(const UserUpdated& e) {
  replicas::LwwRegister& r = registers_[e.user];
  r.assign(e.version, replicas::Stamp{e.clock, 0});
  return r.value();
}

}  // namespace choreo::wattpad
