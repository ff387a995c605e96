// A model of Apache Kafka: partitioned logs read by consumer groups that
// commit offsets. The real behaviour, defaults and sources: docs/semantics.md,
// "Apache Kafka".
//
//  - A topic has `partitions` logs; a record goes to partition
//    hash(Message::key) % partitions with a stable 64-bit mix (Kafka uses
//    murmur2 of the serialized key: same property, other numbers). Order is
//    total within a partition.
//  - Each subscription is a consumer group; its live members share the
//    partitions round-robin (partition p -> p-th member mod n), one owner per
//    partition.
//  - Polls (kafka_fetch.cc): a member polls for up to `max_poll_records`
//    records, then processes them one at a time, and polls again when it has
//    processed them all. A poll drains the partition in line (up to
//    `max_partition_fetch_bytes` of it, at least one record, what is in its
//    log now) before the next one, as the Java client's FetchCollector
//    drains one partition's completed fetch before the next; a partition cut
//    short by max_poll_records stays in line for the next poll. A member cut
//    off from the broker still processes the records it holds.
//  - Fetch waits: the fetch a member sends at a poll is answered once its
//    partitions hold `fetch_min_bytes` past the member's positions, or
//    `fetch_max_wait` after it was sent, whichever is first; the next poll
//    takes records only then. With the default of 1 byte a fetch is
//    answered as soon as there is a record, and no timer is used.
//  - Offsets: with commit = auto, a member commits its processed position in
//    the first poll `auto_commit_interval` after its last commit (at once if
//    it is waiting in poll), as ConsumerCoordinator.poll does; with commit =
//    after-processing, after every record. A rebalance (a member leaves after
//    `session_timeout` without heartbeats — crash or partition — or joins)
//    hands partitions over at the last committed offset, so the records
//    after it are processed again, in order (redelivered). A reachable
//    member finishes the records of the partition it holds from its last
//    poll and commits them before giving the partition up, as the Java
//    client rebalances inside poll(); the new owner starts after that. A
//    partition whose owner stays keeps its position (sticky). A crashed
//    member's polled records are gone and its positions fall back to
//    committed.
//  - Segments: each partition's log is a run of segments. An append rolls
//    a new active segment first when the active one would pass
//    `segment_bytes` (Message::bytes per record) or, holding a record, is
//    older than `segment_ms` (from its first record), as Kafka's
//    LogSegment.shouldRoll does; nothing rolls between appends.
//  - Retention: every `retention_check_interval`, the oldest segments whose
//    newest record is more than `retention` old are deleted, whole; the
//    first segment still holding a newer record stops the deletion, so the
//    active segment goes only once all of it expired (Kafka then rolls an
//    empty one first). A group whose next offset was deleted resets:
//    earliest -> oldest kept (the deleted unprocessed records are lost:
//    retention); latest -> log end (also everything in between is lost:
//    reset).
//  - Bootstrap from the log (SubscribeOptions::rewind_on_restart): when a
//    crashed member restarts, the group rejoins and then seeks every
//    partition to its log start, position and committed offset (Kafka's
//    seekToBeginning(), or a fresh group with auto.offset.reset = earliest),
//    so a service with an in-memory store rebuilds it: every retained record
//    is processed again, in order per partition (redelivered), after the
//    record in process, if any. Records retention already deleted are not
//    recovered; the unprocessed ones among them count as lost (retention).
//  - Producer batches (kafka_producer.cc): a publisher's records for one
//    partition collect in an open batch, as in Kafka's RecordAccumulator. The
//    batch is sent as one produce request `linger` after its first record,
//    or at once when it reaches `batch_size` bytes; a record that would take
//    it past `batch_size` closes it and starts the next one. linger = 0 sends
//    every record on its own. One request: one transit draw, one error draw,
//    one append event, one segment-roll decision (Kafka appends a batch to
//    a segment whole).
//  - Producer errors: with probability `producer_error` a produce request
//    needs a retry after `retry_backoff`. With idempotence (default) the
//    batch is written once, in order. Without it, half of the failures had
//    written the batch before the error (the retry duplicates every record
//    of it), half had not; with max_in_flight > 1 the retry lands after later
//    batches (reordered).
//  - Injected loss and duplication act per group at fetch: a lost record is
//    skipped by that group, a duplicated one is processed twice.
//
// Not modelled: a publisher's crash losing its open batch (its records are
// still sent, at most `linger` late), max.poll.interval, cooperative
// rebalancing, broker failures, transactions. Auto-commit timers keep running: drive a Kafka
// simulation with run_until(), not run().
#pragma once

