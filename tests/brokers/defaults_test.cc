// Each options struct's defaults are written once, in the struct; the
// scenario keys take their default text from it. These tests build every
// struct from an empty scenario and compare it with the default-constructed
// value, so a key reading the wrong field, a formatter losing precision or a
// default written a second time somewhere fails here.
#include <gtest/gtest.h>

#include <variant>

#include "models/brokers/broker_settings.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using testing::settings_from;

TEST(BrokerDefaults, CommonOptionsFromAnEmptyScenarioAreTheStructsDefaults) {
  const BrokerSettings s = settings_from({});
  EXPECT_TRUE(s.common == CommonOptions{});
  EXPECT_EQ(s.kind, &broker_kinds().front());
  EXPECT_TRUE(s.faults == FaultPlan{});
}

TEST(BrokerDefaults, NatsOptionsFromAnEmptyScenarioAreTheStructsDefaults) {
  const BrokerSettings s = settings_from({"broker.kind=nats"});
  ASSERT_TRUE(std::holds_alternative<NatsOptions>(s.options));
  EXPECT_TRUE(std::get<NatsOptions>(s.options) == NatsOptions{});
}

TEST(BrokerDefaults, SqsOptionsFromAnEmptyScenarioAreTheStructsDefaults) {
  const BrokerSettings s = settings_from({"broker.kind=sqs"});
  ASSERT_TRUE(std::holds_alternative<SqsOptions>(s.options));
  EXPECT_TRUE(std::get<SqsOptions>(s.options) == SqsOptions{});
  const BrokerSettings fifo = settings_from({"broker.kind=sqs-fifo"});
  EXPECT_TRUE(std::get<SqsOptions>(fifo.options) == SqsOptions{.fifo = true});
}

TEST(BrokerDefaults, KafkaOptionsFromAnEmptyScenarioAreTheStructsDefaults) {
  const BrokerSettings s = settings_from({"broker.kind=kafka"});
  ASSERT_TRUE(std::holds_alternative<KafkaOptions>(s.options));
  EXPECT_TRUE(std::get<KafkaOptions>(s.options) == KafkaOptions{});
}

// A fault section needs its kind's subject (a service, a topic, an end);
// every other key of it takes the struct's default.
TEST(BrokerDefaults, FaultsFromMinimalSectionsAreTheStructsDefaults) {
  const BrokerSettings s = settings_from(
      {"fault.a.kind=crash", "fault.a.service=counter", "fault.b.kind=drop", "fault.b.topic=comments",
       "fault.c.kind=partition", "fault.c.service=counter", "fault.c.to=3s"});
  ASSERT_EQ(s.faults.crashes.size(), 1u);
  EXPECT_TRUE(s.faults.crashes[0] == CrashFault{.service = "counter"});
  ASSERT_EQ(s.faults.drops.size(), 1u);
  EXPECT_TRUE(s.faults.drops[0] == DropFault{.topic = "comments"});
  ASSERT_EQ(s.faults.partitions.size(), 1u);
  EXPECT_TRUE(s.faults.partitions[0] == (PartitionFault{.service = "counter", .to = 3 * sim::kSecond}));
}

// The real systems' numbers, stated once more on purpose: a changed default
// must be a decision (with its source updated), not an accident.
TEST(BrokerDefaults, FollowTheRealSystems) {
  EXPECT_EQ(NatsOptions{}.pending_limit, 65'536u);
  EXPECT_EQ(NatsOptions{}.reconnect_wait, 2 * sim::kSecond);
  EXPECT_EQ(SqsOptions{}.visibility_timeout, 30 * sim::kSecond);
  EXPECT_EQ(SqsOptions{}.retention, 4 * sim::kDay);
  EXPECT_EQ(SqsOptions{}.batch_size, 10u);
  EXPECT_EQ(SqsOptions{}.max_receive_count, 0u);
  EXPECT_EQ(KafkaOptions{}.auto_commit_interval, 5 * sim::kSecond);
  EXPECT_EQ(KafkaOptions{}.session_timeout, 45 * sim::kSecond);
  EXPECT_EQ(KafkaOptions{}.retention, 7 * sim::kDay);
  EXPECT_TRUE(KafkaOptions{}.idempotence);
  EXPECT_EQ(CommonOptions{}.loss, 0.0);
}

}  // namespace
}  // namespace choreo::brokers
