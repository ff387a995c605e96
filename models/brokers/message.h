// What travels through a broker and what a consumer is told on delivery.
//
// A Message is a small copyable value (<= 64 bytes): brokers copy it into
// their own slabs, never allocate per message. The payload is four words,
// enough for UserUpdated{user, version, clock_ts, profile} and
// CommentCreated/Deleted{comment, story, chapter|paragraph, author}.
//
// Not a wire format: `bytes` only states how large the real message would be,
// for bandwidth accounting.
#pragma once

#include <cstdint>

#include "sim/event.h"
#include "sim/time.h"

namespace choreo::brokers {

struct Message {
  std::uint64_t id = 0;   // unique per publish (the publisher's choice); SQS FIFO dedups on it
  std::uint64_t key = 0;  // Kafka partition key / SQS FIFO message group; unused by NATS
  std::uint64_t a = 0;    // payload words, meaning set by `type`
  std::uint64_t b = 0;
  std::uint64_t c = 0;
  std::uint64_t d = 0;
  sim::Time published_at = 0;  // set by Broker::publish
  std::uint32_t type = 0;      // event type, the consumer's business
  std::uint32_t bytes = 0;     // size on the wire, bytes
};
static_assert(sizeof(Message) <= 64, "a message fits one cache line");

// The publisher's node id travels beside the message (Broker::publish takes
// it; DeliveryInfo::publisher returns it) so that a Message stays 64 bytes.
struct DeliveryInfo {
  std::uint32_t worker = 0;         // index of the worker in its subscription, 0-based
  std::uint32_t receive_count = 1;  // SQS ApproximateReceiveCount; Kafka 2 on a replay; NATS 1
  bool redelivered = false;         // receive_count > 1, or a Kafka replay of a processed offset
  bool duplicate = false;           // an extra copy: injected, SQS after delete, producer retry
  std::uint32_t partition = 0;      // Kafka partition, else 0
  std::uint64_t offset = 0;         // Kafka offset, else 0
  sim::NodeId publisher = sim::kNoNode;
  sim::Time delivered_at = 0;  // when the handler runs (after processing time)
};

// The consumer side of a subscription, implemented by a service.
class Handler {
 public:
  virtual ~Handler() = default;
  // Applies one message. Returns false for a handler error: NATS forgets the
  // message, SQS leaves it undeleted (redelivered after the visibility
  // timeout), Kafka moves on (Kafka has no per-record nack).
  virtual bool handle(const Message& message, const DeliveryInfo& info) = 0;
  // Worker `worker` crashed: drop whatever it kept in memory.
  virtual void on_worker_crash(std::uint32_t worker) { (void)worker; }
  // Worker `worker` is back after a crash.
  virtual void on_worker_restart(std::uint32_t worker) { (void)worker; }
};

}  // namespace choreo::brokers
