// Fault coverage (models/brokers/fault_coverage.h), per row of the broker
// table: every count equals the broker's own delivery counters, and the
// trace file's lines counted independently (a duplicate line per extra copy
// by reason, a crash line per crash, a partition-start or disconnect-start
// line per cut subscription, an offset-reset line per reset); a configured
// fault that cannot fire is listed with 0; counting leaves the trace hash
// as it was (the same run traced and untraced, and the golden hashes in
// tests/cli/run_command_test.cc).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "models/brokers/broker_table.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using sim::kMillisecond;
using sim::kSecond;
using testing::add_publisher;
using testing::make_broker_from;
using testing::Recorder;
using testing::settings_from;

// Every fault family the row has, so every counter can move.
std::vector<std::string> every_fault(std::string_view kind) {
  std::vector<std::string> keys = {
      "broker.kind=" + std::string(kind), "broker.loss=1%", "broker.duplicate=2%", "broker.handler_error=5%",
      "broker.delay=exp:20ms", "broker.processing=exp:1ms", "broker.crash_rate=0.05/s",
      "fault.cut.kind=partition", "fault.cut.service=svc", "fault.cut.from=10s", "fault.cut.to=60s",
      "fault.reset.kind=disconnect", "fault.reset.service=svc", "fault.reset.from=70s", "fault.reset.to=75s",
      "fault.one.kind=drop", "fault.one.topic=t", "fault.one.nth=7", "fault.down.kind=crash",
      "fault.down.service=svc", "fault.down.worker=1", "fault.down.at=80s",
      // Cannot fire: its window begins after the run, and no service is called `nobody`.
      "fault.late.kind=partition", "fault.late.service=svc", "fault.late.from=1h", "fault.late.to=2h",
      "fault.ghost.kind=crash", "fault.ghost.service=nobody", "fault.ghost.at=1s"};
  static const std::map<std::string_view, std::vector<std::string>> kOwn = {
      {"nats", {"nats.pending_limit=2"}},
      {"sqs", {"sqs.duplicate_after_delete=1%", "sqs.max_receive_count=3", "sqs.visibility_timeout=1s"}},
      {"sqs-fifo", {"sqs.max_receive_count=3", "sqs.visibility_timeout=1s"}},
      {"kafka",
       {"kafka.partitions=3", "kafka.idempotence=false", "kafka.producer_error=2%", "kafka.retention=20s",
        "kafka.retention_check_interval=1s", "kafka.segment_ms=2s", "kafka.auto_offset_reset=latest"}},
  };
  if (const auto it = kOwn.find(kind); it != kOwn.end())
    keys.insert(keys.end(), it->second.begin(), it->second.end());
  return keys;
}

struct Outcome {
  std::uint64_t hash = 0;
  DeliveryCounts total;
  FaultCoverage coverage;
  BrokerSettings settings;
  std::vector<nlohmann::json> lines;
  std::size_t handler_crashes = 0;
};

