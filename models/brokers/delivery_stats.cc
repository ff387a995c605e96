// Broker counters and their JSON form; see delivery_stats.h.
#include "models/brokers/delivery_stats.h"

#include <cassert>

namespace choreo::brokers {

namespace {

constexpr std::array<std::string_view, kLossReasons> kReasonNames = {
    "no-subscriber", "disconnected", "slow-consumer", "crash", "injected", "scripted", "retention", "reset"};

void add(DeliveryCounts& into, const DeliveryCounts& c) {
  into.published += c.published;
  into.delivered += c.delivered;
  for (std::size_t i = 0; i < kLossReasons; ++i) into.lost_by[i] += c.lost_by[i];
  into.duplicated += c.duplicated;
  into.redelivered += c.redelivered;
  into.reordered += c.reordered;
  into.dead_lettered += c.dead_lettered;
  into.bytes += c.bytes;
  into.deduplicated += c.deduplicated;
  into.handler_errors += c.handler_errors;
}

nlohmann::json latency_json(const sim::Histogram& h) {
  return {{"mean", h.mean() / 1e3},
          {"p50", sim::to_millis(h.percentile(0.5))},
          {"p99", sim::to_millis(h.percentile(0.99))},
          {"max", sim::to_millis(h.max())}};
}

nlohmann::json counts_json(const DeliveryCounts& c, const sim::Histogram& latency) {
  nlohmann::json by_reason = nlohmann::json::object();
  for (std::size_t i = 0; i < kLossReasons; ++i) by_reason[std::string(kReasonNames[i])] = c.lost_by[i];
  return {{"published", c.published},
          {"delivered", c.delivered},
          {"lost", c.lost()},
          {"duplicated", c.duplicated},
          {"redelivered", c.redelivered},
          {"reordered", c.reordered},
          {"dead_lettered", c.dead_lettered},
          {"bytes", c.bytes},
          {"latency_ms", latency_json(latency)},
          {"lost_by_reason", by_reason}};
}

}  // namespace

std::string_view loss_reason_name(LossReason r) { return kReasonNames[static_cast<std::size_t>(r)]; }

std::uint64_t DeliveryCounts::lost() const {
  std::uint64_t n = 0;
  for (auto x : lost_by) n += x;
  return n;
}

void DeliveryStats::add_topic(std::string name) {
  names_.push_back(std::move(name));
  topics_.emplace_back();
  topic_latency_.emplace_back();
}

const DeliveryCounts& DeliveryStats::topic(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return topics_[i];
  }
  static const DeliveryCounts kNone;
  return kNone;
}

DeliveryCounts DeliveryStats::total() const {
  DeliveryCounts t;
  for (const auto& c : topics_) add(t, c);
  return t;
}

void DeliveryStats::write_json(nlohmann::json& delivery) const {
  delivery = counts_json(total(), latency_);
  nlohmann::json by_topic = nlohmann::json::object();
  for (std::size_t i = 0; i < names_.size(); ++i) {
    auto j = counts_json(topics_[i], topic_latency_[i]);
    j["deduplicated"] = topics_[i].deduplicated;
    j["handler_errors"] = topics_[i].handler_errors;
    by_topic[names_[i]] = std::move(j);
  }
  delivery["by_topic"] = std::move(by_topic);
}

}  // namespace choreo::brokers
