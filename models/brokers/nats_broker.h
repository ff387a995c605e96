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
//  - A partition stalls the connection, it does not break it (nats_stall.cc):
//    the server keeps writing; copies fill the socket buffers up to
//    `socket_buffer` bytes, then the server holds them. At the heal all of
//    them arrive, in order. The server closes the connection first if its
//    blocked write passes `write_deadline`, if what it holds passes
//    `max_pending` bytes (both: what it held is lost, slow-consumer), or at
//    its (max_pings_out + 1)-th ping tick of the partition (the socket
//    buffers are lost too). After a close, copies are lost (disconnected)
//    until the client is back.
//  - Reconnect: the client notices a close at the heal (write deadline,
//    max pending), or at once (pings, a `disconnect` fault, which is the
//    instant case); it retries every `reconnect_wait` (+ uniform jitter) from
//    then and is back at the first retry after the fault ends. Messages
//    already pending in the client survive a cut but not a crash (lost:
//    crash). A restarted worker connects at once.
//
// Not modelled: the server's ping tick skipped after recent traffic, TCP's
// own retransmission timeout, the byte pending limit of the client, the
// publisher's reconnect buffer.
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
  // Bytes the kernel takes on a stalled connection before the server's write
  // blocks (the server's send buffer; Linux autotunes it between tcp_wmem's
  // 16 KiB default and 4 MiB). 72,000 is what a real nats-server 2.9.10
  // wrote into a cut connection on Linux defaults (docs/semantics.md, "What
  // we saw on loopback"): a measurement, not a constant of NATS.
  std::uint64_t socket_buffer = 72'000;
  // Microseconds a blocked write may last before the server closes the
  // connection as a slow consumer: write_deadline, DEFAULT_FLUSH_DEADLINE
  // (nats-server v2.9.10 server/const.go).
  sim::Time write_deadline = 10 * sim::kSecond;
  // Bytes the server may hold for one client before closing it as a slow
  // consumer: max_pending, MAX_PENDING_SIZE = 64 MiB (same file).
  std::uint64_t max_pending = std::uint64_t{64} << 20;
  // Microseconds between the server's pings: ping_interval,
  // DEFAULT_PING_INTERVAL = 2 min (same file).
  sim::Time ping_interval = 2 * sim::kMinute;
  // Unanswered pings after which the next tick closes the connection:
  // max_pings_out, DEFAULT_PING_MAX_OUT = 2 (same file).
  std::uint32_t max_pings_out = 2;

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
    bool connected = true;       // the server writes to it
    std::uint32_t conn = 0;      // bumped whenever the connection breaks
    sim::Time connected_at = 0;  // the server's ping ticks count from here
    sim::Time noticed_at = 0;    // the client saw its connection break: retries count from here
    // A stalled connection (nats_stall.cc): copies in the socket buffers,
    // then copies the server holds once its write blocked.
    Ring socket;
    std::uint64_t socket_bytes = 0;
    Ring held;
    std::uint64_t held_bytes = 0;
    sim::Time blocked_at = sim::kForever;  // when the write blocked
    sim::Time ping_close_at = sim::kForever;
  };
  enum Kind : std::uint16_t { kArrive = kFirstKind, kReconnect, kWriteDeadline, kPingCheck };

  void on_subscribe(SubscriptionId sub) override;
  void on_server_event(const sim::Event& e) override;
  void on_worker_event(SubscriptionId sub, std::uint32_t worker, const sim::Event& e) override;
  void on_worker_crash(SubscriptionId sub, std::uint32_t worker) override;
  void on_worker_restart(SubscriptionId sub, std::uint32_t worker) override;
  void on_partition(SubscriptionId sub, bool cut) override;
  void on_disconnect(SubscriptionId sub) override;
  std::string_view broker_event_name(std::uint16_t kind) const override;
  std::string_view worker_event_name(std::uint16_t kind) const override;

  void route(SubscriptionId sub, const Envelope& env);
  int pick(SubscriptionId sub);
  void send_copy(SubscriptionId sub, std::uint32_t worker, const Envelope& env);
  void arrive(std::uint32_t copy);
  void start(SubscriptionId sub, std::uint32_t worker, std::uint32_t copy);
  void finish(SubscriptionId sub, std::uint32_t worker);
  void deliver(SubscriptionId sub, std::uint32_t worker, std::uint32_t copy);
  void reconnect(SubscriptionId sub, std::uint32_t worker);
  void schedule_reconnect(SubscriptionId sub, std::uint32_t worker);
  bool connected(SubscriptionId sub, std::uint32_t worker) const {
    return workers_[sub][worker].connected && up(sub, worker);
  }
  // The stalled connection (nats_stall.cc).
  void stall(SubscriptionId sub, std::uint32_t worker);
  void stalled_arrive(SubscriptionId sub, std::uint32_t worker, std::uint32_t copy);
  void heal(SubscriptionId sub, std::uint32_t worker);
  void check_write_deadline(SubscriptionId sub, std::uint32_t worker);
  void check_pings(SubscriptionId sub, std::uint32_t worker);
  enum class Close { kSlowConsumer, kStale };
  // The server closes the connection; kStale also closes the client's end.
  void close(SubscriptionId sub, std::uint32_t worker, Close why);
  void drain(Ring& ring, std::uint64_t& bytes, SubscriptionId sub, std::uint32_t worker, LossReason why);

  NatsOptions options_;
  Slab<Copy> copies_;
  std::vector<std::vector<Worker>> workers_;  // [sub][worker]
  // Last arrival time per path, pack_halves(publisher + 1, worker node), only
  // when the delay is random: keeps each path FIFO. Looked up, never iterated.
  std::unordered_map<std::uint64_t, sim::Time> path_time_;
};

}  // namespace choreo::brokers
