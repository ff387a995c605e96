// A model of Amazon SQS, standard or FIFO, fed from a topic as SNS fans out
// to one queue per subscribing service. The real behaviour, defaults and
// sources: docs/semantics.md, "Amazon SQS" and "Wattpad's sqsconsumer".
//
//  - At least once. A receive (long poll, batches of up to `batch_size`)
//    makes each message invisible for `visibility_timeout`; a message not
//    deleted by then is visible again and redelivered with its receive count
//    + 1. A worker that crashes, fails, or runs past the timeout therefore
//    causes a second processing. An optional heartbeat (as Wattpad's
//    sqsconsumer) extends visibility while the batch is being processed.
//  - Each worker is one sqsconsumer Consumer: its received messages wait in
//    order for one of `concurrency` handlers (sqs-fifo: one), and it
//    receives again once none is waiting. A heartbeat due at the very
//    instant a visibility timeout ends wins the tie (kExpireLast).
//  - A delete needs the latest receipt: a worker whose message was meanwhile
//    received by another deletes nothing. With probability
//    `duplicate_after_delete` a deleted message survives on another server
//    and comes back (duplicated) after the visibility timeout.
//  - Standard queues return the oldest visible message first (`order =
//    kOldest`; disorder from delay, redeliveries and concurrent consumers),
//    or a uniformly random one (`kUniform`, the worst case of best effort).
//  - maxReceiveCount: a message received that many times and not deleted
//    moves to the dead-letter queue at its next receive (0 = no DLQ).
//  - Retention: a message older than `retention` (from its publish, not
//    reset by receives) is deleted unconsumed (lost: retention).
//  - DelaySeconds: a new message is invisible for `delay` first.
//  - FIFO: strict order per message group (Message::key) with head-of-line
//    blocking while any message of the group is in flight; a publish whose
//    Message::id was seen within `dedup_window` is accepted and dropped.
//    A worker that fails a message abandons the rest of its group's batch,
//    so the group's order holds.
//  - Partitions: receives fail (retry after `receive_error_backoff`), deletes
//    and heartbeats fail.
//  - Common duplication repeats the publisher's send (as a retry would); FIFO
//    deduplicates such repeats inside the window.
//
// Not modelled: short polling, per-message visibility changes other than the
// heartbeat, the 12 h visibility cap, in-flight limits, throttling.
#pragma once

#include <cstdint>
#include <deque>
#include <unordered_map>
#include <utility>
#include <vector>

#include "models/brokers/broker_core.h"
#include "models/brokers/fifo.h"
#include "models/brokers/slab.h"
#include "models/brokers/sqs_queue.h"
#include "sim/config.h"
#include "sim/config_schema.h"

namespace choreo::brokers {

struct SqsOptions {
  // FIFO queue (sqs-fifo) instead of standard.
  bool fifo = false;
  // Which visible message a standard queue's receive takes: the oldest (AWS:
  // "generally delivered in the same order as they're sent", and a long poll
  // queries every server: standard-queues.md, sqs-short-and-long-polling.md),
  // or a uniformly random one (the worst case of best effort).
  SqsQueue::Order order = SqsQueue::Order::kOldest;
  // Microseconds a received message stays invisible, 0 s..12 h: CreateQueue
  // VisibilityTimeout (botocore sqs service-2.json).
  sim::Time visibility_timeout = 30 * sim::kSecond;
  // Messages per receive, 1..10: what Wattpad's sqsconsumer asks for
  // (MaxNumberOfMessages, sqsconsumer@9074702 queue_consumer.go); the API's
  // own default is 1.
  std::uint32_t batch_size = 10;
  // ReceiveMessage WaitTimeSeconds, microseconds, 0..20 s: 20 s is
  // sqsconsumer's (same file), the longest SQS allows: a long poll, which
  // queries every server. 0 is a short poll (the queue's own default,
  // ReceiveMessageWaitTimeSeconds = 0), which samples `sampled_servers`
  // (sqs-short-and-long-polling.md).
  sim::Time wait_time = 20 * sim::kSecond;
  // Storage servers a standard queue's messages are spread over, and how
  // many a short poll samples. AWS publishes neither ("a subset of its
  // servers (based on a weighted random distribution)"): our choices.
  std::uint32_t servers = 4;
  std::uint32_t sampled_servers = 2;
  // Receives before a move to the dead-letter queue, 1..1,000; 0 = no DLQ,
  // as a queue has no RedrivePolicy unless one is configured
  // (sqs-dead-letter-queues.md).
  std::uint32_t max_receive_count = 0;
  // Microseconds a message is kept, 60 s..14 days: CreateQueue
  // MessageRetentionPeriod, 345,600 s (service-2.json).
  sim::Time retention = 4 * sim::kDay;
  // DelaySeconds, microseconds, 0..900 s: none unless set (sqs-delay-queues.md).
  sim::Time delay = 0;
  // Probability that a deleted message survives on another server and is
  // received again. AWS says only "on rare occasions" (standard-queues.md)
  // and gives no rate: this value is our assumption.
  double duplicate_after_delete = 1e-5;
  // Extend visibility while a batch is processed (sqsconsumer since PR #15).
  // Off, so that a plain SQS consumer is the default.
  bool heartbeat = false;
  // Heartbeat period, microseconds: sqsconsumer ExtendVisibilityTimeoutEvery
  // (cleanup_visibility.go).
  sim::Time heartbeat_period = 30 * sim::kSecond;
  // Visibility each heartbeat sets, microseconds: sqsconsumer's
  // ChangeMessageVisibilityBatch value (same file).
  sim::Time heartbeat_visibility = 60 * sim::kSecond;
  // Handlers per worker, each taking one message of a batch at a time:
  // sqsconsumer starts awsBatchSizeLimit = 10 handler goroutines
  // (queue_consumer.go startWorkers). Standard queues only: an sqs-fifo
  // worker handles one message at a time, so each group stays in order.
  std::uint32_t concurrency = 10;
  // Wait after a failed receive, microseconds: sqsconsumer
  // defaultDelayAfterReceiveError (queue_consumer.go).
  sim::Time receive_error_backoff = 5 * sim::kSecond;
  // FIFO deduplication interval, microseconds (FIFO-key-terms.md).
  sim::Time dedup_window = 5 * sim::kMinute;

