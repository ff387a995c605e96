// The core NATS model; see nats_broker.h.
#include "models/brokers/nats_broker.h"

#include <algorithm>
#include <cassert>
#include <iterator>

#include "sim/pack.h"

namespace choreo::brokers {

NatsBroker::NatsBroker(sim::Simulation& sim, const NatsOptions& options, const CommonOptions& common,
                       const FaultPlan& plan)
    : BrokerCore(sim, "nats", common, plan), options_(options) {
  assert(options.pending_limit >= 1 && options.reconnect_wait > 0 && options.ping_interval > 0);
}

void NatsBroker::on_subscribe(SubscriptionId sub) {
  assert(!subs_[sub].rewind_on_restart && "rewind_on_restart is Kafka only: check Broker::kind() first");
  workers_.emplace_back(subs_[sub].workers);
}

void NatsBroker::publish(TopicId t, sim::NodeId publisher, Message message) {
  const Envelope env = stamp(t, publisher, message);
  const auto& subs = topics_[t].subs;
  if (subs.empty()) {
    lose(t, env, LossReason::kNoSubscriber, server_);
    return;
  }
  for (SubscriptionId s : subs) route(s, env);
}

void NatsBroker::route(SubscriptionId sub, const Envelope& env) {
  const int w = pick(sub);
  if (w < 0) {
    lose(env.topic, env, LossReason::kDisconnected, subs_[sub].first);
    return;
  }
  if (dropped(sub, env)) return;
  const auto worker = static_cast<std::uint32_t>(w);
  send_copy(sub, worker, env);
  if (draw_duplicate(subs_[sub].rng)) {
    count_duplicate(env, DuplicateReason::kInjected, sub);
    Envelope twin = env;
    twin.duplicate = true;
    send_copy(sub, worker, twin);
  }
}

// The worker that gets the message: the only one, or a uniformly random
// connected queue-group member; -1 if none is connected.
int NatsBroker::pick(SubscriptionId sub) {
  const std::uint32_t n = subs_[sub].workers;
  if (n == 1) return connected(sub, 0) ? 0 : -1;
  std::uint32_t live = 0;
  for (std::uint32_t w = 0; w < n; ++w) live += connected(sub, w) ? 1 : 0;
  if (live == 0) return -1;
  auto k = sim::uniform_int(subs_[sub].rng, live);
  for (std::uint32_t w = 0; w < n; ++w) {
    if (connected(sub, w) && k-- == 0) return static_cast<int>(w);
  }
  return -1;
}

void NatsBroker::send_copy(SubscriptionId sub, std::uint32_t worker, const Envelope& env) {
  const std::uint32_t i = copies_.acquire();
  Copy& c = copies_[i];
  c.env = env;
  c.sub = sub;
  c.worker = worker;
  c.conn = workers_[sub][worker].conn;
  sim::Time at = sim_.now();
  if (!delay_zero_) {
    at += transit(subs_[sub].rng);
    sim::Time& last = path_time_[sim::pack_halves(env.publisher + 1u, subs_[sub].first + worker)];
    at = std::max(at, last);
    last = at;
  }
  sim_.send_at(at, server_, kArrive, i);
}

std::string_view NatsBroker::broker_event_name(std::uint16_t kind) const {
  static constexpr std::string_view kNames[] = {"arrive", "reconnect", "write-deadline", "ping-check"};
  const std::size_t i = kind - kFirstKind;
  return i < std::size(kNames) ? kNames[i] : "unknown";
}

std::string_view NatsBroker::worker_event_name(std::uint16_t kind) const {
  static constexpr std::string_view kNames[] = {"done"};
  return kind < std::size(kNames) ? kNames[kind] : "unknown";
}

void NatsBroker::on_server_event(const sim::Event& e) {
  if (e.kind == kArrive) {
    arrive(static_cast<std::uint32_t>(e.arg));
    return;
  }
  const auto [sub, worker] = sim::unpack_halves(e.arg);
  switch (e.kind) {
    case kReconnect:
      reconnect(sub, worker);
      break;
    case kWriteDeadline:
      check_write_deadline(sub, worker);
      break;
    case kPingCheck:
      check_pings(sub, worker);
      break;
    default:
      assert(false && "unknown NATS event");
  }
}

void NatsBroker::arrive(std::uint32_t i) {
  const Copy& c = copies_[i];
  const SubscriptionId sub = c.sub;
  const std::uint32_t worker = c.worker;
  const Worker& w = workers_[sub][worker];
  if (!up(sub, worker) || !w.connected || w.conn != c.conn) {
    lose(c.env.topic, c.env, LossReason::kDisconnected, subs_[sub].first + worker);
    copies_.release(i);
  } else if (subs_[sub].partitioned > 0) {
    stalled_arrive(sub, worker, i);
  } else {
    deliver(sub, worker, i);
  }
}

// The copy reaches the client: into the handler, or its pending queue.
void NatsBroker::deliver(SubscriptionId sub, std::uint32_t worker, std::uint32_t i) {
  const Copy& c = copies_[i];
  Worker& w = workers_[sub][worker];
  if (!w.busy) {
    if (processing_zero_) {
      const Envelope env = c.env;  // the handler may publish and grow the slab
      copies_.release(i);
      if (tracing()) trace_deliver(sub, worker, env);
      process(sub, worker, env, DeliveryInfo{});
    } else {
      start(sub, worker, i);
    }
  } else if (w.pending.size() >= options_.pending_limit) {
    lose(c.env.topic, c.env, LossReason::kSlowConsumer, subs_[sub].first + worker);
    copies_.release(i);
  } else {
    w.pending.push(i);
  }
}

void NatsBroker::start(SubscriptionId sub, std::uint32_t worker, std::uint32_t copy) {
  Worker& w = workers_[sub][worker];
  w.busy = true;
  w.current = copy;
  if (tracing()) trace_deliver(sub, worker, copies_[copy].env);
  sim_.timer(subs_[sub].first + worker, processing_time(sub), 0, copy);
}

void NatsBroker::on_worker_event(SubscriptionId sub, std::uint32_t worker, const sim::Event&) {
  finish(sub, worker);
}

void NatsBroker::finish(SubscriptionId sub, std::uint32_t worker) {
  Worker& w = workers_[sub][worker];
  assert(w.busy);
  const Envelope env = copies_[w.current].env;
  copies_.release(w.current);
  w.busy = false;
  process(sub, worker, env, DeliveryInfo{});
  Worker& again = workers_[sub][worker];
  if (!again.busy && !again.pending.empty()) start(sub, worker, again.pending.pop());
}

void NatsBroker::on_worker_crash(SubscriptionId sub, std::uint32_t worker) {
  Worker& w = workers_[sub][worker];
  w.connected = false;
  ++w.conn;
  w.noticed_at = sim_.now();
  drain(w.socket, w.socket_bytes, sub, worker, LossReason::kCrash);
  drain(w.held, w.held_bytes, sub, worker, LossReason::kCrash);
  const sim::NodeId node = subs_[sub].first + worker;
  if (w.busy) {
    lose(copies_[w.current].env.topic, copies_[w.current].env, LossReason::kCrash, node);
    copies_.release(w.current);
    w.busy = false;
  }
  while (!w.pending.empty()) {
    const std::uint32_t i = w.pending.pop();
    lose(copies_[i].env.topic, copies_[i].env, LossReason::kCrash, node);
    copies_.release(i);
  }
}

// A worker restarted inside a cut cannot connect: it tries from now on.
void NatsBroker::on_worker_restart(SubscriptionId sub, std::uint32_t worker) {
  Worker& w = workers_[sub][worker];
  w.connected = subs_[sub].partitioned == 0;
  w.connected_at = w.noticed_at = sim_.now();
}

// Retries run at noticed + k * wait (k >= 1): the first one after the heal
// wins.
void NatsBroker::schedule_reconnect(SubscriptionId sub, std::uint32_t worker) {
  const sim::Time wait = options_.reconnect_wait;
  const sim::Time noticed = workers_[sub][worker].noticed_at;
  const sim::Time k = std::max<sim::Time>(1, (sim_.now() - noticed + wait - 1) / wait);
  const sim::Time jitter =
      options_.reconnect_jitter > 0 ? sim::uniform_int(subs_[sub].rng, 0, options_.reconnect_jitter) : 0;
  sim_.send_at(noticed + k * wait + jitter, server_, kReconnect, sim::pack_halves(sub, worker));
}

void NatsBroker::reconnect(SubscriptionId sub, std::uint32_t worker) {
  Worker& w = workers_[sub][worker];
  if (w.connected || subs_[sub].partitioned > 0 || !up(sub, worker)) return;
  w.connected = true;
  w.connected_at = sim_.now();
  sim_.note(subs_[sub].first + worker, "reconnect");
}

}  // namespace choreo::brokers
