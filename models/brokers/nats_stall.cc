// NATS under a partition: a stalled connection and how the server detects
// it. See nats_broker.h and docs/semantics.md ("NATS (core)", "What we saw
// on loopback"). Not reconnects (nats_broker.cc).
//
// Invariants: a worker's `socket` and `held` rings are empty outside a cut
// and while it is down (a crash loses them);
// everything in `socket` precedes everything in `held` in arrival order, and
// `held` is non-empty only once `blocked_at` is set. A close bumps `conn`,
// so copies still in transit to the old connection are lost on arrival.
#include <algorithm>
#include <cassert>

#include "models/brokers/nats_broker.h"
#include "sim/pack.h"

namespace choreo::brokers {

void NatsBroker::on_partition(SubscriptionId sub, bool cut) {
  for (std::uint32_t w = 0; w < subs_[sub].workers; ++w) {
    if (cut) {
      stall(sub, w);
    } else {
      heal(sub, w);
    }
  }
}

// A disconnect breaks the connections at once: both ends know.
void NatsBroker::on_disconnect(SubscriptionId sub) {
  for (std::uint32_t w = 0; w < subs_[sub].workers; ++w) {
    if (workers_[sub][w].connected) close(sub, w, Close::kStale);
  }
}

// The server's pings keep ticking every ping_interval from the connect; the
// ones sent into the cut go unanswered, and the tick that finds
// max_pings_out of them outstanding closes the connection.
void NatsBroker::stall(SubscriptionId sub, std::uint32_t worker) {
  Worker& w = workers_[sub][worker];
  if (!w.connected) return;
  const sim::Time every = options_.ping_interval;
  const sim::Time since = sim_.now() - w.connected_at;
  const sim::Time first_tick = w.connected_at + (since + every - 1) / every * every;
  w.ping_close_at = first_tick + static_cast<sim::Time>(options_.max_pings_out) * every;
  sim_.send_at(w.ping_close_at, server_, kPingCheck, sim::pack_halves(sub, worker));
}

// Into the socket buffers while they take it; from the first copy that does
// not fit, the write blocks and the server holds everything after it.
void NatsBroker::stalled_arrive(SubscriptionId sub, std::uint32_t worker, std::uint32_t i) {
  Worker& w = workers_[sub][worker];
  const std::uint64_t size = copies_[i].env.msg.bytes;
  if (w.blocked_at == sim::kForever && w.socket_bytes + size <= options_.socket_buffer) {
    w.socket.push(i);
    w.socket_bytes += size;
    return;
  }
  if (w.blocked_at == sim::kForever) {
    w.blocked_at = sim_.now();
    sim_.send_at(w.blocked_at + options_.write_deadline, server_, kWriteDeadline,
                 sim::pack_halves(sub, worker));
  }
  w.held.push(i);
  w.held_bytes += size;
  if (w.held_bytes > options_.max_pending) close(sub, worker, Close::kSlowConsumer);
}

void NatsBroker::check_write_deadline(SubscriptionId sub, std::uint32_t worker) {
  const Worker& w = workers_[sub][worker];
  if (w.connected && w.blocked_at != sim::kForever && sim_.now() == w.blocked_at + options_.write_deadline) {
    close(sub, worker, Close::kSlowConsumer);
  }
}

void NatsBroker::check_pings(SubscriptionId sub, std::uint32_t worker) {
  const Worker& w = workers_[sub][worker];
  if (w.connected && subs_[sub].partitioned > 0 && sim_.now() == w.ping_close_at) {
    close(sub, worker, Close::kStale);
  }
}

// What the server held is lost. A slow-consumer close leaves the socket
// buffers to arrive at the heal, before the client sees the close; a stale
// one (pings, a disconnect) closes the client's end too, now.
void NatsBroker::close(SubscriptionId sub, std::uint32_t worker, Close why) {
  Worker& w = workers_[sub][worker];
  assert(w.connected);
  sim_.note(subs_[sub].first + worker, why == Close::kStale ? "stale-connection" : "slow-consumer-close");
  w.connected = false;
  ++w.conn;
  drain(w.held, w.held_bytes, sub, worker, LossReason::kSlowConsumer);
  w.blocked_at = w.ping_close_at = sim::kForever;
  w.noticed_at = sim::kForever;  // a slow-consumer close: the client sees it at the heal
  if (why == Close::kStale) {
    drain(w.socket, w.socket_bytes, sub, worker, LossReason::kDisconnected);
    w.noticed_at = sim_.now();
  }
}

void NatsBroker::drain(Ring& ring, std::uint64_t& bytes, SubscriptionId sub, std::uint32_t worker,
                       LossReason why) {
  while (!ring.empty()) {
    const std::uint32_t i = ring.pop();
    lose(copies_[i].env.topic, copies_[i].env, why, subs_[sub].first + worker);
    copies_.release(i);
  }
  bytes = 0;
}

// The socket buffers arrive first, then what the server held, in order. A
// client whose connection was closed learns it now (after the socket
// buffers) or learnt it at the close, and retries from then.
void NatsBroker::heal(SubscriptionId sub, std::uint32_t worker) {
  Worker& w = workers_[sub][worker];
  for (Ring* ring : {&w.socket, &w.held}) {
    while (!ring->empty()) deliver(sub, worker, ring->pop());
  }
  w.socket_bytes = w.held_bytes = 0;
  w.blocked_at = w.ping_close_at = sim::kForever;
  if (w.connected) return;
  if (w.noticed_at == sim::kForever) w.noticed_at = sim_.now();
  schedule_reconnect(sub, worker);
}

}  // namespace choreo::brokers
