// The mv-register mirror strategy: one replicas::MvRegister per user. Each
// write carries its version vector over the user-service hosts (at most
// kMaxVectorHosts), so a later write replaces an earlier one whatever the
// clocks say, and concurrent writes would be kept side by side. One user
// service orders each user's writes, so no siblings arise here; the entry
// shows the greatest value. Costs a vector per user.
#pragma once

#include <vector>

#include "models/replicas/mv_register.h"
#include "models/wattpad/mirror_strategy.h"

namespace choreo::wattpad {

class MvRegisterMirror final : public MirrorStrategy {
 public:
  static constexpr std::size_t kBytesPerUser =
      sizeof(replicas::MvRegister);  // its vector stays empty until written
  explicit MvRegisterMirror(std::uint64_t users) : registers_(users) {}
  std::uint64_t apply(const UserUpdated& e) override;
  void clear() override { registers_.assign(registers_.size(), replicas::MvRegister()); }

 private:
  std::vector<replicas::MvRegister> registers_;  // per user
};

}  // namespace choreo::wattpad
