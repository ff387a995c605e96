// The user mirror: username/avatar per user, kept from UserUpdated events,
// compared by profile version with the user service.
//
// Strategies:
//   overwrite    the last event received wins (the foil: reordering leaves
//                an older profile)
//   lww-version  an LWW-Register stamped by the owner's version: exact
//   lww-clock    an LWW-Register stamped by the handling host's wall clock:
//                correct only while host clocks agree; skew loses updates
#pragma once

#include <cstdint>
#include <vector>

#include "models/replicas/lww_register.h"
#include "models/wattpad/owners.h"
#include "models/wattpad/replica.h"

namespace choreo::wattpad {

class Mirror final : public Replica {
 public:
  Mirror(std::string name, std::string strategy, bool memory_store, const UserService& owner);

  const char* kind() const override { return "mirror"; }
  bool handle(const brokers::Message& m, const brokers::DeliveryInfo& info) override;
  Divergence divergence() const override;
  void sync() override;
  void clear() override;

  // The profile version this mirror shows for `user` (0: never seen).
  std::uint64_t version(std::uint64_t user) const { return registers_[user].value(); }

 private:
  void apply(std::uint64_t user, std::uint64_t version, std::uint64_t clock);
  enum class Rule { kOverwrite, kLwwVersion, kLwwClock } rule_;
  const UserService& owner_;
  std::vector<replicas::LwwRegister> registers_;
};

}  // namespace choreo::wattpad
