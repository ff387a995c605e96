// Brokers built from scenario text through declare() + Config, and the
// `delivery` JSON they report.
#include <gtest/gtest.h>

#include "models/brokers/broker_settings.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using testing::add_publisher;
using testing::Recorder;

sim::Result<sim::Config> load(std::string_view text, const std::vector<std::string>& overrides = {}) {
  sim::ConfigSchema schema;
  declare(schema);
  auto raw = sim::read_config_text(text, "x.ini");
  if (!raw) return raw.error();
  return sim::resolve_config(*raw, overrides, schema);
}

TEST(BrokerConfig, OutOfRangeVisibilityTimeoutIsAnError) {
  auto config = load("[sqs]\nvisibility_timeout = 13h\n");
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().message,
            "x.ini:2: sqs.visibility_timeout = '13h': out of range (allowed: 0s..12h)");
}

TEST(BrokerConfig, FaultWithoutServiceIsAnError) {
  auto config = load("[fault.cut]\nkind = partition\nfrom = 1s\nto = 2s\n");
  ASSERT_TRUE(config) << config.error().message;
  auto settings = broker_settings(*config);
  ASSERT_FALSE(settings);
  EXPECT_NE(settings.error().message.find("fault.cut.service"), std::string::npos)
      << settings.error().message;
}

TEST(BrokerConfig, MoreSampledServersThanServersIsAnError) {
  auto config = load("[sqs]\nwait_time = 0s\nservers = 3\nsampled_servers = 4\n");
  ASSERT_TRUE(config) << config.error().message;
  auto settings = broker_settings(*config);
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().message, "x.ini:4: sqs.sampled_servers = '4': must be at most sqs.servers (3)");
  auto fine = load("[sqs]\nwait_time = 0s\nservers = 3\nsampled_servers = 3\n");
  ASSERT_TRUE(fine) << fine.error().message;
  EXPECT_TRUE(broker_settings(*fine));
}

// A scenario section builds an SQS broker with a scripted drop and a
// partition; the run reports summary.json's delivery keys.
TEST(BrokerConfig, BuildsABrokerWithScriptedFaultsFromAScenario) {
  auto config = load(
      "[broker]\nkind = sqs\n"
      "[sqs]\nduplicate_after_delete = 0\n"
      "[fault.fifth]\nkind = drop\ntopic = comments\nnth = 5\n"
      "[fault.cut]\nkind = partition\nservice = counter\nfrom = 1s\nto = 3s\n");
  ASSERT_TRUE(config) << config.error().message;
  auto settings = broker_settings(*config);
  ASSERT_TRUE(settings) << settings.error().message;
  sim::Simulation sim(1);
  auto broker = make_broker(*settings, sim);
  EXPECT_EQ(broker->kind(), "sqs");
  Recorder r;
  broker->subscribe("comments", "counter", r);
  add_publisher(sim, *broker, "pub",
                {.topic = broker->topic("comments"), .count = 40, .period = 100 * sim::kMillisecond});
  sim.run_until(sim::kMinute);
  EXPECT_EQ(r.distinct_ids().size(), 39u);
  EXPECT_EQ(r.distinct_ids().count(5), 0u);
  // Published during the partition, received only after the 5 s retry.
  for (const auto& d : r.log)
    EXPECT_FALSE(d.info.delivered_at >= sim::kSecond && d.info.delivered_at < 3 * sim::kSecond);

  nlohmann::json delivery;
  broker->write_json(delivery);
  for (const char* key : {"published", "delivered", "lost", "duplicated", "redelivered", "reordered",
                          "dead_lettered", "bytes", "latency_ms", "lost_by_reason", "by_topic"}) {
    EXPECT_TRUE(delivery.contains(key)) << key;
  }
  EXPECT_EQ(delivery["published"], 40);
  EXPECT_EQ(delivery["lost"], 1);
  EXPECT_EQ(delivery["lost_by_reason"]["scripted"], 1);
  EXPECT_EQ(delivery["by_topic"]["comments"]["delivered"], 39);
  for (const char* key : {"mean", "p50", "p99", "max"})
    EXPECT_TRUE(delivery["latency_ms"].contains(key)) << key;
}

TEST(BrokerConfig, KindsAreTheTableRows) {
  auto config = load("[broker]\nkind = natz\n");
  ASSERT_FALSE(config);
  EXPECT_EQ(
      config.error().message,
      "x.ini:2: broker.kind = 'natz': expected one of nats, sqs, sqs-fifo, kafka (did you mean 'nats'?)");
  EXPECT_EQ(find_broker_kind("natz"), nullptr);
  ASSERT_NE(find_broker_kind("sqs-fifo"), nullptr);
  auto fifo = load("[broker]\nkind = sqs-fifo\n");
  ASSERT_TRUE(fifo) << fifo.error().message;
  auto settings = broker_settings(*fifo);
  ASSERT_TRUE(settings) << settings.error().message;
  EXPECT_TRUE(std::get<SqsOptions>(settings->options).fifo);
}

}  // namespace
}  // namespace choreo::brokers
