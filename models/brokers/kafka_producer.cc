// The Kafka model's producer: the record accumulator (batches per
// publisher and partition, linger.ms and batch.size), produce requests with
// their errors and retries, and the ordering of a producer's requests on a
// partition. See kafka_broker.h; the log side is in kafka_broker.cc.
//
// Invariants: a path (publisher, topic, partition) has at most one open
// batch, the one in open_; a batch is sent once (open becomes false) and
// released when its append event has run.
#include <algorithm>
#include <cassert>

#include "models/brokers/kafka_broker.h"
#include "sim/pack.h"

namespace choreo::brokers {

std::uint64_t KafkaBroker::path_key(sim::NodeId publisher, TopicId topic, std::uint32_t partition) {
  return sim::pack_halves(publisher + 1u, sim::pack_shorts(topic, partition));
}

void KafkaBroker::publish(TopicId t, sim::NodeId publisher, Message message) {
  const Envelope env = stamp(t, publisher, message);
  accumulate(env, partition_of(message.key));
}

// RecordAccumulator.append: into the path's open batch, unless the record
// would take it past batch.size (then that batch goes and a new one starts);
// a batch that reached batch.size, or any batch when linger is 0, goes at once.
void KafkaBroker::accumulate(const Envelope& env, std::uint32_t p) {
  const std::uint64_t key = path_key(env.publisher, env.topic, p);
  auto it = options_.linger > 0 ? open_.find(key) : open_.end();
  if (it != open_.end() && batches_[it->second].bytes + env.msg.bytes > options_.batch_size) {
    const std::uint32_t full = it->second;
    open_.erase(it);
    send_batch(full);
    it = open_.end();
  }
  std::uint32_t b = 0;
  if (it != open_.end()) {
    b = it->second;
  } else {
    b = batches_.acquire();
    Batch& fresh = batches_[b];
    fresh.topic = env.topic;
    fresh.partition = p;
    fresh.publisher = env.publisher;
    if (options_.linger > 0) {
      open_.emplace(key, b);
      sim_.send(server_, options_.linger, kLinger, sim::pack_halves(b, batches_.generation(b)));
    }
  }
  Batch& batch = batches_[b];
  batch.records.push_back(env);
  batch.bytes += env.msg.bytes;
  if (options_.linger == 0) {
    send_batch(b);
  } else if (batch.bytes >= options_.batch_size) {
    open_.erase(key);
    send_batch(b);
  }
}

void KafkaBroker::linger_expired(std::uint32_t b, std::uint32_t generation) {
  if (batches_.generation(b) != generation || !batches_[b].open) return;  // sent when it filled up
  const Batch& batch = batches_[b];
  open_.erase(path_key(batch.publisher, batch.topic, batch.partition));
  send_batch(b);
}

// The produce request: transit, then (rarely) a failed request and its retry.
void KafkaBroker::send_batch(std::uint32_t b) {
  batches_[b].open = false;
  const Batch& batch = batches_[b];
  sim::Rng& rng = topics_[batch.topic].rng;
  const sim::Time at = sim_.now() + transit(rng);
  if (!(options_.producer_error > 0 && sim::bernoulli(rng, options_.producer_error))) {
    schedule_append(b, in_order(batch, at));
    return;
  }
  for (const Envelope& env : batch.records) {
    sim_.fold_note(server_, "produce-retry", {{"seq", static_cast<std::int64_t>(env.seq)}});
    if (tracing()) trace_copy("produce-retry", server_, env, {.reason = "producer-error"});
  }
  if (options_.idempotence || !sim::bernoulli(rng, 0.5)) {
    // Idempotent: the broker keeps one copy; or the first request never got
    // written. Either way one write, after the backoff.
    schedule_append(b, in_order(batch, at + options_.retry_backoff));
    return;
  }
  const sim::Time first = in_order(batch, at);
  schedule_append(b, first);
  const std::uint32_t twin = batches_.acquire();
  batches_[twin] = batches_[b];  // `batch` may dangle: acquire() can grow the slab
  for (Envelope& env : batches_[twin].records) {
    env.duplicate = true;
    count_duplicate(env, DuplicateReason::kProducerRetry);
  }
  schedule_append(twin, in_order(batches_[twin], first + options_.retry_backoff));
}

// With idempotence or one request in flight, a producer's batches reach a
// partition in send order: no append of a path before the previous one.
sim::Time KafkaBroker::in_order(const Batch& batch, sim::Time at) {
  const bool ordered = options_.idempotence || options_.max_in_flight == 1;
  if (!ordered || (delay_zero_ && options_.producer_error == 0)) return at;
  sim::Time& last = path_time_[path_key(batch.publisher, batch.topic, batch.partition)];
  last = std::max(last, at);
  return last;
}

void KafkaBroker::schedule_append(std::uint32_t b, sim::Time at) { sim_.send_at(at, server_, kAppend, b); }

}  // namespace choreo::brokers
