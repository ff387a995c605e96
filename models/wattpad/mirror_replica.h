// The user mirror: a consuming service on topic "users" that keeps, per
// user, the profile version its strategy (mirror_strategy.h) shows. Its
// read-only face (ProfilesView) is what page reads look up and the checker
// compares with the user service's ledger.
#pragma once

#include <memory>
#include <vector>

#include "models/wattpad/mirror_strategy.h"
#include "models/wattpad/profile_ledger.h"
#include "models/wattpad/replica.h"
#include "models/wattpad/views.h"

namespace choreo::wattpad {

class MirrorReplica final : public Replica, public ProfilesView {
 public:
  // Besides its strategy's entry: the version each user's entry shows.
  static constexpr std::size_t kBytesPerUser = sizeof(std::uint64_t);
  // `owner` is read on anti-entropy pulls only; it outlives the replica.
  MirrorReplica(bool memory_store, const ProfileLedger& owner, std::unique_ptr<MirrorStrategy> strategy)
      : Replica(memory_store), ProfilesView(owner.users()), owner_(owner), strategy_(std::move(strategy)) {}

  bool handle(const brokers::Message& m, const brokers::DeliveryInfo& info) override;
  // Applies the owner's latest write of every user who has one.
  void sync() override;
  void clear() override;

 private:
  void apply(const UserUpdated& e) { shown_[e.user] = strategy_->apply(e); }

  const ProfileLedger& owner_;
  std::unique_ptr<MirrorStrategy> strategy_;
};

}  // namespace choreo::wattpad
