// The register mirror strategies: one replicas::LwwRegister per user, told
// apart by the stamp each write gets.
//
//   overwrite    every write wins: the last one *received* (the foil;
//                reordering leaves an older profile)
//   lww-version  stamped by the owner's profile version: the newest write
//                wins whatever the order (exact)
//   lww-clock    stamped by the handling host's wall clock: right only while
//                host clocks agree; under skew a later write on a slow host
//                loses to an earlier one on a fast host
#pragma once

#include <vector>

#include "models/replicas/lww_register.h"
#include "models/wattpad/mirror_strategy.h"

namespace choreo::wattpad {

class RegisterMirror : public MirrorStrategy {
 public:
  static constexpr std::size_t kBytesPerUser = sizeof(replicas::LwwRegister);
  explicit RegisterMirror(std::uint64_t users) : registers_(users) {}
  void clear() override { registers_.assign(registers_.size(), replicas::LwwRegister()); }

 protected:
  std::vector<replicas::LwwRegister> registers_;  // per user
};

class OverwriteMirror final : public RegisterMirror {
 public:
  using RegisterMirror::RegisterMirror;
  std::uint64_t apply(const UserUpdated& e) override;
};

class LwwVersionMirror final : public RegisterMirror {
 public:
  using RegisterMirror::RegisterMirror;
  std::uint64_t apply(const UserUpdated& e) override;
};

class LwwClockMirror final : public RegisterMirror {
 public:
  using RegisterMirror::RegisterMirror;
  std::uint64_t apply(const UserUpdated& e) override;
};

}  // namespace choreo::wattpad
