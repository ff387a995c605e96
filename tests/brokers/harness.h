// Test fixtures for the broker tests: a handler that records every delivery
// (and fails on demand), a publisher node that publishes on a schedule,
// brokers built from scenario keys as `choreo run` builds them, and the
// determinism runs whose trace hashes the tests compare. Not a test by
// itself.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "models/brokers/broker.h"
#include "models/brokers/broker_settings.h"
#include "sim/simulation.h"

namespace choreo::brokers::testing {

struct Delivery {
  Message msg;
  DeliveryInfo info;
};

// Records deliveries; handle() fails when `fail` says so.
class Recorder : public Handler {
 public:
  bool handle(const Message& m, const DeliveryInfo& info) override {
    log.push_back({m, info});
    return !fail || !fail(m, info);
  }
  void on_worker_crash(std::uint32_t worker) override { crashed.push_back(worker); }
  void on_worker_restart(std::uint32_t worker) override { restarted.push_back(worker); }

  std::vector<std::uint64_t> ids() const {
    std::vector<std::uint64_t> out;
    for (const auto& d : log) out.push_back(d.msg.id);
    return out;
  }
  std::set<std::uint64_t> distinct_ids() const {
    std::set<std::uint64_t> out;
    for (const auto& d : log) out.insert(d.msg.id);
    return out;
  }
  std::size_t count(std::uint64_t id) const {
    std::size_t n = 0;
    for (const auto& d : log) n += d.msg.id == id ? 1 : 0;
    return n;
  }

  std::function<bool(const Message&, const DeliveryInfo&)> fail;
  std::vector<Delivery> log;
  std::vector<std::uint32_t> crashed;
  std::vector<std::uint32_t> restarted;
};

// Publishes message ids first, first+1, ... on `topic`, one every `period`
// starting at `start`, `count` in all; key = id % keys (keys > 0).
class Publisher : public sim::Node {
 public:
  struct Plan {
    TopicId topic = 0;
    std::uint64_t first_id = 1;
    std::uint64_t count = 0;
    sim::Time start = 0;
    sim::Time period = sim::kMillisecond;
    std::uint64_t keys = 1;
    std::uint32_t bytes = 100;
  };
  Publisher(std::string name, Broker& broker, Plan plan)
      : Node(std::move(name)), broker_(broker), plan_(plan) {}

  // REQUIRES: added to the simulation.
  void start() {
    if (plan_.count > 0) sim().timer(id(), plan_.start - sim().now(), 0, 0);
  }
  void on_event(const sim::Event&) override {
    const std::uint64_t id_ = plan_.first_id + sent_;
    Message m;
    m.id = id_;
    m.key = id_ % plan_.keys;
    m.bytes = plan_.bytes;
    broker_.publish(plan_.topic, id(), m);
    if (++sent_ < plan_.count) sim().timer(id(), plan_.period, 0, 0);
  }
  std::uint64_t sent() const { return sent_; }

 private:
  Broker& broker_;
  Plan plan_;
  std::uint64_t sent_ = 0;
};

inline Publisher& add_publisher(sim::Simulation& sim, Broker& broker, const std::string& name,
                                Publisher::Plan plan) {
  auto& p = sim.add<Publisher>(name, broker, plan);
  p.start();
  return p;
}

// Broker settings from scenario keys given as `--set` overrides
// ("broker.kind=sqs", "broker.loss=1%", "fault.cut.kind=partition"), checked
// as a scenario file is. Bad keys are a bug in the test: it stops with the
// message.
inline BrokerSettings settings_from(const std::vector<std::string>& overrides) {
  sim::ConfigSchema schema;
  declare(schema);
  auto config = sim::resolve_config(sim::RawConfig{}, overrides, schema);
  auto settings = config ? broker_settings(*config) : sim::Result<BrokerSettings>(config.error());
  if (!settings) {
    std::cerr << "bad broker keys in a test: " << settings.error().message << "\n";
    std::abort();
  }
  return *settings;
}

// The broker of table kind `kind` with `overrides`, adding its nodes to `sim`.
inline std::unique_ptr<Broker> make_broker_from(sim::Simulation& sim, std::string_view kind,
                                                std::vector<std::string> overrides = {}) {
  overrides.insert(overrides.begin(), "broker.kind=" + std::string(kind));
  return make_broker(settings_from(overrides), sim);
}

// A determinism run: a broker of `kind` from `overrides`, one subscription
// (service "svc" on topic "t"), and a publisher of `count` records, one
// every `period` over 31 keys, run until `until`.
struct HashedRun {
  std::vector<std::string> overrides;
  SubscribeOptions subscribe;
  std::uint64_t count = 10'000;
  sim::Time period = 10 * sim::kMillisecond;
  sim::Time until = 3 * sim::kMinute;
};
struct HashedOutcome {
  std::uint64_t hash = 0;
  DeliveryCounts totals;  // the broker's, to show the faults fired
};
inline HashedOutcome run_hashed(std::uint64_t seed, std::string_view kind, const HashedRun& run) {
  sim::Simulation sim(seed);
  auto broker = make_broker_from(sim, kind, run.overrides);
  Recorder r;
  broker->subscribe("t", "svc", r, run.subscribe);
  add_publisher(sim, *broker, "pub",
                {.topic = broker->topic("t"), .count = run.count, .period = run.period, .keys = 31});
  sim.run_until(run.until);
  return {sim.trace_hash(), broker->stats().total()};
}

}  // namespace choreo::brokers::testing
