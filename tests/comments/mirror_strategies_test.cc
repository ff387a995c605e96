// Every mirror strategy of the strategy table, driven directly with decoded
// UserUpdated events: no simulation, broker or service. Each case states
// the exact version every strategy shows, so a new strategy must say what
// it does (the case fails until its expected value is added).
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "models/wattpad/mirror_strategy.h"
#include "models/wattpad/strategy.h"

namespace choreo::wattpad {
namespace {

// User 0's write of `version`, read `clock` on its host, with version
// vector `writes` over hosts 0..3.
UserUpdated write(std::uint64_t version, std::uint64_t clock, HostWrites writes) {
  return UserUpdated{.event = version, .user = 0, .version = version, .clock = clock, .writes = writes};
}

// Applies `writes` in order to a fresh instance of every mirror strategy
// and checks the version shown after the last against `expected`, which
// must name every one of them.
void expect_shown(const std::map<std::string, std::uint64_t>& expected,
                  const std::vector<UserUpdated>& writes) {
  std::size_t mirrors = 0;
  for (const Strategy& s : strategies()) {
    if (s.kind() != ReplicaKind::kMirror) continue;
    ++mirrors;
    const auto want = expected.find(std::string(s.name));
    ASSERT_NE(want, expected.end()) << "no expected version for " << s.name;
    std::unique_ptr<MirrorStrategy> m = s.make_mirror(2);
    std::uint64_t shown = 0;
    for (const UserUpdated& w : writes) shown = m->apply(w);
    EXPECT_EQ(shown, want->second) << s.name;
  }
  EXPECT_EQ(mirrors, expected.size()) << "expected versions for strategies not in the table";
}

// Host 0 writes version 1, host 1 version 2, host 0 version 3; clocks agree.
const UserUpdated kV1 = write(1, 100, {1, 0, 0, 0});
const UserUpdated kV2 = write(2, 200, {1, 1, 0, 0});
const UserUpdated kV3 = write(3, 300, {2, 1, 0, 0});

TEST(MirrorStrategies, InOrder) {
  expect_shown({{"overwrite", 3}, {"lww-version", 3}, {"lww-clock", 3}, {"mv-register", 3}}, {kV1, kV2, kV3});
}

TEST(MirrorStrategies, TheSecondWriteDelayedPastTheThird) {
  expect_shown({{"overwrite", 2}, {"lww-version", 3}, {"lww-clock", 3}, {"mv-register", 3}}, {kV1, kV3, kV2});
}

TEST(MirrorStrategies, DuplicatesArrivingLate) {
  expect_shown({{"overwrite", 1}, {"lww-version", 2}, {"lww-clock", 2}, {"mv-register", 2}},
               {kV1, kV2, kV2, kV1});
}

TEST(MirrorStrategies, ClockSkewLosesTheLaterWriteUnderLwwClockOnly) {
  // Host 1's clock runs behind: its later write reads 50, before host 0's 100.
  const UserUpdated slow = write(2, 50, {1, 1, 0, 0});
  expect_shown({{"overwrite", 2}, {"lww-version", 2}, {"lww-clock", 1}, {"mv-register", 2}}, {kV1, slow});
  expect_shown({{"overwrite", 1}, {"lww-version", 2}, {"lww-clock", 1}, {"mv-register", 2}}, {slow, kV1});
}

TEST(MirrorStrategies, EachUserHasItsOwnEntry) {
  for (const Strategy& s : strategies()) {
    if (s.kind() != ReplicaKind::kMirror) continue;
    auto m = s.make_mirror(2);
    EXPECT_EQ(m->apply(kV3), 3u) << s.name;
    UserUpdated other = kV1;
    other.user = 1;
    EXPECT_EQ(m->apply(other), 1u) << s.name;
  }
}

TEST(MirrorStrategies, ClearForgetsEveryUser) {
  for (const Strategy& s : strategies()) {
    if (s.kind() != ReplicaKind::kMirror) continue;
    auto m = s.make_mirror(2);
    m->apply(kV3);
    m->clear();
    EXPECT_EQ(m->apply(kV1), 1u) << s.name;  // nothing newer is remembered
  }
}

}  // namespace
}  // namespace choreo::wattpad
