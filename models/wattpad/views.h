// What may be seen of a replica from outside: read-only views. The checker
// (checker.h) compares them with the owners' ledgers; page reads look users
// up in a mirror's. Neither can change a replica through them.
#pragma once

#include <cstdint>
#include <vector>

namespace choreo::wattpad {

// A user mirror: the profile version it shows per user (0: never seen).
// Not an interface: the versions are one dense array, written by the
// mirror that derives from this view, so page reads and the checker read
// a user's version without a virtual call.
class ProfilesView {
 public:
  std::uint64_t version(std::uint64_t user) const { return shown_[user]; }
  // version(u) of every user, indexed by user.
  const std::vector<std::uint64_t>& versions() const { return shown_; }

 protected:
  explicit ProfilesView(std::uint64_t users) : shown_(users) {}
  ~ProfilesView() = default;
  ProfilesView(const ProfilesView&) = default;
  ProfilesView& operator=(const ProfilesView&) = default;

  std::vector<std::uint64_t> shown_;  // per user: the version its entry shows
};

// Comment counters: the count shown on a key id (count_keys.h); 0 for a key
// the replica has not met.
class CountsView {
 public:
  virtual ~CountsView() = default;
  virtual std::int64_t count(std::uint32_t key) const = 0;
};

}  // namespace choreo::wattpad
