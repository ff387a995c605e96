// What may be seen of a replica from outside: read-only views. The checker
// (checker.h) compares them with the owners' ledgers; page reads look users
// up in a mirror's. Neither can change a replica through them.
#pragma once

#include <cstdint>

namespace choreo::wattpad {

// A user mirror: the profile version it shows per user (0: never seen).
class ProfilesView {
 public:
  virtual ~ProfilesView() = default;
  virtual std::uint64_t version(std::uint64_t user) const = 0;
};

// Comment counters: the count shown on a key id (count_keys.h); 0 for a key
// the replica has not met.
class CountsView {
 public:
  virtual ~CountsView() = default;
  virtual std::int64_t count(std::uint32_t key) const = 0;
};

}  // namespace choreo::wattpad
