// Scenario checks of the comments model that need more than one key: each
// bad combination exits 2 with one line naming the key, the value and the fix.
#include <gtest/gtest.h>

#include "tests/cli/command.h"

namespace choreo {
namespace {

using testing::choreo;

TEST(CommentsConfig, MvRegisterTakesAtMostFourUserServiceHosts) {
  const auto r = choreo("run scenarios/clock-skew.ini --set workload.user_instances=5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "scenarios/clock-skew.ini:33: replica.mirror-mv.strategy = 'mv-register': mv-register carries a "
            "version "
            "vector of at most 4 user-service hosts; set workload.user_instances to 4 or fewer\n");
}

TEST(CommentsConfig, BootstrapFromTheLogNeedsKafka) {
  const auto r = choreo("run scenarios/default.ini --set replica.counts-2p.recovery=bootstrap");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      r.err,
      "--set replica.counts-2p.recovery: 'bootstrap': bootstrap replays the log from its earliest offset and "
      "needs broker.kind = kafka (here: sqs)\n");
}

TEST(CommentsConfig, AMirrorStrategyOnACounterIsRefused) {
  const auto r = choreo("run scenarios/default.ini --set replica.counts-2p.strategy=mv-register");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      r.err,
      "--set replica.counts-2p.strategy: 'mv-register': a counter takes naive, dedup-id, 2p-set, or-set, "
      "g-counter or pn-counter\n");
}

}  // namespace
}  // namespace choreo