  bool operator==(const SqsOptions&) const = default;
};

// The [sqs] scenario keys, and SqsOptions from a Config checked against
// them (sqs_keys.cc). `fifo` stays false: the sqs-fifo row of the broker
// table sets it.
void declare_sqs_keys(sim::ConfigSchema& schema);
SqsOptions sqs_options(const sim::Config& config);

class SqsBroker final : public BrokerCore {
 public:
  SqsBroker(sim::Simulation& sim, const SqsOptions& options, const CommonOptions& common,
            const FaultPlan& plan);

  using Broker::publish;
  void publish(TopicId topic, sim::NodeId publisher, Message message) override;

 private:
  enum class State : std::uint8_t { kDelayed, kVisible, kInFlight, kFree };
  struct Slot {
    Envelope env;
    sim::Time deadline = 0;  // in flight: when it becomes visible again
    std::uint32_t receive_count = 0;
    std::uint32_t receipt = 0;  // of the latest receive
    SubscriptionId sub = 0;
    State state = State::kDelayed;
  };
  struct Item {  // a received message, as the worker holds it
    Envelope env;
    std::uint32_t slot = 0;
    std::uint32_t gen = 0;
    std::uint32_t receipt = 0;
    std::uint32_t receive_count = 0;
    std::uint32_t batch = 0;  // the receive it came in (its heartbeat)
    bool skip = false;        // FIFO: abandoned after an earlier failure in its group
  };
  // One sqsconsumer Consumer: a receive loop handing each message to one of
  // `concurrency` handlers (goroutines), receiving again once the last
  // message of a batch is handed over.
  struct Worker {
    Fifo<Item> queued;               // received, waiting for a free handler (a ring: no block per few items)
    std::vector<Item> handling;      // [handler]
    std::vector<std::uint8_t> busy;  // [handler]: 1 while handling (bytes: found in a step, not a bit walk)
    std::uint32_t busy_count = 0;
    bool receiving = false;  // a receive is pending or waiting
    bool waiting = false;    // long poll waiting for a message
    std::uint32_t poll_gen = 0;
    std::uint32_t epoch = 0;  // bumped by a crash: older timers are stale
    std::uint32_t next_batch = 0;
  };
  struct Receipt {  // a receive of a message, until its visibility deadline
    std::uint32_t slot = 0;
    std::uint32_t receipt = 0;
    sim::Time due = 0;  // the deadline
  };
  static constexpr sim::Time kNoExpiry = INT64_MAX;
  struct Waiter {  // a poll waiting for a message
    std::uint32_t worker = 0;
    std::uint32_t poll_gen = 0;
    sim::Time due = 0;  // when it gives up (kNoExpiry: a short poll, which waits on)
  };
  // Deadlines come one timer per queue, not one per message (nearly every
  // message is deleted, and nearly every poll served, long before its
  // deadline): the timeouts are constants, so a queue's receipts and
  // waiters fall due in the order they were made, and the timer waits for
  // the first; when it fires, it takes those due and waits for the next.
  // Deleted receipts and served or abandoned waiters are skipped then.
  struct Queue {
    Queue(bool fifo, SqsQueue::Order order, std::uint32_t servers, std::uint32_t sampled)
        : store(fifo, order, servers, sampled) {}
    SqsQueue store;
    Fifo<std::pair<std::uint32_t, std::uint32_t>> by_age;  // (slot, gen), publish order
    bool sweep_armed = false;
    Fifo<Waiter> waiters;        // poll order
    Fifo<Receipt> receipts;      // receive order
    bool poll_armed = false;     // a timer is set at or before the first waiter's expiry
    bool receipt_armed = false;  // a timer is set at or before the first receipt's deadline
  };
  struct Dedup {
    std::unordered_map<std::uint64_t, sim::Time> until;  // id -> end of its window
    std::deque<std::pair<sim::Time, std::uint64_t>> expiry;
  };
  enum Kind : std::uint16_t {
    kEnqueue = kFirstKind,
    kExpire,
    kSweep,
    kExpireLast,
    kReceiptsDue,
    kWaitersDue
  };
  enum WorkerKind : std::uint16_t { kDone, kPollRetry, kHeartbeat };

