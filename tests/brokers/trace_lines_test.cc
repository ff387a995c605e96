// The brokers' trace lines (README.md, "The trace file"): exact lines for a
// tiny run; every broker writes publish, deliver, process, loss and its
// ack or commit lines, one process line per delivery and one lost line per
// lost copy; and writing the trace never changes the trace hash.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "models/brokers/broker_table.h"
#include "models/brokers/nats_broker.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {

void PrintTo(const BrokerKind& kind, std::ostream* out);  // conformance_test.cc

namespace {

using testing::add_publisher;
using testing::make_broker_from;
using testing::Recorder;

std::vector<nlohmann::json> parse_lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(nlohmann::json::parse(line));
  return out;
}

TEST(TraceLines, NatsPublishDeliverProcessAndScriptedLossExactly) {
  sim::Simulation sim(1);
  std::ostringstream trace;
  sim.trace().set_output(&trace, {.engine_events = false});
  NatsBroker broker(sim, NatsOptions{}, CommonOptions{}, FaultPlan{});
  Recorder r;
  broker.subscribe("t", "svc", r);
  broker.drop_nth("t", 2);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 2, .keys = 5});
  sim.run();
  const std::string head = R"("topic":"t","type":0,)";
  EXPECT_EQ(
      trace.str(),
      R"({"t_us":0,"node":"pub","kind":"publish","msg":1,)" + head +
          R"("key":1,"publisher":"pub"})"
          "\n"
          R"({"t_us":0,"node":"svc@t","kind":"deliver","msg":1,)" +
          head +
          R"("key":1,"publisher":"pub","service":"svc","worker":0,"attempt":1})"
          "\n"
          R"({"t_us":0,"node":"svc@t","kind":"process","msg":1,)" +
          head +
          R"("key":1,"publisher":"pub","service":"svc","worker":0,"attempt":1,"latency_us":0,"result":"ok"})"
          "\n"
          R"({"t_us":1000,"node":"pub","kind":"publish","msg":2,)" +
          head +
          R"("key":2,"publisher":"pub"})"
          "\n"
          R"({"t_us":1000,"node":"svc@t","kind":"lost","msg":2,)" +
          head +
          R"("key":2,"publisher":"pub","service":"svc","reason":"scripted"})"
          "\n");
}

class TraceLinesPerBroker : public ::testing::TestWithParam<BrokerKind> {
 protected:
  // 300 messages with loss, duplicates, handler errors and a crash;
  // returns the trace hash and fills `text` when tracing.
  std::uint64_t run(std::string* text, DeliveryCounts* counts = nullptr) {
    sim::Simulation sim(5);
    std::ostringstream out;
    if (text != nullptr) sim.trace().set_output(&out, {.engine_events = false});
    auto broker = make_broker_from(sim, GetParam().name,
                                   {"broker.loss=5%", "broker.duplicate=5%", "broker.handler_error=5%",
                                    "broker.processing=2ms", "sqs.visibility_timeout=1s"});
    Recorder r;
    broker->subscribe("t", "svc", r, {.workers = 2});
    broker->crash("svc", 1, 100 * sim::kMillisecond, sim::kSecond);
    add_publisher(sim, *broker, "pub", {.topic = broker->topic("t"), .count = 300, .keys = 7});
    sim.run_until(sim::kMinute);
    if (text != nullptr) *text = out.str();
    if (counts != nullptr) *counts = broker->stats().total();
    return sim.trace_hash();
  }
};

TEST_P(TraceLinesPerBroker, WritesEveryFateAndOneProcessLinePerDelivery) {
  std::string text;
  DeliveryCounts c;
  run(&text, &c);
  std::set<std::string> kinds;
  std::set<std::int64_t> published;
  std::uint64_t processed = 0, lost = 0, duplicates = 0;
  for (const auto& line : parse_lines(text)) {
    const std::string kind = line.at("kind");
    kinds.insert(kind);
    if (kind == "publish") published.insert(line.at("msg").get<std::int64_t>());
    if (kind == "process") {
      ++processed;
      EXPECT_TRUE(published.count(line.at("msg").get<std::int64_t>())) << line;
      EXPECT_EQ(line.at("service"), "svc");
      EXPECT_TRUE(line.at("result") == "ok" || line.at("result") == "handler-error") << line;
    }
    if (kind == "lost") lost += line.contains("count") ? line.at("count").get<std::uint64_t>() : 1;
    if (kind == "duplicate") ++duplicates;
  }
  EXPECT_EQ(published.size(), 300u);
  EXPECT_EQ(processed, c.delivered);
  EXPECT_EQ(lost, c.lost());
  EXPECT_EQ(duplicates, c.duplicated);
  for (const char* k : {"publish", "deliver", "process", "lost", "duplicate", "crash", "restart"})
    EXPECT_TRUE(kinds.count(k)) << GetParam().name << " writes no " << k << " line";
  const std::string_view name = GetParam().name;
  EXPECT_EQ(kinds.count("ack"), name == "sqs" || name == "sqs-fifo" ? 1u : 0u) << name;
  EXPECT_EQ(kinds.count("commit"), name == "kafka" ? 1u : 0u) << name;
}

TEST_P(TraceLinesPerBroker, WritingTheTraceNeverChangesTheHash) {
  std::string text;
  EXPECT_EQ(run(&text), run(nullptr));
  EXPECT_FALSE(text.empty());
}

std::string test_name(const ::testing::TestParamInfo<BrokerKind>& info) {
  std::string name(info.param.name);
  for (char& ch : name) ch = ch == '-' ? '_' : ch;
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryBroker, TraceLinesPerBroker, ::testing::ValuesIn(broker_kinds()), test_name);

}  // namespace
}  // namespace choreo::brokers
