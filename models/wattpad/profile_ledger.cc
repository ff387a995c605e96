// The user service's truth; see profile_ledger.h.
#include "models/wattpad/profile_ledger.h"

#include <cassert>

namespace choreo::wattpad {

UserUpdated ProfileLedger::write(std::uint64_t user, std::uint32_t host, std::uint64_t clock, sim::Time now) {
  Profile& p = users_[user];
  ++latest_[user].version;
  latest_[user].updated_at = now;
  if (host < kMaxVectorHosts) ++p.writes[host];
  p.clock = clock;
  return latest(user);
}

UserUpdated ProfileLedger::latest(std::uint64_t user) const {
  const Profile& p = users_[user];
  assert(latest_[user].version > 0);
  return UserUpdated{.user = user, .version = latest_[user].version, .clock = p.clock, .writes = p.writes};
}

}  // namespace choreo::wattpad
