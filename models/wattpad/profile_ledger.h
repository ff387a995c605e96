// The user service's truth: every user's profile version, the clock reading
// and time of its latest write, and the write's version vector over the
// user-service hosts. A plain value (no node, no broker), so the mirror
// strategies, anti-entropy and the checker can be tested without a run.
//
// Invariant: version(u) counts u's writes; host_writes(u) sums to it when
// every write was on one of the first kMaxVectorHosts hosts.
#pragma once

#include <cstdint>
#include <vector>

#include "models/wattpad/events.h"
#include "sim/time.h"

namespace choreo::wattpad {

class ProfileLedger {
 public:
  explicit ProfileLedger(std::uint64_t users) : latest_(users), users_(users) {}

  // Records a change of `user`'s profile handled by host `host`, whose clock
  // read `clock`, at virtual time `now`. Returns its event (event id 0: the
  // publisher numbers it).
  UserUpdated write(std::uint64_t user, std::uint32_t host, std::uint64_t clock, sim::Time now);

  std::uint64_t users() const { return users_.size(); }
  std::uint64_t version(std::uint64_t user) const { return latest_[user].version; }
  sim::Time updated_at(std::uint64_t user) const { return latest_[user].updated_at; }
  // The user's latest write as an event (event id 0): what a full-state
  // pull hands a mirror. REQUIRES: version(user) > 0.
  UserUpdated latest(std::uint64_t user) const;

 private:
  // What a page read looks up per author, apart from the rest: one
  // 16-byte entry per user, four to a cache line.
  struct Latest {
    std::uint64_t version = 0;
    sim::Time updated_at = 0;
  };
  struct Profile {
    std::uint64_t clock = 0;
    HostWrites writes{};
  };
  std::vector<Latest> latest_;
  std::vector<Profile> users_;

 public:
  // Allocated when the ledger is made.
  static constexpr std::size_t kBytesPerUser = sizeof(Latest) + sizeof(Profile);
};

}  // namespace choreo::wattpad