#include <cstdint>
#include <deque>
#include <unordered_map>
#include <vector>

#include "models/brokers/broker_core.h"
#include "models/brokers/fifo.h"
#include "models/brokers/slab.h"
#include "sim/config.h"
#include "sim/config_schema.h"

namespace choreo::brokers {

struct KafkaOptions {
  // Scenario names: kafka_keys.cc lists them in this order.
  enum class Commit { kAuto, kAfterProcessing };
  enum class Reset { kLatest, kEarliest };
  // Partitions per topic, 1..65,535: the broker's num.partitions.
  std::uint32_t partitions = 1;
  // Microseconds without heartbeats before a member is evicted:
  // session.timeout.ms (ConsumerConfig.java @1eb76443; 10 s before 3.0).
  sim::Time session_timeout = 45 * sim::kSecond;
  // When offsets are committed: enable.auto.commit is true
  // (ConsumerConfig.java:426-436).
  Commit commit = Commit::kAuto;
  // Microseconds between auto-commits: auto.commit.interval.ms (same lines).
  sim::Time auto_commit_interval = 5 * sim::kSecond;
  // Microseconds a segment is kept after its newest record: log.retention.hours,
  // 168 (LogConfig.java:175,234).
  sim::Time retention = 7 * sim::kDay;
  // Bytes after which the active segment rolls: log.segment.bytes, 1 GiB
  // (LogConfig.java:172, DEFAULT_SEGMENT_BYTES). Kafka 4 refuses less than
  // 1 MiB; smaller values here are for exploration.
  std::uint64_t segment_bytes = std::uint64_t{1} << 30;
  // Microseconds after its first record at which the active segment rolls
  // (at the next append): log.roll.hours, 168 (LogConfig.java
  // DEFAULT_SEGMENT_MS); segment.jitter.ms is 0.
  sim::Time segment_ms = 7 * sim::kDay;
  // Microseconds between retention checks: log.retention.check.interval.ms
  // (Kafka broker configs).
  sim::Time retention_check_interval = 5 * sim::kMinute;
  // Where a group goes when its offset was deleted or it has none:
  // auto.offset.reset (ConsumerConfig.java:172-176).
  Reset auto_offset_reset = Reset::kLatest;
  // enable.idempotence, the default since Kafka 3.0 (ProducerConfig.java:507-511).
  bool idempotence = true;
  // max.in.flight.requests.per.connection, >= 1 (ProducerConfig.java:262-267).
  std::uint32_t max_in_flight = 5;
  // Probability a produce request fails and is retried. Off (a fault).
  double producer_error = 0;
  // Microseconds before a retry: retry.backoff.ms (Kafka producer configs).
  sim::Time retry_backoff = 100 * sim::kMillisecond;
  // Microseconds a batch waits for more records after its first: linger.ms,
  // 5 since Kafka 4.0 (KIP-1030), 0 before (ProducerConfig.java:385 @1eb76443).
  sim::Time linger = 5 * sim::kMillisecond;
  // Bytes (Message::bytes) at which a batch is sent without waiting:
  // batch.size, 16384 (ProducerConfig.java:381).
  std::uint64_t batch_size = 16'384;
  // Records one poll returns at most: max.poll.records, 500
  // (ConsumerConfig.java:93 @1eb76443, DEFAULT_MAX_POLL_RECORDS).
  std::uint32_t max_poll_records = 500;
  // Bytes (Message::bytes) of one partition a poll takes before the next
  // partition, at least one record: max.partition.fetch.bytes, 1 MiB
  // (ConsumerConfig.java:222 @1eb76443).
  std::uint64_t max_partition_fetch_bytes = std::uint64_t{1} << 20;
  // Bytes (Message::bytes) a fetch waits for before it is answered:
  // fetch.min.bytes, 1 (ConsumerConfig.java:185 @1eb76443).
  std::uint64_t fetch_min_bytes = 1;
  // Microseconds a fetch waits at most for fetch_min_bytes:
  // fetch.max.wait.ms, 500 (ConsumerConfig.java:207).
  sim::Time fetch_max_wait = 500 * sim::kMillisecond;

