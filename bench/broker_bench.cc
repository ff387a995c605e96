// Delivered messages per second (items_per_second: CPU time of the single
// thread, which is its wall time) through each broker model: one
// publisher, one consumer (one worker), first without faults, then with the
// common faults on (1 % loss, 1 % duplication, exp:1ms transit, 1 % handler
// errors, a crash per worker every 100 s on average).
//   build/bench/broker_bench [--benchmark_filter=Nats]
// The publisher sends `burst` messages per timer event (1: two events per
// message; 100: the broker's own cost). Not a test: it asserts nothing.
#include <benchmark/benchmark.h>

#include <memory>

#include "models/brokers/kafka_broker.h"
#include "models/brokers/nats_broker.h"
#include "models/brokers/sqs_broker.h"

namespace choreo::brokers {
namespace {

class Counting final : public Handler {
 public:
  bool handle(const Message& m, const DeliveryInfo&) override {
    sum_ += m.a;
    ++n_;
    return true;
  }
  std::uint64_t n_ = 0;
  std::uint64_t sum_ = 0;
};

class Source final : public sim::Node {
 public:
  Source(Broker& broker, TopicId topic, std::uint64_t total, std::uint32_t burst, sim::Time period)
      : Node("pub"), broker_(broker), topic_(topic), total_(total), burst_(burst), period_(period) {}
  void on_event(const sim::Event&) override {
    for (std::uint32_t i = 0; i < burst_ && sent_ < total_; ++i) {
      Message m;
      m.id = ++sent_;
      m.key = sent_ & 63;
      m.a = sent_;
      m.bytes = 200;
      broker_.publish(topic_, id(), m);
    }
    if (sent_ < total_) sim().timer(id(), period_, 0, 0);
  }

 private:
  Broker& broker_;
  TopicId topic_;
  std::uint64_t total_;
  std::uint32_t burst_;
  sim::Time period_;
  std::uint64_t sent_ = 0;
};

CommonOptions common_faults(bool faults) {
  CommonOptions c;
  if (!faults) return c;
  c.loss = 0.01;
  c.duplicate = 0.01;
  c.delay = *sim::parse_duration_distribution("exp:1ms");
  c.handler_error = 0.01;
  c.crash_rate_per_s = 0.01;
  c.restart_after = sim::kSecond;
  return c;
}

enum class Kind { kNats, kSqs, kSqsFifo, kKafka };

std::unique_ptr<Broker> make(Kind kind, sim::Simulation& sim, bool faults) {
  const CommonOptions c = common_faults(faults);
  switch (kind) {
    case Kind::kNats:
      return std::make_unique<NatsBroker>(sim, NatsOptions{}, c, FaultPlan{});
    case Kind::kSqs:
      return std::make_unique<SqsBroker>(sim, SqsOptions{}, c, FaultPlan{});
    case Kind::kSqsFifo: {
      SqsOptions o;
      o.fifo = true;
      return std::make_unique<SqsBroker>(sim, o, c, FaultPlan{});
    }
    case Kind::kKafka:
      return std::make_unique<KafkaBroker>(sim, KafkaOptions{}, c, FaultPlan{});
  }
  return nullptr;
}

// range(0): faults off/on; range(1): burst.
template <Kind kKind>
void BM_Broker(benchmark::State& state) {
  const bool faults = state.range(0) != 0;
  const auto burst = static_cast<std::uint32_t>(state.range(1));
  const std::uint64_t total = kKind == Kind::kNats || kKind == Kind::kKafka ? 2'000'000 : 500'000;
  std::uint64_t delivered = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    sim::Simulation sim(1);
    auto broker = make(kKind, sim, faults);
    Counting handler;
    const TopicId t = broker->topic("t");
    broker->subscribe("t", "svc", handler);
    auto& source = sim.add<Source>(*broker, t, total, burst, 10 * burst);  // 100,000 msg/s virtual
    sim.timer(source.id(), 0, 0, 0);
    sim.run_until(static_cast<sim::Time>(total) * 10 + 10 * sim::kMinute);
    delivered += handler.n_;
    events += sim.events_processed();
    benchmark::DoNotOptimize(handler.sum_);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(delivered));
  state.counters["events_per_msg"] = static_cast<double>(events) / static_cast<double>(delivered);
}

#define CHOREO_BROKER_BENCH(kind)       \
  BENCHMARK_TEMPLATE(BM_Broker, kind)   \
      ->ArgNames({"faults", "burst"})   \
      ->ArgsProduct({{0, 1}, {1, 100}}) \
      ->Unit(benchmark::kMillisecond)

CHOREO_BROKER_BENCH(Kind::kNats);
CHOREO_BROKER_BENCH(Kind::kSqs);
CHOREO_BROKER_BENCH(Kind::kSqsFifo);
CHOREO_BROKER_BENCH(Kind::kKafka);

}  // namespace
}  // namespace choreo::brokers

BENCHMARK_MAIN();
