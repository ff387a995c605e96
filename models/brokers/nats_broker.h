// A model of core NATS: at most once, no acks, no storage, no retries. The
// real behaviour, defaults and sources: docs/semantics.md, "NATS (core)".
//
//  - A message reaches each subscription whose chosen worker is connected at
//    publish time; in flight it is lost if that connection breaks. A topic
//    with no subscription discards it (lost: no-subscriber).
//  - Order is kept per publisher per subscriber: the transit delay of each
//    copy is made FIFO per (publisher, worker) path, as TCP does; drops leave
//    gaps, never reorder. Nothing is promised across publishers.
//  - A subscription with several workers is a queue group: each message goes
//    to one connected member chosen with the subscription's RNG stream.
//  - Slow consumer: each worker holds at most `pending_limit` messages not yet
//    handed to its handler; over it the newest is dropped (tail drop, as
//    nats.go does) and counted as slow-consumer.
//  - Reconnect: a partition cuts the connection; the client retries every
//    `reconnect_wait` (+ uniform jitter) from the cut, and is back at the
//    first retry after the partition ends. Everything published meanwhile is
//    lost for it. Messages already pending in the client survive a cut but
//    not a crash (lost: crash). A restarted worker connects at once.
//
// Not modelled: the server-side slow-consumer disconnect (write_deadline,
// max_pending), the byte pending limit, the publisher's reconnect buffer.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "models/brokers/broker_core.h"
#include "models/brokers/slab.h"
#include "sim/config.h"
#include "sim/config_schema.h"

namespace choreo::brokers {

struct NatsOptions {
  // Messages a worker may hold pending before tail drop: nats.go
  // DefaultSubPendingMsgsLimit up to v1.10 and the NATS docs
  // (slow_consumers.md); later clients use 524,288 (v1.11) and 500,000 (v1.44).
  std::uint32_t pending_limit = 65'536;
  // Wait between reconnect attempts, microseconds: nats.go ReconnectWait
  // (nats.go@850f889:nats.go:53-67).
  sim::Time reconnect_wait = 2 * sim::kSecond;
  // Extra uniform random wait added to each reconnect, microseconds: nats.go
  // ReconnectJitter without TLS (same source).
  sim::Time reconnect_jitter = 100 * sim::kMillisecond;

  bool operator==(const NatsOptions&) const = default;
};

// The [nats] scenario keys, and NatsOptions from a Config checked against
// them (nats_keys.cc).
void declare_nats_keys(sim::ConfigSchema& schema);
NatsOptions nats_options(const sim::Config& config);

class NatsBroker final : public BrokerCore {
 public:
  NatsBroker(sim::Simulation& sim, const NatsOptions& options, const CommonOptions& common,
             const FaultPlan& plan);

  using Broker::publish;
  void publish(TopicId topic, sim::NodeId publisher, Message message) override;

 private:
  struct Copy {
    Envelope env;
    SubscriptionId sub = 0;
    std::uint32_t worker = 0;
    std::uint32_t conn = 0;  // the worker's connection epoch when sent
  };
  struct Worker {
    Ring pending;
    std::uint32_t current = 0;
    bool busy = false;
    bool connected = true;
    std::uint32_t conn = 0;  // bumped whenever the connection breaks
  };
  enum Kind : std::uint16_t { kArrive = kFirstKind, kReconnect };

  void on_subscribe(SubscriptionId sub) override;
  void on_server_event(const sim::Event& e) override;
  void on_worker_event(SubscriptionId sub, std::uint32_t worker, const sim::Event& e) override;
  void on_worker_crash(SubscriptionId sub, std::uint32_t worker) override;
  void on_worker_restart(SubscriptionId sub, std::uint32_t worker) override;
  void on_partition(SubscriptionId sub, bool cut) override;
  std::string_view broker_event_name(std::uint16_t kind) const override;
  std::string_view worker_event_name(std::uint16_t kind) const override;

  void route(SubscriptionId sub, const Envelope& env);
  int pick(SubscriptionId sub);
  void send_copy(SubscriptionId sub, std::uint32_t worker, const Envelope& env);
  void arrive(std::uint32_t copy);
  void start(SubscriptionId sub, std::uint32_t worker, std::uint32_t copy);
  void finish(SubscriptionId sub, std::uint32_t worker);
  void reconnect(SubscriptionId sub, std::uint32_t worker);
  bool connected(SubscriptionId sub, std::uint32_t worker) const {
    return workers_[sub][worker].connected && subs_[sub].partitioned == 0 && up(sub, worker);
  }

  NatsOptions options_;
  Slab<Copy> copies_;
  std::vector<std::vector<Worker>> workers_;  // [sub][worker]
  std::vector<sim::Time> cut_at_;             // [sub]: when its current partition began
  // Last arrival time per path, pack_halves(publisher + 1, worker node), only
  // when the delay is random: keeps each path FIFO. Looked up, never iterated.
  std::unordered_map<std::uint64_t, sim::Time> path_time_;
};

}  // namespace choreo::brokers
