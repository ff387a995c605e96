// The SQS model's consumer side: receives, processing, deletes, visibility
// timeouts, heartbeats and retention; see sqs_broker.h.
#include <algorithm>
#include <cassert>

#include "models/brokers/sqs_broker.h"
#include "sim/pack.h"

namespace choreo::brokers {

// One ReceiveMessage: up to batch_size messages, queued for the handlers.
void SqsBroker::receive(SubscriptionId sub, std::uint32_t worker) {
  Worker& w = workers_[sub][worker];
  Queue& q = queues_[sub];
  w.receiving = false;
  const std::uint32_t batch = ++w.next_batch;
  const std::size_t before = w.queued.size();
  if (options_.fifo) {
    while (w.queued.size() == before && q.store.has_visible()) {
      q.store.fifo_take(options_.batch_size, taken_);
      for (const auto& [group, slot] : taken_) {
        slots_[slot].state = State::kInFlight;
        admit(sub, worker, slot, batch);
      }
    }
  } else {
    q.store.begin_receive(subs_[sub].rng);
    while (w.queued.size() - before < options_.batch_size && q.store.can_take()) {
      const std::uint32_t slot = q.store.take(subs_[sub].rng);
      slots_[slot].state = State::kInFlight;
      admit(sub, worker, slot, batch, q.store.passed_older());
    }
  }
  if (w.queued.size() == before) {
    w.receiving = true;
    if (!options_.fifo && q.store.has_visible() && !q.store.can_take()) {
      // A short poll whose sampled servers hold nothing visible comes back
      // empty; the consumer polls again at once (its round trip is not modelled).
      sim_.timer(subs_[sub].first + worker, 0, kPollRetry, w.epoch);
      return;
    }
    poll(sub, worker);
    return;
  }
  if (options_.heartbeat) {
    sim_.timer(subs_[sub].first + worker, options_.heartbeat_period, kHeartbeat,
               sim::pack_halves(w.epoch, batch));
  }
  dispatch(sub, worker);
}

// A message taken for a receive: expired, dead-lettered, or into the batch.
bool SqsBroker::admit(SubscriptionId sub, std::uint32_t worker, std::uint32_t i, std::uint32_t batch,
                      bool sampled) {
  Slot& s = slots_[i];
  const sim::NodeId node = subs_[sub].first + worker;
  if (sim_.now() - s.env.msg.published_at >= options_.retention) {
    lose(s.env.topic, s.env, LossReason::kRetention, node);
    forget(i);
    return false;
  }
  if (options_.max_receive_count > 0 && s.receive_count >= options_.max_receive_count) {
    ++stats_.topic(s.env.topic).dead_lettered;
    sim_.fold_note(node, "dead-letter", {{"seq", static_cast<std::int64_t>(s.env.seq)}});
    if (tracing()) {
      trace_copy("dead-letter", node, s.env,
                 {.sub = sub,
                  .worker = static_cast<int>(worker),
                  .attempt = s.receive_count,
                  .reason = "max-receive-count"});
    }
    forget(i);
    return false;
  }
  ++s.receive_count;
  if (tracing()) trace_deliver(sub, worker, s.env, s.receive_count, sampled ? "short-poll-sample" : "");
  s.receipt = ++next_receipt_;
  s.deadline = sim_.now() + options_.visibility_timeout;
  watch_receipt(sub, Receipt{i, s.receipt, s.deadline});
  workers_[sub][worker].queued.emplace_back(s.env, i, slots_.generation(i), s.receipt, s.receive_count, batch,
                                            false);
  return true;
}

// Hands queued messages to free handlers in receive order; once the last
// is handed over, the worker receives again (sqsconsumer's receive loop
// blocks only while no handler is free).
void SqsBroker::dispatch(SubscriptionId sub, std::uint32_t worker) {
  Worker& w = workers_[sub][worker];
  while (!w.queued.empty()) {
    const Item& front = w.queued[0];
    if (front.skip) {
      w.queued.pop_front(1);
    } else if (processing_zero_) {
      const Item item = front;  // a copy: processing may receive into w.queued
      w.queued.pop_front(1);
      finish_item(sub, worker, item);
    } else if (w.busy_count < w.busy.size()) {
      const auto h = static_cast<std::uint32_t>(std::find(w.busy.begin(), w.busy.end(), 0) - w.busy.begin());
      w.handling[h] = front;
      w.queued.pop_front(1);
      w.busy[h] = 1;
      ++w.busy_count;
      sim_.timer(subs_[sub].first + worker, processing_time(sub), kDone, sim::pack_halves(w.epoch, h));
    } else {
      return;
    }
  }
  request_receive(sub, worker);
}

void SqsBroker::finish_item(SubscriptionId sub, std::uint32_t worker, const Item& item) {
  DeliveryInfo info;
  info.receive_count = item.receive_count;
  info.redelivered = item.receive_count > 1;
  if (process(sub, worker, item.env, info)) {
    erase(sub, item);
  } else if (options_.fifo) {
    Fifo<Item>& queued = workers_[sub][worker].queued;
    for (std::size_t i = 0; i < queued.size(); ++i) {
      Item& later = queued[i];
      if (later.batch == item.batch && later.env.msg.key == item.env.msg.key) later.skip = true;
    }
  }
}

// DeleteMessage with the receipt of the worker's receive.
void SqsBroker::erase(SubscriptionId sub, const Item& item) {
  if (subs_[sub].partitioned > 0 || slots_.generation(item.slot) != item.gen) {
    if (tracing())
      trace_copy("ack", server_, item.env,
                 {.sub = sub,
                  .attempt = item.receive_count,
                  .result = subs_[sub].partitioned > 0 ? "partitioned" : "stale-receipt"});
    return;
  }
  Slot& s = slots_[item.slot];
  if (s.state != State::kInFlight || s.receipt != item.receipt) {  // a stale receipt deletes nothing
    if (tracing())
      trace_copy("ack", server_, item.env,
                 {.sub = sub, .attempt = item.receive_count, .result = "stale-receipt"});
    return;
  }
  if (tracing())
    trace_copy("ack", server_, item.env, {.sub = sub, .attempt = item.receive_count, .result = "deleted"});
  if (!options_.fifo && options_.duplicate_after_delete > 0 &&
      sim::bernoulli(subs_[sub].rng, options_.duplicate_after_delete)) {
    s.env.duplicate = true;  // a copy on another server outlives the delete
    count_duplicate(s.env, DuplicateReason::kAfterDelete, sub);
    s.deadline = sim_.now() + options_.visibility_timeout;
    return;
  }
  forget(item.slot);
  if (options_.fifo) serve(sub);
}

// At the deadline, the check runs once more at the same instant, after every
// event already due then: a heartbeat falling exactly on the expiry wins.
void SqsBroker::expire(std::uint32_t i, std::uint32_t receipt, bool last) {
  Slot& s = slots_[i];
  if (s.state != State::kInFlight || s.receipt != receipt) return;
  if (s.deadline > sim_.now()) {
    sim_.send_at(s.deadline, server_, kExpire, sim::pack_halves(receipt, i));
  } else if (!last) {
    sim_.send_at(sim_.now(), server_, kExpireLast, sim::pack_halves(receipt, i));
  } else {
    if (tracing()) {
      trace_copy("visible-again", server_, s.env,
                 {.sub = s.sub, .attempt = s.receive_count, .reason = "visibility-timeout"});
    }
    make_visible(i, true);
  }
}

// Dropping the deleted receipts at the front keeps the list about as long
// as the messages in flight.
void SqsBroker::watch_receipt(SubscriptionId sub, const Receipt& r) {
  Queue& q = queues_[sub];
  while (!q.receipts.empty() && !holds(q.receipts[0])) q.receipts.pop_front(1);
  q.receipts.push_back(r);
  arm(sub, q.receipts, q.receipt_armed, kReceiptsDue);
}

// Each receipt now due and still held expires (and a heartbeat's extension
// sets its own timer there); expire() makes nothing visible at once, so no
// receive adds to the list meanwhile.
void SqsBroker::receipts_due(SubscriptionId sub) {
  Queue& q = queues_[sub];
  q.receipt_armed = false;
  while (!q.receipts.empty() && q.receipts[0].due <= sim_.now()) {
    const Receipt r = q.receipts[0];
    q.receipts.pop_front(1);
    expire(r.slot, r.receipt, false);
  }
  while (!q.receipts.empty() && !holds(q.receipts[0])) q.receipts.pop_front(1);
  arm(sub, q.receipts, q.receipt_armed, kReceiptsDue);
}

void SqsBroker::arm_sweep(SubscriptionId sub) {
  Queue& q = queues_[sub];
  if (q.sweep_armed || q.by_age.empty()) return;
  q.sweep_armed = true;
  const sim::Time at = slots_[q.by_age[0].first].env.msg.published_at + options_.retention;
  sim_.send_at(std::max(at, sim_.now()), server_, kSweep, sub);
}

// Retention: deletes every message older than the period. A message in
// flight is deleted too but counts as lost only if nobody holds it.
void SqsBroker::sweep(SubscriptionId sub) {
  Queue& q = queues_[sub];
  q.sweep_armed = false;
  while (!q.by_age.empty()) {
    const auto [i, gen] = q.by_age[0];
    if (slots_.generation(i) != gen) {
      q.by_age.pop_front(1);
      continue;
    }
    const Slot& s = slots_[i];
    if (s.env.msg.published_at + options_.retention > sim_.now()) break;
    q.by_age.pop_front(1);
    if (s.state != State::kInFlight) lose(s.env.topic, s.env, LossReason::kRetention, server_, sub);
    forget(i);
  }
  arm_sweep(sub);
  if (options_.fifo) serve(sub);
}

// Extends the unfinished messages of one batch (handled or still queued);
// stops once none is left.
void SqsBroker::heartbeat(SubscriptionId sub, std::uint32_t worker, std::uint32_t batch) {
  Worker& w = workers_[sub][worker];
  bool any = false;
  auto extend = [&](const Item& item) {
    if (item.batch != batch || item.skip) return;
    any = true;
    if (subs_[sub].partitioned > 0 || slots_.generation(item.slot) != item.gen) return;
    Slot& s = slots_[item.slot];
    if (s.state != State::kInFlight || s.receipt != item.receipt) return;
    s.deadline = std::max(s.deadline, sim_.now() + options_.heartbeat_visibility);
  };
  for (std::size_t h = 0; h < w.busy.size(); ++h) {
    if (w.busy[h]) extend(w.handling[h]);
  }
  for (std::size_t i = 0; i < w.queued.size(); ++i) extend(w.queued[i]);
  if (any) {
    sim_.timer(subs_[sub].first + worker, options_.heartbeat_period, kHeartbeat,
               sim::pack_halves(w.epoch, batch));
  }
}

void SqsBroker::on_worker_event(SubscriptionId sub, std::uint32_t worker, const sim::Event& e) {
  Worker& w = workers_[sub][worker];
  switch (e.kind) {
    case kDone: {
      const auto [epoch, h] = sim::unpack_halves(e.arg);
      if (epoch != w.epoch || !w.busy[h]) break;
      w.busy[h] = 0;
      --w.busy_count;
      // No copy: nothing hands handler h a new item before finish_item is
      // done with this one (a FIFO serve inside its delete may, but only
      // after the last read of the item).
      finish_item(sub, worker, w.handling[h]);
      dispatch(sub, worker);
      break;
    }
    case kPollRetry:
      if (e.arg == w.epoch) poll(sub, worker);
      break;
    case kHeartbeat: {
      const auto [epoch, batch] = sim::unpack_halves(e.arg);
      if (epoch == w.epoch) heartbeat(sub, worker, batch);
      break;
    }
    default:
      assert(false && "unknown sqs worker event");
  }
}

void SqsBroker::on_worker_crash(SubscriptionId sub, std::uint32_t worker) {
  Worker& w = workers_[sub][worker];
  w.queued.clear();
  std::fill(w.busy.begin(), w.busy.end(), 0);
  w.busy_count = 0;
  w.receiving = false;
  w.waiting = false;
  ++w.epoch;
  ++w.poll_gen;
}

void SqsBroker::on_worker_restart(SubscriptionId sub, std::uint32_t worker) { request_receive(sub, worker); }

void SqsBroker::on_partition(SubscriptionId sub, bool cut) {
  if (!cut) return;  // pollers retry on their own
  for (std::uint32_t worker = 0; worker < subs_[sub].workers; ++worker) {
    Worker& w = workers_[sub][worker];
    if (!w.waiting) continue;
    w.waiting = false;
    ++w.poll_gen;
    sim_.timer(subs_[sub].first + worker, options_.receive_error_backoff, kPollRetry, w.epoch);
  }
}

}  // namespace choreo::brokers