  void on_subscribe(SubscriptionId sub) override;
  void on_server_event(const sim::Event& e) override;
  void on_worker_event(SubscriptionId sub, std::uint32_t worker, const sim::Event& e) override;
  void on_worker_crash(SubscriptionId sub, std::uint32_t worker) override;
  void on_worker_restart(SubscriptionId sub, std::uint32_t worker) override;
  void on_partition(SubscriptionId sub, bool cut) override;
  std::string_view broker_event_name(std::uint16_t kind) const override;
  std::string_view worker_event_name(std::uint16_t kind) const override;

  void send(const Envelope& env);
  bool deduplicated(const Envelope& env);
  void enqueue(SubscriptionId sub, const Envelope& env);
  void make_visible(std::uint32_t slot, bool returning);
  void forget(std::uint32_t slot);
  void serve(SubscriptionId sub);
  void poll(SubscriptionId sub, std::uint32_t worker);
  void receive(SubscriptionId sub, std::uint32_t worker);
  // `sampled`: a short poll took it past an older message on a server it
  // did not query (written on the deliver line).
  bool admit(SubscriptionId sub, std::uint32_t worker, std::uint32_t slot, std::uint32_t batch,
             bool sampled = false);
  void dispatch(SubscriptionId sub, std::uint32_t worker);
  void finish_item(SubscriptionId sub, std::uint32_t worker, const Item& item);
  // The next receive is an event, not a call: a backlog of a million
  // messages must not become a million nested calls.
  void request_receive(SubscriptionId sub, std::uint32_t worker) {
    Worker& w = workers_[sub][worker];
    if (w.receiving) return;
    w.receiving = true;
    sim_.timer(subs_[sub].first + worker, 0, kPollRetry, w.epoch);
  }
  void erase(SubscriptionId sub, const Item& item);
  void expire(std::uint32_t slot, std::uint32_t receipt, bool last);
  bool holds(const Receipt& r) const {
    const Slot& s = slots_[r.slot];
    return s.state == State::kInFlight && s.receipt == r.receipt;
  }
  void watch_receipt(SubscriptionId sub, const Receipt& r);
  void receipts_due(SubscriptionId sub);
  void waiters_due(SubscriptionId sub);
  // Takes the first waiter out: whether its worker was still waiting on
  // that poll (then no longer).
  bool take_waiter(SubscriptionId sub);
  // Sets the timer of a queue's receipts or waiters, unless one is set.
  template <class T>
  void arm(SubscriptionId sub, const Fifo<T>& list, bool& armed, Kind kind) {
    if (armed || list.empty()) return;
    armed = true;
    sim_.send_at(list[0].due, server_, kind, sub);
  }
  void sweep(SubscriptionId sub);
  void arm_sweep(SubscriptionId sub);
  void heartbeat(SubscriptionId sub, std::uint32_t worker, std::uint32_t batch);

  SqsOptions options_;
  Slab<Slot> slots_;
  std::vector<Queue> queues_;                 // [sub]
  std::vector<std::vector<Worker>> workers_;  // [sub][worker]
  std::vector<Dedup> dedup_;                  // [topic], FIFO only
  std::uint32_t next_receipt_ = 0;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> taken_;  // scratch for FIFO receives
};

}  // namespace choreo::brokers
