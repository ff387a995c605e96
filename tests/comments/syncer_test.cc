// Anti-entropy on its own: a pull at each replica's interval, counted, that
// merges the owner's state as it is at that moment.
#include "models/wattpad/syncer.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "models/wattpad/counter_replica.h"
#include "models/wattpad/mirror_replica.h"
#include "models/wattpad/strategy.h"
#include "sim/simulation.h"

namespace choreo::wattpad {
namespace {

// Records when it was pulled.
class Recorder final : public Replica {
 public:
  Recorder(const sim::Simulation& sim, std::string name, std::vector<std::pair<sim::Time, std::string>>& log)
      : Replica(false), sim_(sim), name_(std::move(name)), log_(log) {}
  bool handle(const brokers::Message&, const brokers::DeliveryInfo&) override { return true; }
  void sync() override { log_.emplace_back(sim_.now(), name_); }
  void clear() override {}

 private:
  const sim::Simulation& sim_;
  std::string name_;
  std::vector<std::pair<sim::Time, std::string>>& log_;
};

TEST(Syncer, PullsEachReplicaAtItsIntervalAndCountsThePulls) {
  sim::Simulation sim(1);
  std::vector<std::pair<sim::Time, std::string>> log;
  Recorder a(sim, "a", log), b(sim, "b", log);
  Syncer& syncer = sim.add<Syncer>();
  syncer.add(a, 3 * sim::kSecond);
  syncer.add(b, 5 * sim::kSecond);
  syncer.start();
  sim.run_until(16 * sim::kSecond);
  const std::vector<std::pair<sim::Time, std::string>> expected = {
      {3 * sim::kSecond, "a"},  {5 * sim::kSecond, "b"},  {6 * sim::kSecond, "a"},  {9 * sim::kSecond, "a"},
      {10 * sim::kSecond, "b"}, {12 * sim::kSecond, "a"}, {15 * sim::kSecond, "b"}, {15 * sim::kSecond, "a"}};
  EXPECT_EQ(log, expected);  // at 15 s, b's timer was set first (at 10 s)
  EXPECT_EQ(syncer.pulls(), 8u);
}

TEST(Syncer, APullMergesTheOwnersStateAsItIsThen) {
  sim::Simulation sim(1);
  KeyIndex keys;
  CommentLedger comments(2, keys);
  ProfileLedger users(2);
  CounterReplica counter(false, comments, strategy("2p-set").make_counter());
  MirrorReplica mirror(false, users, strategy("lww-version").make_mirror(2));
  Syncer& syncer = sim.add<Syncer>();
  syncer.add(counter, 10 * sim::kSecond);
  syncer.add(mirror, 10 * sim::kSecond);
  syncer.start();

  comments.create(0, {.story = 1, .chapter = 0});
  comments.create(1, {.story = 1, .chapter = 0});
  users.write(1, 0, 7, 0);
  sim.run_until(10 * sim::kSecond);
  EXPECT_EQ(counter.counts().count(0), 2);
  EXPECT_EQ(mirror.version(1), 1u);

  comments.remove(0);
  users.write(1, 0, 8, 0);
  sim.run_until(15 * sim::kSecond);  // no pull yet
  EXPECT_EQ(counter.counts().count(0), 2);
  EXPECT_EQ(mirror.version(1), 1u);
  sim.run_until(20 * sim::kSecond);
  EXPECT_EQ(counter.counts().count(0), 1);
  EXPECT_EQ(counter.counts().count(1), 1);
  EXPECT_EQ(mirror.version(1), 2u);
  EXPECT_EQ(mirror.version(0), 0u);  // never written: nothing to pull
  EXPECT_EQ(syncer.pulls(), 4u);
}

}  // namespace
}  // namespace choreo::wattpad