Outcome run(std::string_view kind, bool traced) {
  Outcome out;
  out.settings = settings_from(every_fault(kind));
  sim::Simulation sim(11);
  std::ostringstream text;
  if (traced) sim.trace().set_output(&text, {.engine_events = false});
  auto broker = make_broker(out.settings, sim);
  Recorder r;
  broker->subscribe("t", "svc", r, {.workers = 3});
  add_publisher(sim, *broker, "pub",
                {.topic = broker->topic("t"), .count = 6'000, .period = 15 * kMillisecond, .keys = 31});
  sim.run_until(2 * sim::kMinute);
  out.hash = sim.trace_hash();
  out.total = broker->stats().total();
  out.coverage = broker->coverage();
  out.handler_crashes = r.crashed.size();
  std::istringstream in(text.str());
  for (std::string line; std::getline(in, line);) out.lines.push_back(nlohmann::json::parse(line));
  return out;
}

std::uint64_t lines_of(const Outcome& r, std::string_view kind, std::string_view reason = {}) {
  std::uint64_t n = 0;
  for (const auto& l : r.lines) {
    if (l.at("kind") != kind || (!reason.empty() && l.value("reason", "") != reason)) continue;
    n += l.contains("count") ? l.at("count").get<std::uint64_t>() : 1;
  }
  return n;
}

class Coverage : public ::testing::TestWithParam<BrokerKind> {};

TEST_P(Coverage, CountsEqualTheBrokersCountersAndItsTraceLines) {
  const Outcome r = run(GetParam().name, true);
  const FaultCoverage& c = r.coverage;
  std::uint64_t duplicated = 0;
  for (std::uint64_t d : c.duplicated_by) duplicated += d;
  EXPECT_EQ(duplicated, r.total.duplicated);
  EXPECT_EQ(c.duplicated(DuplicateReason::kInjected), lines_of(r, "duplicate", "injected"));
  EXPECT_EQ(c.duplicated(DuplicateReason::kAfterDelete), lines_of(r, "duplicate", "after-delete"));
  EXPECT_EQ(c.duplicated(DuplicateReason::kProducerRetry), lines_of(r, "duplicate", "producer-retry"));
  EXPECT_EQ(c.scripted_crashes, lines_of(r, "crash", "fault"));
  EXPECT_EQ(c.rate_crashes, lines_of(r, "crash", "crash-rate"));
  EXPECT_EQ(c.scripted_crashes + c.rate_crashes, r.handler_crashes);
  EXPECT_EQ(c.partitioned, lines_of(r, "partition-start"));
  EXPECT_EQ(c.disconnected, lines_of(r, "disconnect-start"));
  EXPECT_EQ(c.offset_resets, lines_of(r, "offset-reset"));
  EXPECT_EQ(c.drop_hits.at(0), r.total.lost(LossReason::kScripted));
  // The plan's faults, in the order the broker was given them (name order per kind).
  EXPECT_EQ(c.partition_cuts, (std::vector<std::uint64_t>{1, 0, 1}));  // cut, late, reset
  EXPECT_EQ(c.crash_hits.at(0), 1u);                                   // down
  EXPECT_EQ(c.crash_hits.at(1), 0u);                                   // ghost
  // Every family this row has fired at least once in this run.
  EXPECT_GT(c.duplicated(DuplicateReason::kInjected), 0u);
  EXPECT_GT(c.rate_crashes, 0u);
  EXPECT_GT(r.total.lost(LossReason::kInjected), 0u);
  EXPECT_GT(r.total.handler_errors, 0u);
  if (GetParam().name == "kafka") {
    EXPECT_GT(c.offset_resets, 0u);
    EXPECT_GT(c.duplicated(DuplicateReason::kProducerRetry), 0u);
  }
  if (GetParam().name == "sqs") {
    EXPECT_GT(c.duplicated(DuplicateReason::kAfterDelete), 0u);
  }

  const nlohmann::json j = coverage_json(r.settings.common, r.settings.fault_names, r.coverage, r.total);
  EXPECT_EQ(j.at("injected_loss"), r.total.lost(LossReason::kInjected));
  EXPECT_EQ(j.at("scripted_drop"), r.total.lost(LossReason::kScripted));
  EXPECT_EQ(j.at("reordered"), r.total.reordered);
  EXPECT_EQ(j.at("redelivered"), r.total.redelivered);
  EXPECT_EQ(j.at("dead_lettered"), r.total.dead_lettered);
  EXPECT_EQ(j.at("handler_error"), r.total.handler_errors);
  EXPECT_EQ(j.at("retention_loss"), r.total.lost(LossReason::kRetention));
  EXPECT_EQ(j.at("reset_loss"), r.total.lost(LossReason::kReset));
  EXPECT_EQ(j.at("slow_consumer_drop"), r.total.lost(LossReason::kSlowConsumer));
  EXPECT_EQ(j.at("disconnected_loss"), r.total.lost(LossReason::kDisconnected));
  EXPECT_EQ(j.at("crash_loss"), r.total.lost(LossReason::kCrash));
  EXPECT_EQ(j.at("fifo_deduplicated"), r.total.deduplicated);
  EXPECT_EQ(j.at("crash"), r.handler_crashes);
  const nlohmann::json& configured = j.at("configured");
  EXPECT_EQ(configured.at("broker.loss"), r.total.lost(LossReason::kInjected));
  EXPECT_EQ(configured.at("broker.duplicate"), c.duplicated(DuplicateReason::kInjected));
  EXPECT_EQ(configured.at("broker.delay"), r.total.reordered);
  EXPECT_EQ(configured.at("broker.crash_rate"), c.rate_crashes);
  EXPECT_EQ(configured.at("fault.cut"), 1);
  EXPECT_EQ(configured.at("fault.reset"), 1);
  EXPECT_EQ(configured.at("fault.down"), 1);
  EXPECT_EQ(configured.at("fault.one"), r.total.lost(LossReason::kScripted));
  EXPECT_EQ(configured.at("fault.late"), 0);
  EXPECT_EQ(configured.at("fault.ghost"), 0);
  EXPECT_EQ(configured.size(), 11u);
}

TEST_P(Coverage, SameCountsAndTraceHashTracedOrNot) {
  const Outcome traced = run(GetParam().name, true);
  const Outcome plain = run(GetParam().name, false);
  EXPECT_EQ(traced.hash, plain.hash);
  EXPECT_EQ(traced.total.delivered, plain.total.delivered);
  EXPECT_EQ(traced.coverage.rate_crashes, plain.coverage.rate_crashes);
}

TEST(Coverage, NothingConfiguredListsNothing) {
  const BrokerSettings s = settings_from({"broker.kind=sqs"});
  const nlohmann::json j = coverage_json(s.common, s.fault_names, FaultCoverage{}, DeliveryCounts{});
  EXPECT_TRUE(j.at("configured").empty());
  EXPECT_EQ(j.at("redelivered"), 0);
}

std::string test_name(const ::testing::TestParamInfo<BrokerKind>& info) {
  std::string name(info.param.name);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryBroker, Coverage, ::testing::ValuesIn(broker_kinds()), test_name);

}  // namespace
}  // namespace choreo::brokers
