// Typed options have their defaults in one place: the struct. An empty
// scenario must read back as the default-constructed struct, so a schema
// default and a field initializer can never drift apart.
#include <gtest/gtest.h>

#include "models/model.h"
#include "models/wattpad/replica_spec.h"
#include "models/wattpad/user_api_options.h"
#include "models/wattpad/workload_options.h"

namespace choreo::wattpad {
namespace {

sim::Config resolve(std::string_view text, const std::vector<std::string>& overrides = {}) {
  const auto raw = sim::read_config_text(text, "test.ini");
  EXPECT_TRUE(raw.ok());
  auto config =
      sim::resolve_config(*raw, overrides, models::scenario_schema(*models::find_model_kind("comments")));
  EXPECT_TRUE(config.ok()) << config.error().message;
  return *config;
}

TEST(Options, AnEmptyScenarioIsTheDefaultWorkload) {
  const auto w = workload_options(resolve(""));
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(*w, WorkloadOptions{});
  // The defaults the schema once wrote apart from the struct.
  EXPECT_EQ(w->popularity.text, "zipf:1.1");
  EXPECT_EQ(w->delete_after.text, "exp:5s");
  EXPECT_EQ(w->delete_after.mean(), 5e6);
}

TEST(Options, EveryWorkloadKeyReachesItsField) {
  // Each key set away from its default must move the struct off its default.
  const auto schema = models::scenario_schema(*models::find_model_kind("comments"));
  const std::map<std::string, std::string> changed = {{"users", "7"},
                                                      {"stories", "8"},
                                                      {"chapters", "9"},
                                                      {"paragraphs", "11"},
                                                      {"inline_fraction", "1%"},
                                                      {"popularity", "zipf:0.5"},
                                                      {"commenters", "zipf:2"},
                                                      {"comment_rate", "1/s"},
                                                      {"delete_fraction", "0"},
                                                      {"delete_after", "1s"},
                                                      {"profile_rate", "2/s"},
                                                      {"read_rate", "3/s"},
                                                      {"comments_per_page", "4"},
                                                      {"reads", "orchestration"},
                                                      {"lookups", "per-author"},
                                                      {"shards", "2"},
                                                      {"user_instances", "3"},
                                                      {"clock_skew", "1s"},
                                                      {"outage_from", "1s"},
                                                      {"outage_to", "7s"}};
  std::size_t workload_keys = 0;
  for (const auto& spec : schema.keys()) workload_keys += spec.key.rfind("workload.", 0) == 0;
  EXPECT_EQ(changed.size(), workload_keys);
  // Every run also sets outage_to = 5s, so that outage_from may move.
  WorkloadOptions base;
  base.outage_to = 5 * sim::kSecond;
  for (const auto& [key, value] : changed) {
    const auto w =
        workload_options(resolve("[workload]\noutage_to = 5s\n", {"workload." + key + "=" + value}));
    ASSERT_TRUE(w.ok()) << key;
    EXPECT_NE(*w, base) << key;
  }
}

TEST(Options, AnEmptyScenarioIsTheDefaultUserService) {
  EXPECT_EQ(user_api_options(resolve("")), UserApiOptions{});
  EXPECT_EQ(UserApiOptions{}.service_time.text, "exp:1ms");
  EXPECT_EQ(UserApiOptions{}.capacity_per_s(2), 400'000.0);
}

TEST(Options, EveryUserServiceKeyReachesItsField) {
  const auto schema = models::scenario_schema(*models::find_model_kind("comments"));
  const std::map<std::string, std::string> changed = {
      {"concurrency", "3"}, {"max_connections", "4"}, {"service_time", "exp:2ms"}, {"network_delay", "1ms"},
      {"timeout", "2s"},    {"retries", "2"},         {"backoff", "5ms"}};
  std::size_t keys = 0;
  for (const auto& spec : schema.keys()) keys += spec.key.rfind("user_service.", 0) == 0;
  EXPECT_EQ(changed.size(), keys);
  for (const auto& [key, value] : changed) {
    EXPECT_NE(user_api_options(resolve("", {"user_service." + key + "=" + value})), UserApiOptions{}) << key;
  }
}

TEST(Options, AReplicaSectionWithNoKeysIsTheDefaultSpec) {
  const auto config = resolve("", {"replica.r.service="});
  const auto specs = replica_specs(config, WorkloadOptions{}, "sqs");
  ASSERT_TRUE(specs.ok()) << specs.error().message;
  ASSERT_EQ(specs->size(), 1u);
  ReplicaSpec expected;
  expected.name = "r";
  expected.service = "r";  // an empty service is the replica's name
  EXPECT_EQ(specs->front(), expected);
  EXPECT_EQ(expected.strategy->name, "naive");
  EXPECT_EQ(expected.topic(), "comments");
}

TEST(Options, AnOutageMayNotEndBeforeItStarts) {
  const auto w = workload_options(resolve("[workload]\noutage_from = 10s\noutage_to = 5s\n"));
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().message,
            "test.ini:3: workload.outage_to = '5s': must not be before workload.outage_from (10s)");
}

}  // namespace
}  // namespace choreo::wattpad
