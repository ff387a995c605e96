// The SQS model's queues, receives and deletes; see sqs_broker.h.
#include "models/brokers/sqs_broker.h"

#include <cassert>
#include <iterator>

#include "sim/pack.h"

namespace choreo::brokers {

SqsBroker::SqsBroker(sim::Simulation& sim, const SqsOptions& options, const CommonOptions& common,
                     const FaultPlan& plan)
    : BrokerCore(sim, options.fifo ? "sqs-fifo" : "sqs", common, plan), options_(options) {
  assert(options.batch_size >= 1 && options.batch_size <= 10 && options.concurrency >= 1);
  assert(options.heartbeat_period > 0 && options.receive_error_backoff > 0);
  assert(options.servers >= 1 && options.sampled_servers >= 1 && options.sampled_servers <= options.servers);
}

void SqsBroker::on_subscribe(SubscriptionId sub) {
  assert(!subs_[sub].rewind_on_restart && "rewind_on_restart is Kafka only: check Broker::kind() first");
  // A long poll queries every server; a short poll (wait_time 0) samples.
  queues_.emplace_back(options_.fifo, options_.order, options_.servers,
                       options_.wait_time > 0 ? options_.servers : options_.sampled_servers);
  workers_.emplace_back(subs_[sub].workers);
  const std::uint32_t handlers = options_.fifo ? 1 : options_.concurrency;
  for (std::uint32_t w = 0; w < subs_[sub].workers; ++w) {
    workers_[sub][w].handling.resize(handlers);
    workers_[sub][w].busy.resize(handlers);
    request_receive(sub, w);
  }
}

void SqsBroker::publish(TopicId t, sim::NodeId publisher, Message message) {
  const Envelope env = stamp(t, publisher, message);
  send(env);
  if (draw_duplicate(topics_[t].rng)) {
    count_duplicate(env, DuplicateReason::kInjected);
    Envelope twin = env;
    twin.duplicate = true;
    send(twin);
  }
}

void SqsBroker::send(const Envelope& env) {
  if (options_.fifo && deduplicated(env)) return;
  const auto& subs = topics_[env.topic].subs;
  if (subs.empty()) lose(env.topic, env, LossReason::kNoSubscriber, server_);
  for (SubscriptionId s : subs) {
    if (!dropped(s, env)) enqueue(s, env);
  }
}

// FIFO: a send whose id was seen inside the window is accepted and dropped.
bool SqsBroker::deduplicated(const Envelope& env) {
  if (dedup_.size() <= env.topic) dedup_.resize(env.topic + 1);
  Dedup& d = dedup_[env.topic];
  const sim::Time now = sim_.now();
  while (!d.expiry.empty() && d.expiry.front().first <= now) {
    const auto it = d.until.find(d.expiry.front().second);
    if (it != d.until.end() && it->second <= now) d.until.erase(it);
    d.expiry.pop_front();
  }
  const auto it = d.until.find(env.msg.id);
  if (it != d.until.end()) {
    ++stats_.topic(env.topic).deduplicated;
    sim_.fold_note(server_, "deduplicated", {{"seq", static_cast<std::int64_t>(env.seq)}});
    if (tracing()) trace_copy("deduplicated", server_, env, {.reason = "fifo-dedup-window"});
    return true;
  }
  d.until.emplace(env.msg.id, now + options_.dedup_window);
  d.expiry.emplace_back(now + options_.dedup_window, env.msg.id);
  return false;
}

void SqsBroker::enqueue(SubscriptionId sub, const Envelope& env) {
  const std::uint32_t i = slots_.acquire_with(env);
  slots_[i].sub = sub;
  Queue& q = queues_[sub];
  while (!q.by_age.empty() && slots_.generation(q.by_age[0].first) != q.by_age[0].second) {
    q.by_age.pop_front(1);
  }
  q.by_age.push_back({i, slots_.generation(i)});
  if (!q.sweep_armed) arm_sweep(sub);
  const sim::Time at = sim_.now() + transit(subs_[sub].rng) + options_.delay;
  sim_.send_at(at, server_, kEnqueue, sim::pack_halves(slots_.generation(i), i));
}

void SqsBroker::make_visible(std::uint32_t i, bool returning) {
  Slot& s = slots_[i];
  s.state = State::kVisible;
  if (options_.fifo) {
    queues_[s.sub].store.fifo_put(s.env.msg.key, i, s.env.seq, returning);
  } else {
    queues_[s.sub].store.add_visible(i, s.env.seq);
  }
  serve(s.sub);
}

// Removes a message for good (deleted, dead-lettered or expired).
void SqsBroker::forget(std::uint32_t i) {
  Slot& s = slots_[i];
  Queue& q = queues_[s.sub];
  if (s.state == State::kInFlight && options_.fifo) q.store.fifo_done(s.env.msg.key);
  if (s.state == State::kVisible) {
    if (options_.fifo) {
      q.store.fifo_remove(s.env.msg.key, i);
    } else {
      q.store.remove_visible(i, s.env.seq);
    }
  }
  const SubscriptionId sub = s.sub;
  s.state = State::kFree;  // timers still pointing here find it dead
  slots_.release(i);
  if (options_.fifo) serve(sub);
}

std::string_view SqsBroker::broker_event_name(std::uint16_t kind) const {
  static constexpr std::string_view kNames[] = {"enqueue",         "visibility-expire",
                                                "retention-sweep", "visibility-expire-last",
                                                "visibility-due",  "poll-expire"};
  const std::size_t i = kind - kFirstKind;
  return i < std::size(kNames) ? kNames[i] : "unknown";
}

std::string_view SqsBroker::worker_event_name(std::uint16_t kind) const {
  static constexpr std::string_view kNames[] = {"done", "poll", "heartbeat"};
  return kind < std::size(kNames) ? kNames[kind] : "unknown";
}

void SqsBroker::on_server_event(const sim::Event& e) {
  switch (e.kind) {
    case kEnqueue: {
      const auto [gen, slot] = sim::unpack_halves(e.arg);
      if (slots_.generation(slot) == gen) make_visible(slot, false);
      break;
    }
    case kExpire:
    case kExpireLast: {
      const auto [receipt, slot] = sim::unpack_halves(e.arg);
      expire(slot, receipt, e.kind == kExpireLast);
      break;
    }
    case kSweep:
      sweep(static_cast<SubscriptionId>(e.arg));
      break;
    case kReceiptsDue:
      receipts_due(static_cast<SubscriptionId>(e.arg));
      break;
    case kWaitersDue:
      waiters_due(static_cast<SubscriptionId>(e.arg));
      break;
    default:
      assert(false && "unknown sqs event");
  }
}

// Hands visible messages to waiting pollers, oldest poll first.
void SqsBroker::serve(SubscriptionId sub) {
  Queue& q = queues_[sub];
  while (!q.waiters.empty() && q.store.has_visible()) {
    const std::uint32_t worker = q.waiters[0].worker;
    if (take_waiter(sub)) receive(sub, worker);
  }
}

bool SqsBroker::take_waiter(SubscriptionId sub) {
  Queue& q = queues_[sub];
  const Waiter x = q.waiters[0];
  q.waiters.pop_front(1);
  Worker& w = workers_[sub][x.worker];
  if (!up(sub, x.worker) || !w.waiting || w.poll_gen != x.poll_gen) return false;
  w.waiting = false;
  return true;
}

void SqsBroker::poll(SubscriptionId sub, std::uint32_t worker) {
  Worker& w = workers_[sub][worker];
  const sim::NodeId node = subs_[sub].first + worker;
  if (subs_[sub].partitioned > 0) {
    sim_.timer(node, options_.receive_error_backoff, kPollRetry, w.epoch);
  } else if (queues_[sub].store.has_visible()) {
    receive(sub, worker);
  } else {
    // Long poll: waits up to wait_time. Short poll (0): empty receives
    // repeated until something is visible, modelled as one wait.
    w.waiting = true;
    ++w.poll_gen;
    const bool expires = options_.wait_time > 0;
    queues_[sub].waiters.push_back(
        {worker, w.poll_gen, expires ? sim_.now() + options_.wait_time : kNoExpiry});
    if (expires) arm(sub, queues_[sub].waiters, queues_[sub].poll_armed, kWaitersDue);
  }
}

// The long polls that waited wait_time for nothing poll again.
void SqsBroker::waiters_due(SubscriptionId sub) {
  Queue& q = queues_[sub];
  // Stays set while the due waiters poll again, so that their new waits
  // set no timer: the next is set for the first waiter once they are out.
  q.poll_armed = true;
  while (!q.waiters.empty() && q.waiters[0].due <= sim_.now()) {
    const std::uint32_t worker = q.waiters[0].worker;
    if (take_waiter(sub)) poll(sub, worker);
  }
  q.poll_armed = false;
  arm(sub, q.waiters, q.poll_armed, kWaitersDue);
}

}  // namespace choreo::brokers
