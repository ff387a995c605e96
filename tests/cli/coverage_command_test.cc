// Fault coverage as `choreo run` shows it (README.md, "Fault coverage"):
// summary.json's `coverage` equals the broker's own `delivery` counters, a
// configured fault that never fired gets one warning line on stderr (not a
// failure), and [expect] can require a mechanism to have fired. That
// counting leaves trace hashes as they were is held by the golden outputs
// (tests/comments/golden), whose hashes did not change when it was added.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli/command.h"

namespace choreo::testing {
namespace {

std::string out_dir(const std::string& name) { return ::testing::TempDir() + "choreo_coverage_" + name; }

nlohmann::json summary_of(const std::string& args, const std::string& name) {
  const auto r = choreo("run " + args + " --json --out " + out_dir(name));
  EXPECT_LE(r.exit_code, 1) << r.err;
  return nlohmann::json::parse(r.out);
}

void expect_equal_to_delivery(const nlohmann::json& s) {
  const auto& c = s.at("coverage");
  const auto& d = s.at("delivery");
  const auto& lost = d.at("lost_by_reason");
  EXPECT_EQ(c.at("injected_loss"), lost.at("injected"));
  EXPECT_EQ(c.at("scripted_drop"), lost.at("scripted"));
  EXPECT_EQ(c.at("disconnected_loss"), lost.at("disconnected"));
  EXPECT_EQ(c.at("slow_consumer_drop"), lost.at("slow-consumer"));
  EXPECT_EQ(c.at("crash_loss"), lost.at("crash"));
  EXPECT_EQ(c.at("retention_loss"), lost.at("retention"));
  EXPECT_EQ(c.at("reset_loss"), lost.at("reset"));
  EXPECT_EQ(c.at("reordered"), d.at("reordered"));
  EXPECT_EQ(c.at("redelivered"), d.at("redelivered"));
  EXPECT_EQ(c.at("dead_lettered"), d.at("dead_lettered"));
  const auto dups = c.at("injected_duplicate").get<std::uint64_t>() +
                    c.at("after_delete_duplicate").get<std::uint64_t>() +
                    c.at("producer_retry_duplicate").get<std::uint64_t>();
  EXPECT_EQ(dups, d.at("duplicated").get<std::uint64_t>());
}

TEST(Coverage, EqualsTheDeliveryCountersOnEveryAnomalyScenario) {
  for (const char* scenario :
       {"poison-dlq", "at-most-once-nats", "kafka-retention", "kafka-replay", "default"}) {
    SCOPED_TRACE(scenario);
    const auto s = summary_of(std::string("scenarios/") + scenario + ".ini", scenario);
    expect_equal_to_delivery(s);
  }
}

TEST(Coverage, EveryFaultFamilyOnAtOnceCountsAlike) {
  const auto s = summary_of(
      "scenarios/kafka-replay.ini --set run.duration=20s --set broker.loss=2% --set broker.duplicate=2% "
      "--set broker.handler_error=2% --set broker.crash_rate=0.2/s --set kafka.producer_error=2% "
      "--set kafka.idempotence=false --set fault.cut.kind=disconnect --set fault.cut.service=counts-pn "
      "--set fault.cut.from=2s --set fault.cut.to=4s --set fault.one.kind=drop --set "
      "fault.one.topic=comments "
      "--set fault.one.nth=9",
      "every");
  expect_equal_to_delivery(s);
  const auto& c = s.at("coverage");
  for (const char* key : {"injected_loss", "injected_duplicate", "handler_error", "crash", "disconnect",
                          "scripted_drop", "producer_retry_duplicate", "redelivered"}) {
    EXPECT_GT(c.at(key).get<std::uint64_t>(), 0u) << key;
  }
  EXPECT_EQ(c.at("configured").at("fault.cut"), 1);
  EXPECT_EQ(c.at("configured").at("fault.one"), c.at("scripted_drop"));
}

TEST(Coverage, AConfiguredFaultThatNeverFiredIsOneWarningLineNotAFailure) {
  const auto r = choreo(
      "run scenarios/duplicates-sqs.ini --set run.duration=2s --set fault.late.kind=partition "
      "--set fault.late.service=counts-naive --set fault.late.from=1h --set fault.late.to=2h "
      "--set fault.after.kind=crash --set fault.after.service=counts-naive --set fault.after.at=1h "
      "--set fault.never.kind=drop --set fault.never.topic=users --set fault.never.nth=1 "
      "--set broker.handler_error=0.0001% --out " +
      out_dir("inert"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      r.err,
      "choreo: warning: broker.handler_error = 0.0001% is configured but never fired in this run (no "
      "handler failed)\n"
      "choreo: warning: fault.after (kind = crash) is configured but never fired in this run (no running "
      "worker crashed: check its service, worker and at)\n"
      "choreo: warning: fault.late (kind = partition) is configured but never fired in this run (no "
      "subscription was cut: check its service and from)\n"
      "choreo: warning: fault.never (kind = drop) is configured but never fired in this run (no copy was "
      "dropped: check its topic and nth)\n");
  EXPECT_NE(r.out.find("  configured       broker.delay "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("broker.handler_error 0, "), std::string::npos) << r.out;
}

TEST(Coverage, NoFaultConfiguredNoWarning) {
  const auto r =
      choreo("run scenarios/distributed-merges.ini --set run.duration=2s --out " + out_dir("none"));
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("  configured       none\n"), std::string::npos) << r.out;
}

TEST(Coverage, ExpectCanRequireAMechanismToHaveFired) {
  auto r = choreo("run scenarios/poison-dlq.ini --set expect.coverage.redelivered=0 --out " + out_dir("exp"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("FAIL coverage.redelivered = 0  (actual "), std::string::npos) << r.out;
  r = choreo("run scenarios/poison-dlq.ini '--set' 'expect.coverage.redelivred=>0' --out " + out_dir("exp"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no 'redelivred' in coverage (did you mean 'redelivered'?)"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace choreo::testing
