// Scenario checks of the comments model that need more than one key: each
// bad combination exits 2 with one line naming the key, the value and the fix.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "models/wattpad/strategy.h"
#include "tests/cli/command.h"

namespace choreo {
namespace {

using testing::choreo;

TEST(CommentsConfig, MvRegisterTakesAtMostFourUserServiceHosts) {
  const auto r = choreo("run scenarios/clock-skew.ini --set workload.user_instances=5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "scenarios/clock-skew.ini:34: replica.mirror-mv.strategy = 'mv-register': mv-register carries a "
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
  // The list is the strategy table's counters, in table order.
  const auto r = choreo("run scenarios/default.ini --set replica.counts-2p.strategy=mv-register");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "--set replica.counts-2p.strategy: 'mv-register': a counter takes " +
                       wattpad::strategy_list(wattpad::ReplicaKind::kCounter) + "\n");
  EXPECT_EQ(wattpad::strategy_list(wattpad::ReplicaKind::kCounter).rfind("naive, dedup-id, 2p-set, ", 0), 0u);
}

TEST(CommentsConfig, TwoReplicasMayNotConsumeATopicAsOneService) {
  const std::string file = ::testing::TempDir() + "one_service.ini";
  std::ofstream(file) << "[replica.a]\nstrategy = naive\nservice = svc\n\n"
                         "[replica.b]\nstrategy = 2p-set\nservice = svc\n";
  const auto r = choreo("run " + file);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            file +
                ":7: replica.b.service = 'svc': replicas a and b would both consume topic 'comments' as "
                "service 'svc'; give each its own service\n");
}

TEST(CommentsConfig, AServiceNamedAfterAnotherReplicaIsRefused) {
  // counts-naive's service defaults to its name.
  const auto r = choreo("run scenarios/default.ini --set replica.counts-2p.service=counts-naive");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "--set replica.counts-2p.service: 'counts-naive': replicas counts-2p and counts-naive would both "
            "consume topic 'comments' as service 'counts-naive'; give each its own service\n");
}

TEST(CommentsConfig, AMirrorAndACounterMayShareAServiceName) {
  // Different topics, different subscriptions.
  const auto r = choreo(
      "run scenarios/default.ini --set run.duration=1s --set run.settle=0 "
      "--set replica.counts-2p.service=mirror-lww --out " +
      ::testing::TempDir() + "shared_service");
  EXPECT_LE(r.exit_code, 1) << r.err;
}

TEST(CommentsConfig, AFaultMustNameAServiceWorkerAndTopicTheScenarioHas) {
  auto r = choreo("run scenarios/kafka-replay.ini --set fault.crash-naive.service=counts-nave");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "--set fault.crash-naive.service: 'counts-nave': no replica consumes as this service (services: "
            "counts-naive, counts-pn)\n");
  r = choreo("run scenarios/kafka-replay.ini --set fault.crash-naive.worker=2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "--set fault.crash-naive.worker: '2': service counts-naive has workers 0..1\n");
  r = choreo("run scenarios/default.ini --set fault.x.kind=drop --set fault.x.topic=comment");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "--set fault.x.topic: 'comment': the comments model has topics users and comments\n");
  r = choreo(
      "run scenarios/default.ini --set fault.x.kind=drop --set fault.x.topic=users "
      "--set fault.x.service=counts-2p");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "--set fault.x.service: 'counts-2p': no replica consumes topic users as this service (services: "
            "mirror-lww, mirror-overwrite)\n");
}

// Regression: a gap drawn near 1e21 us overflowed the timer's time, and
// comments were posted at once instead of never. Such a rate is now refused
// (one line, exit 2); the smallest rate allowed, one per 3650d, posts nothing
// in a second.
TEST(CommentsConfig, ARateSoLowItNeverFiresPostsNothing) {
  auto r = choreo("run scenarios/duplicates-sqs.ini --set workload.comment_rate=1e-15/s");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "--set workload.comment_rate: '1e-15/s': a rate must be 0 or at least one per 3650d (one event "
            "in the longest run)\n");
  r = choreo(
      "run scenarios/duplicates-sqs.ini --json --set workload.comment_rate=3.2e-9/s "
      "--set run.duration=1s --set run.settle=0 --out " +
      ::testing::TempDir() + "tiny_rate");
  const auto summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary.at("delivery").at("published"), 0);
}

}  // namespace
}  // namespace choreo