  bool operator==(const KafkaOptions&) const = default;
};

// The [kafka] scenario keys, and KafkaOptions from a Config checked against
// them (kafka_keys.cc).
void declare_kafka_keys(sim::ConfigSchema& schema);
KafkaOptions kafka_options(const sim::Config& config);

class KafkaBroker final : public BrokerCore {
 public:
  KafkaBroker(sim::Simulation& sim, const KafkaOptions& options, const CommonOptions& common,
              const FaultPlan& plan);

  using Broker::publish;
  void publish(TopicId topic, sim::NodeId publisher, Message message) override;

  // The partition `key` maps to.
  std::uint32_t partition_of(std::uint64_t key) const;
  // The committed offset of a group (subscription) on a partition, for tests.
  std::uint64_t committed(SubscriptionId sub, std::uint32_t partition) const;
  // The first offset still kept on a partition of a topic.
  std::uint64_t log_start(TopicId topic, std::uint32_t partition) const;
  // How many segments a partition of a topic has now (the active one too).
  std::size_t segment_count(TopicId topic, std::uint32_t partition) const;

 private:
  struct Record {
    Envelope env;
  };
  // A log segment: a run of consecutive records of one partition.
  struct Segment {
    std::uint64_t count = 0;  // records in it
    std::uint64_t bytes = 0;  // Message::bytes of its records
    sim::Time first_at = 0;   // append time of its first record (rolls after segment_ms)
    sim::Time newest_at = 0;  // append time of its newest record (retention counts from it)
  };
  struct Log {
    Fifo<Record> records;
    std::deque<Segment> segments;  // oldest first; back() is the active one
    std::uint64_t base = 0;        // offset of records.front()
    std::uint64_t end() const { return base + records.size(); }
  };
  // One producer's records for one partition, sent as one produce request.
  struct Batch {
    std::vector<Envelope> records;
    std::uint64_t bytes = 0;  // Message::bytes of the records
    TopicId topic = 0;
    std::uint32_t partition = 0;
    sim::NodeId publisher = sim::kNoNode;
    bool open = true;  // still taking records (not yet sent)
    // Back to Batch{}, keeping the records' buffer (Slab::acquire).
    void reset() {
      std::vector<Envelope> kept = std::move(records);
      kept.clear();
      *this = Batch{};
      records = std::move(kept);
    }
  };
  struct GroupPartition {
    int owner = -1;               // member index, -1: none
    std::uint32_t gen = 0;        // bumped on every assignment
    std::uint64_t next = 0;       // next offset to fetch
    std::uint64_t processed = 0;  // one past the last processed under this assignment
    std::uint64_t committed = 0;
    std::uint64_t high_water = 0;  // one past the highest offset ever processed
    std::uint64_t lost_upto = 0;   // offsets below this were counted lost or never owed
    int draining = -1;             // a reachable former owner still finishing a record here
  };
  // A record a poll returned.
  struct Polled {
    Envelope env;
    std::uint64_t offset = 0;
    std::uint32_t partition = 0;
    std::uint32_t gen = 0;  // the partition's assignment when polled
    bool twice = false;     // an injected duplicate: processed twice
  };
  struct Member {
    bool in_group = true;
    bool busy = false;           // processing polled[head]
    bool commit_due = false;     // auto.commit.interval passed: commit in the next poll
    std::uint32_t epoch = 0;     // session timers of older epochs are void
    std::vector<Polled> polled;  // the last poll's records
    std::size_t head = 0;        // polled[head] is the next (busy: the current) one
    std::vector<std::uint32_t> assigned;
    std::size_t cursor = 0;          // assigned[cursor] is the partition in line
    std::uint64_t in_line_left = 0;  // bytes its fetch still holds; 0: none fetched yet
    sim::Time fetch_sent = 0;        // when its pending fetch was sent (at its last poll)
    std::uint32_t wait_gen = 0;      // fetch-wait timers of older generations are void
    bool wait_armed = false;         // a fetch-wait timer of this generation is pending
  };
  struct Group {
    std::vector<GroupPartition> parts;
    std::vector<Member> members;
  };
  enum Kind : std::uint16_t { kAppend = kFirstKind, kSession, kRetention, kLinger };
  enum WorkerKind : std::uint16_t { kDone, kAutoCommit, kWake, kFetchWait };

