// What a broker counts, per topic and in total, and how it appears in
// summary.json under `delivery` (README.md, "summary.json and timeseries.csv").
//
// Counting unit: `published` counts publish calls; every other counter counts
// per subscription (a message published to a topic with two consuming
// services can be lost for one and delivered to the other).
//  - delivered:    handler invocations (including duplicates and redeliveries)
//  - lost:         copies a subscription never processed, by LossReason
//  - duplicated:   extra copies made (injected, SQS after delete, producer retry)
//  - redelivered:  deliveries with receive_count > 1 or a Kafka replay
//  - reordered:    first deliveries that came after a later-published message
//                  from the same publisher on the same topic to the same
//                  subscription
//  - dead_lettered: SQS moves to the dead-letter queue
//  - bytes:        Message::bytes once per publish and once per delivery
//  - deduplicated: publishes dropped by SQS FIFO's deduplication window
//  - handler_errors: handler returned false or an injected error
// Latency: publish to processed (handler call), microseconds, every delivery.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "sim/histogram.h"
#include "sim/time.h"

namespace choreo::brokers {

enum class LossReason : std::uint8_t {
  kNoSubscriber,  // published to a topic nobody subscribes to
  kDisconnected,  // NATS: the subscriber was disconnected or down at publish / in flight
  kSlowConsumer,  // NATS: over the subscription's pending limit
  kCrash,         // NATS: pending in a worker that crashed
  kInjected,      // the common loss probability
  kScripted,      // a [fault.*] kind = drop
  kRetention,     // SQS / Kafka: retention deleted it before it was consumed
  kReset,         // Kafka: skipped by auto.offset.reset = latest
  kCount
};
inline constexpr std::size_t kLossReasons = static_cast<std::size_t>(LossReason::kCount);
std::string_view loss_reason_name(LossReason r);

struct DeliveryCounts {
  std::uint64_t published = 0;
  std::uint64_t delivered = 0;
  std::array<std::uint64_t, kLossReasons> lost_by{};
  std::uint64_t duplicated = 0;
  std::uint64_t redelivered = 0;
  std::uint64_t reordered = 0;
  std::uint64_t dead_lettered = 0;
  std::uint64_t bytes = 0;
  std::uint64_t deduplicated = 0;
  std::uint64_t handler_errors = 0;

  std::uint64_t lost() const;
  std::uint64_t lost(LossReason r) const { return lost_by[static_cast<std::size_t>(r)]; }
};

class DeliveryStats {
 public:
  // Adds a topic; topics are numbered in the order added.
  void add_topic(std::string name);
  DeliveryCounts& topic(std::uint32_t t) { return topics_[t]; }
  const DeliveryCounts& topic(std::uint32_t t) const { return topics_[t]; }
  const DeliveryCounts& topic(std::string_view name) const;
  DeliveryCounts total() const;
  void record_latency(std::uint32_t t, sim::Time us) {
    latency_.record(us);
    topic_latency_[t].record(us);
  }
  const sim::Histogram& latency() const { return latency_; }

  // Writes summary.json's `delivery` object: published, delivered, lost,
  // duplicated, redelivered, reordered, dead_lettered, bytes, latency_ms
  // {mean, p50, p99, max}, plus lost_by_reason and by_topic (the same keys
  // per topic, with deduplicated and handler_errors).
  void write_json(nlohmann::json& delivery) const;

 private:
  std::vector<std::string> names_;
  std::vector<DeliveryCounts> topics_;
  std::vector<sim::Histogram> topic_latency_;
  sim::Histogram latency_;
};

}  // namespace choreo::brokers
