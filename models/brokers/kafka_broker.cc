// The Kafka model's logs: appends, segments and retention, and the broker's
// event dispatch; see kafka_broker.h. The producer is in kafka_producer.cc.
#include "models/brokers/kafka_broker.h"

#include <algorithm>
#include <cassert>
#include <iterator>

#include "sim/pack.h"

namespace choreo::brokers {

KafkaBroker::KafkaBroker(sim::Simulation& sim, const KafkaOptions& options, const CommonOptions& common,
                         const FaultPlan& plan)
    : BrokerCore(sim, "kafka", common, plan), options_(options) {
  assert(options.partitions >= 1 && options.partitions <= 65'535);
  assert(options.max_in_flight >= 1 && options.retention_check_interval > 0);
}

std::uint32_t KafkaBroker::partition_of(std::uint64_t key) const {
  std::uint64_t state = key;
  return static_cast<std::uint32_t>(sim::splitmix64(state) % options_.partitions);
}

std::uint64_t KafkaBroker::committed(SubscriptionId sub, std::uint32_t partition) const {
  return groups_[sub].parts[partition].committed;
}

std::uint64_t KafkaBroker::log_start(TopicId topic, std::uint32_t partition) const {
  return topic < logs_.size() ? logs_[topic][partition].base : 0;
}

std::size_t KafkaBroker::segment_count(TopicId topic, std::uint32_t partition) const {
  return topic < logs_.size() && partition < logs_[topic].size() ? logs_[topic][partition].segments.size()
                                                                 : 0;
}

std::vector<KafkaBroker::Log>& KafkaBroker::logs(TopicId t) {
  if (logs_.size() <= t) logs_.resize(t + 1);
  if (logs_[t].empty()) logs_[t].resize(options_.partitions);
  return logs_[t];
}

// A produce request arrives: its batch is appended whole.
void KafkaBroker::append(std::uint32_t b) {
  const Batch& batch = batches_[b];
  const TopicId t = batch.topic;
  const std::uint32_t p = batch.partition;
  Log& log = logs(t)[p];
  add_to_segment(log, batch);
  for (const Envelope& env : batch.records) log.records.push_back(Record{env});
  batches_.release(b);
  if (!sweep_armed_) {
    sweep_armed_ = true;
    const sim::Time every = options_.retention_check_interval;
    sim_.send_at((sim_.now() / every + 1) * every, server_, kRetention, 0);
  }
  for (SubscriptionId s : topics_[t].subs) {
    const int owner = groups_[s].parts[p].owner;
    if (owner >= 0) fetch(s, static_cast<std::uint32_t>(owner));
  }
}

// LogSegment.shouldRoll: the active segment rolls before an append that
// would take it past segment.bytes, or once it holds a record and has waited
// more than segment.ms since its first one. A batch goes into one segment.
void KafkaBroker::add_to_segment(Log& log, const Batch& batch) {
  const sim::Time now = sim_.now();
  const std::uint64_t size = batch.bytes;
  bool roll = log.segments.empty();
  if (!roll && log.segments.back().count > 0) {
    const Segment& active = log.segments.back();
    roll = active.bytes + size > options_.segment_bytes || now - active.first_at > options_.segment_ms;
  }
  if (roll) log.segments.push_back(Segment{.first_at = now});
  Segment& active = log.segments.back();
  active.count += batch.records.size();
  active.bytes += size;
  active.newest_at = now;
}

// Kafka's retention.ms breach: the oldest segments whose newest record is
// more than `retention` old go, whole, up to the first that is not. When
// that takes the active segment too, Kafka rolls an empty one first: here
// the next append starts it.
void KafkaBroker::delete_expired(Log& log) {
  while (!log.segments.empty() && sim_.now() - log.segments.front().newest_at > options_.retention) {
    log.records.pop_front(log.segments.front().count);
    log.base += log.segments.front().count;
    log.segments.pop_front();
    ++coverage_.segments_deleted;
  }
}

std::string_view KafkaBroker::broker_event_name(std::uint16_t kind) const {
  static constexpr std::string_view kNames[] = {"append", "session-check", "retention-check", "linger"};
  const std::size_t i = kind - kFirstKind;
  return i < std::size(kNames) ? kNames[i] : "unknown";
}

std::string_view KafkaBroker::worker_event_name(std::uint16_t kind) const {
  static constexpr std::string_view kNames[] = {"done", "auto-commit", "wake", "fetch-wait"};
  return kind < std::size(kNames) ? kNames[kind] : "unknown";
}

void KafkaBroker::on_server_event(const sim::Event& e) {
  switch (e.kind) {
    case kAppend:
      append(static_cast<std::uint32_t>(e.arg));
      break;
    case kSession: {
      const auto [group_member, epoch] = sim::unpack_halves(e.arg);
      const auto [sub, member] = sim::unpack_shorts(group_member);
      session_expired(sub, member, epoch);
      break;
    }
    case kRetention:
      sweep();
      break;
    case kLinger: {
      const auto [batch, generation] = sim::unpack_halves(e.arg);
      linger_expired(batch, generation);
      break;
    }
    default:
      assert(false && "unknown kafka event");
  }
}

// Retention: deletes expired segments, then resets every group left behind.
void KafkaBroker::sweep() {
  bool any = false;
  for (TopicId t = 0; t < logs_.size(); ++t) {
    for (std::uint32_t p = 0; p < logs_[t].size(); ++p) {
      Log& log = logs_[t][p];
      delete_expired(log);
      any = any || !log.records.empty();
      // A group resets when its owner fetches a deleted offset; an unowned
      // partition keeps its committed offset until someone owns it.
      for (SubscriptionId s : topics_[t].subs) {
        const int owner = groups_[s].parts[p].owner;
        if (owner >= 0 && groups_[s].parts[p].next < log.base &&
            eligible(s, static_cast<std::uint32_t>(owner))) {
          reset(s, p);
          fetch(s, static_cast<std::uint32_t>(owner));
        }
      }
    }
  }
  sweep_armed_ = any;
  if (any) sim_.send(server_, options_.retention_check_interval, kRetention, 0);
}

}  // namespace choreo::brokers
