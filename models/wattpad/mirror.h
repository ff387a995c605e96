// The user mirror: username/avatar per user, kept from UserUpdated events,
// compared by profile version with the user service.
//
// Strategies:
//   overwrite    the last event received wins (the foil: reordering leaves
//                an older profile)
//   lww-version  an LWW-Register stamped by the owner's version: exact
//   lww-clock    an LWW-Register stamped by the handling host's wall clock:
//                correct only while host clocks agree; skew loses updates
//   mv-register  an MV-Register: each event carries its write's version
//                vector over the user-service hosts (events.h), so a later
//                write replaces an earlier one whatever the clocks say and
//                concurrent writes would be kept side by side. One user
//                service orders each user's writes, so no siblings arise;
//                the mirror shows the greatest value. Costs a vector per
//                user (state_bytes) and 4 hosts at most.
#pragma once

#include <cstdint>
#include <vector>

#include "models/replicas/lww_register.h"
#include "models/replicas/mv_register.h"
#include "models/wattpad/owners.h"
#include "models/wattpad/replica.h"

namespace choreo::wattpad {

class Mirror final : public Replica {
 public:
  Mirror(std::string name, std::string strategy, bool memory_store, const UserService& owner);

  const char* kind() const override { return "mirror"; }
  bool handle(const brokers::Message& m, const brokers::DeliveryInfo& info) override;
  sim::Divergence divergence() const override;
  void sync() override;
  void clear() override;

  // The profile version this mirror shows for `user` (0: never seen).
  std::uint64_t version(std::uint64_t user) const { return shown_[user]; }

 private:
  // Applies the write of `version` stamped `clock`, with version vector `vv`.
  void apply(std::uint64_t user, std::uint64_t version, std::uint64_t clock,
             const replicas::VersionVector& vv);
  enum class Rule { kOverwrite, kLwwVersion, kLwwClock, kMvRegister } rule_;
  const UserService& owner_;
  std::vector<replicas::LwwRegister> registers_;  // overwrite, lww-*
  std::vector<replicas::MvRegister> mv_;          // mv-register
  std::vector<std::uint64_t> shown_;              // the version each user's profile shows
};

}  // namespace choreo::wattpad
