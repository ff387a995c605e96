// Brokers: models of NATS (core), SQS (standard and FIFO) and Kafka with the
// delivery semantics of the real systems (docs/semantics.md).
// This header is the integration contract every consuming service codes to.
//
// Building one, in code (nats_broker.h, sqs_broker.h, kafka_broker.h) or
// from a scenario (broker_settings.h: declare(), broker_settings(),
// make_broker(); the kinds are the rows of broker_table.h):
//
//   sim::Simulation sim(seed);
//   NatsBroker broker(sim, NatsOptions{}, CommonOptions{}, FaultPlan{});
//   // or: auto broker = make_broker(*broker_settings(config), sim);   // unique_ptr<Broker>
//   TopicId comments = broker.topic("comments");
//   broker.subscribe("comments", "counter-service", counters, {.workers = 4});
//   ... later, inside a publisher node's event handler:
//   broker.publish(comments, id(), Message{.id = 17, .key = story, .a = comment});
//   ... after the run:
//   broker.write_json(summary["delivery"]);
//
// The consumer side: subscribe() creates a node group of `workers` members
// in the Simulation, named "<service>@<topic>". Each worker receives (NATS:
// pushed; SQS: long-poll receive of a batch; Kafka: fetch from its assigned
// partitions), spends the processing time, calls Handler::handle(), then
// acks per the broker: NATS nothing; SQS deletes on success; Kafka advances
// its position and commits (auto every 5 s, or after each record).
// Crashing a worker calls Handler::on_worker_crash() so the service drops
// its in-memory state; restarting calls on_worker_restart().
//
// Publishing is synchronous, from inside the publisher's own event handler;
// the broker schedules everything else through the Simulation, on its own
// server node ("broker") and the worker nodes.
//
// Faults: partition(service, from, to) cuts every subscription of `service`
// from the broker (disconnect(): and breaks its connections); crash()/crash_at_rate() stop workers;
// drop_nth() drops the nth message of a topic. Schedule them before running. Losses, duplicates, redeliveries
// and dead-letter moves are sim::Simulation::note()s, so they are in the trace hash and file.
//
// Lifetimes: the broker, its handlers and the Simulation live together; the
// broker's nodes point back to it, so destroy the Simulation's run first.
//
// Not modelled: partitions of a *publisher* (publish always reaches the
// broker), broker-node crashes, message size limits, throttling.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>

#include "models/brokers/delivery_stats.h"
#include "models/brokers/fault_coverage.h"
#include "models/brokers/message.h"
#include "models/brokers/message_describer.h"
#include "sim/distribution.h"
#include "sim/event.h"
#include "sim/time.h"

namespace choreo::brokers {

using TopicId = std::uint32_t;
using SubscriptionId = std::uint32_t;

struct SubscribeOptions {
  // Competing consumers (NATS queue-group members, SQS pollers, Kafka group
  // members). Default 1.
  std::uint32_t workers = 1;
  // Kafka only. When a worker restarts after a crash, the whole group goes
  // back to the earliest retained offset of every partition (position and
  // committed offset), so a service that kept its state in memory rebuilds
  // it from the log: Kafka's seekToBeginning() on assignment, or a fresh
  // group.id with auto.offset.reset = earliest. Every retained record is
  // processed again, in order per partition (counted as redelivered);
  // records already deleted by retention are not. Default false: resume
  // from the committed offset. REQUIRES: false on NATS and SQS (check
  // Broker::kind() when configuring).
  bool rewind_on_restart = false;
};

class Broker {
 public:
  virtual ~Broker() = default;

  // "nats", "sqs", "sqs-fifo" or "kafka".
  virtual std::string_view kind() const = 0;
  // Interns a topic name (creating it); publish by id on hot paths.
  virtual TopicId topic(std::string_view name) = 0;
  // Publishes `message` from node `publisher` now. Sets published_at.
  virtual void publish(TopicId topic, sim::NodeId publisher, Message message) = 0;
  void publish(std::string_view name, sim::NodeId publisher, const Message& message) {
    publish(topic(name), publisher, message);
  }
  // Subscribes `service` (a NATS queue group / an SQS queue fed from the
  // topic / a Kafka consumer group) to `topic`. `handler` must outlive the
  // run. REQUIRES: one subscription per (topic, service); workers >= 1.
  virtual SubscriptionId subscribe(std::string_view topic, std::string_view service, Handler& handler,
                                   const SubscribeOptions& options = {}) = 0;

  // Cuts every subscription of `service` off the broker over [from, to):
  // packets are dropped, connections are not reset (NATS keeps writing into
  // them until it notices).
  virtual void partition(std::string_view service, sim::Time from, sim::Time to) = 0;
  // The same, but the connections break at `from` (a reset, a closed
  // socket): NATS loses everything from then on. SQS and Kafka: a partition.
  virtual void disconnect(std::string_view service, sim::Time from, sim::Time to) = 0;
  // Crashes worker `worker` of each subscription of `service` at `at` and
  // restarts it `restart_after` later (kForever: never).
  virtual void crash(std::string_view service, std::uint32_t worker, sim::Time at,
                     sim::Time restart_after) = 0;
  // Crashes each worker of `service` at exponential gaps of mean 1/per_s
  // (counted from its restart), each time for `restart_after`.
  virtual void crash_at_rate(std::string_view service, double per_s, sim::Time restart_after) = 0;
  // Drops the nth (1-based) message published on `topic` for `service`, or
  // for every subscriber when `service` is empty.
  virtual void drop_nth(std::string_view topic, std::uint64_t nth, std::string_view service = {}) = 0;

  // Names message types and keys in the trace file; must outlive the run.
  // Default: none (numbers).
  virtual void set_describer(const MessageDescriber* describer) = 0;

  virtual const DeliveryStats& stats() const = 0;
  // How often each fault and mechanism fired (fault_coverage.h).
  virtual const FaultCoverage& coverage() const = 0;
  // The node id of a worker, e.g. to crash it with sim.crash().
  virtual sim::NodeId worker_node(SubscriptionId sub, std::uint32_t worker) const = 0;
  // summary.json's `delivery` object (see DeliveryStats::write_json).
  void write_json(nlohmann::json& delivery) const { stats().write_json(delivery); }
};

}  // namespace choreo::brokers