  void on_subscribe(SubscriptionId sub) override;
  void on_server_event(const sim::Event& e) override;
  void on_worker_event(SubscriptionId sub, std::uint32_t worker, const sim::Event& e) override;
  void on_worker_crash(SubscriptionId sub, std::uint32_t worker) override;
  void on_worker_restart(SubscriptionId sub, std::uint32_t worker) override;
  void on_partition(SubscriptionId sub, bool cut) override;
  std::string_view broker_event_name(std::uint16_t kind) const override;
  std::string_view worker_event_name(std::uint16_t kind) const override;

  std::vector<Log>& logs(TopicId topic);
  // The accumulator's key of a (publisher, topic, partition) path.
  static std::uint64_t path_key(sim::NodeId publisher, TopicId topic, std::uint32_t partition);
  void accumulate(const Envelope& env, std::uint32_t partition);
  // Closes batch b if it is still open (its linger timer fired).
  void linger_expired(std::uint32_t b, std::uint32_t generation);
  void send_batch(std::uint32_t b);
  sim::Time in_order(const Batch& batch, sim::Time at);
  void schedule_append(std::uint32_t b, sim::Time at);
  void append(std::uint32_t b);
  void add_to_segment(Log& log, const Batch& batch);
  // Deletes the expired segments of a partition's log.
  void delete_expired(Log& log);
  bool eligible(SubscriptionId sub, std::uint32_t m) const;
  // Processes polled records, polling again when they are done, until the
  // member is busy, has nothing to poll, or may not poll.
  void fetch(SubscriptionId sub, std::uint32_t m);
  // fetch.min.bytes: whether the member's pending fetch is answered now; if
  // not, arms the timer that answers it at fetch.max.wait.ms.
  bool fetch_answered(SubscriptionId sub, std::uint32_t m);
  void poll(SubscriptionId sub, std::uint32_t m);
  void complete(SubscriptionId sub, std::uint32_t m);
  // One past the highest offset of partition p, assignment gen, the member
  // still has to process from its last poll; 0: none.
  static std::uint64_t held_end(const Member& mb, std::uint32_t p, std::uint32_t gen);
  void commit(SubscriptionId sub, std::uint32_t m);
  void auto_commit(SubscriptionId sub, std::uint32_t m);
  void commit_if_due(SubscriptionId sub, std::uint32_t m);
  // Reassigns the partitions; start: then fetch for every live member.
  void rebalance(SubscriptionId sub, bool start = true);
  void rewind(SubscriptionId sub, std::uint32_t m);
  void hand_over(SubscriptionId sub, std::uint32_t p, int owner);
  void reset(SubscriptionId sub, std::uint32_t p);
  void session_expired(SubscriptionId sub, std::uint32_t m, std::uint32_t epoch);
  void arm_session(SubscriptionId sub, std::uint32_t m);
  void sweep();

  KafkaOptions options_;
  std::vector<std::vector<Log>> logs_;  // [topic][partition]
  std::vector<Group> groups_;           // [sub]
  Slab<Batch> batches_;
  std::unordered_map<std::uint64_t, std::uint32_t>
      open_;  // path_key -> open batch; looked up, never iterated
  std::unordered_map<std::uint64_t, sim::Time> path_time_;  // looked up, never iterated
  bool sweep_armed_ = false;
};

}  // namespace choreo::brokers
