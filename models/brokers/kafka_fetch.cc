// The Kafka model's consumer side of a member: polls, processing the polled
// records one at a time, and offset commits; see kafka_broker.h. Group
// membership and rebalances are in kafka_group.cc.
#include <algorithm>
#include <cassert>

#include "models/brokers/kafka_broker.h"

namespace choreo::brokers {

bool KafkaBroker::eligible(SubscriptionId sub, std::uint32_t m) const {
  return groups_[sub].members[m].in_group && subs_[sub].partitioned == 0 && up(sub, m);
}

void KafkaBroker::fetch(SubscriptionId sub, std::uint32_t m) {
  for (;;) {
    Member& mb = groups_[sub].members[m];
    if (mb.busy) return;
    if (mb.head == mb.polled.size()) {
      if (!eligible(sub, m)) return;
      commit_if_due(sub, m);
      if (!fetch_answered(sub, m)) return;
      poll(sub, m);
      if (mb.polled.empty()) {
        fetch_answered(sub, m);  // arms the wait of the fetch sent now, if it waits
        return;
      }
    }
    const Polled& next = mb.polled[mb.head];
    mb.busy = true;
    if (tracing()) {
      const std::uint64_t high_water = groups_[sub].parts[next.partition].high_water;
      trace_deliver(sub, m, next.env, next.offset < high_water ? 2 : 1);
    }
    if (!processing_zero_) {
      sim_.timer(subs_[sub].first + m, processing_time(sub), kDone, 0);
      return;
    }
    complete(sub, m);
  }
}

bool KafkaBroker::fetch_answered(SubscriptionId sub, std::uint32_t m) {
  if (options_.fetch_min_bytes <= 1) return true;
  Member& mb = groups_[sub].members[m];
  const sim::Time deadline = mb.fetch_sent + options_.fetch_max_wait;
  if (sim_.now() >= deadline) return true;
  std::uint64_t bytes = 0;
  for (std::uint32_t p : mb.assigned) {
    const GroupPartition& gp = groups_[sub].parts[p];
    const Log& log = logs_[subs_[sub].topic][p];
    if (gp.draining >= 0) continue;
    for (std::uint64_t o = std::max(gp.next, log.base); o < log.end() && bytes < options_.fetch_min_bytes;
         ++o) {
      bytes += log.records[o - log.base].env.msg.bytes;
    }
    if (bytes >= options_.fetch_min_bytes) return true;
  }
  if (!mb.wait_armed) {
    mb.wait_armed = true;
    sim_.timer(subs_[sub].first + m, deadline - sim_.now(), kFetchWait, mb.wait_gen);
  }
  return false;
}

// FetchCollector.collectFetch: up to max_poll_records records, draining the
// partition in line before the next. A partition's fetch holds what its log
// has now from the member's position, up to max_partition_fetch_bytes (at
// least one record); each partition is fetched at most once per poll.
void KafkaBroker::poll(SubscriptionId sub, std::uint32_t m) {
  Member& mb = groups_[sub].members[m];
  mb.polled.clear();
  mb.head = 0;
  mb.fetch_sent = sim_.now();  // the next fetch goes out as this one is consumed
  ++mb.wait_gen;
  mb.wait_armed = false;
  const std::size_t n = mb.assigned.size();
  std::uint32_t room = options_.max_poll_records;
  for (std::size_t visited = 0; visited < n && room > 0; ++visited) {
    mb.cursor %= n;
    const std::uint32_t p = mb.assigned[mb.cursor];
    GroupPartition& gp = groups_[sub].parts[p];
    const Log& log = logs_[subs_[sub].topic][p];
    if (gp.draining < 0 && gp.next < log.base) reset(sub, p);
    if (mb.in_line_left == 0) mb.in_line_left = options_.max_partition_fetch_bytes;
    while (gp.draining < 0 && room > 0 && mb.in_line_left > 0 && gp.next < log.end()) {
      const Envelope& env = log.records[gp.next - log.base].env;
      const std::uint64_t offset = gp.next++;
      mb.in_line_left -= std::min<std::uint64_t>(mb.in_line_left, env.msg.bytes);
      if (dropped(sub, env)) continue;
      const bool twice = draw_duplicate(subs_[sub].rng);
      if (twice) count_duplicate(env, DuplicateReason::kInjected, sub);
      mb.polled.push_back({.env = env, .offset = offset, .partition = p, .gen = gp.gen, .twice = twice});
      --room;
    }
    const bool more = gp.draining < 0 && mb.in_line_left > 0 && gp.next < log.end();
    if (room == 0 && more) return;  // the rest of this fetch is next in line
    mb.in_line_left = 0;
    mb.cursor = (mb.cursor + 1) % n;
  }
}

void KafkaBroker::complete(SubscriptionId sub, std::uint32_t m) {
  Member& mb = groups_[sub].members[m];
  mb.busy = false;
  const Polled done = mb.polled[mb.head++];  // a copy: process() may poll again
  DeliveryInfo info;
  info.partition = done.partition;
  info.offset = done.offset;
  info.redelivered = done.offset < groups_[sub].parts[done.partition].high_water;
  info.receive_count = info.redelivered ? 2 : 1;
  process(sub, m, done.env, info);
  if (done.twice) {
    info.duplicate = true;
    process(sub, m, done.env, info);
  }
  GroupPartition& gp = groups_[sub].parts[done.partition];
  if (gp.gen != done.gen || gp.owner != static_cast<int>(m)) {  // revoked meanwhile
    if (gp.draining == static_cast<int>(m)) {
      // Processed after all: a rewind (the only way back to it) redelivers it.
      gp.high_water = std::max(gp.high_water, done.offset + 1);
      if (held_end(groups_[sub].members[m], done.partition, done.gen) == 0) {
        gp.draining = -1;
        if (gp.owner >= 0) fetch(sub, static_cast<std::uint32_t>(gp.owner));
      }
    }
    return;
  }
  gp.processed = done.offset + 1;
  gp.high_water = std::max(gp.high_water, done.offset + 1);
  if (options_.commit == KafkaOptions::Commit::kAfterProcessing && subs_[sub].partitioned == 0) {
    gp.committed = gp.processed;
    if (tracing()) trace_commit(sub, m, done.partition, gp.committed);
  }
}

std::uint64_t KafkaBroker::held_end(const Member& mb, std::uint32_t p, std::uint32_t gen) {
  std::uint64_t end = 0;
  for (std::size_t i = mb.head; i < mb.polled.size(); ++i) {
    const Polled& r = mb.polled[i];
    if (r.partition == p && r.gen == gen) end = std::max(end, r.offset + 1);
  }
  return end;
}

// Commits the processed position of every partition the member owns.
void KafkaBroker::commit(SubscriptionId sub, std::uint32_t m) {
  if (subs_[sub].partitioned > 0) return;
  for (std::uint32_t p : groups_[sub].members[m].assigned) {
    GroupPartition& gp = groups_[sub].parts[p];
    if (gp.owner != static_cast<int>(m) || gp.committed == gp.processed) continue;
    gp.committed = gp.processed;
    if (tracing()) trace_commit(sub, m, p, gp.committed);
  }
}

// auto.commit.interval.ms passed: a member waiting in poll commits now, a
// busy one in its next poll (ConsumerCoordinator.maybeAutoCommitOffsetsAsync
// runs in poll and restarts the interval from the commit).
void KafkaBroker::auto_commit(SubscriptionId sub, std::uint32_t m) {
  Member& mb = groups_[sub].members[m];
  mb.commit_due = true;
  if (!mb.busy && mb.head == mb.polled.size()) commit_if_due(sub, m);
}

// In poll: the auto-commit that came due, and the next interval from it.
void KafkaBroker::commit_if_due(SubscriptionId sub, std::uint32_t m) {
  Member& mb = groups_[sub].members[m];
  if (!mb.commit_due) return;
  mb.commit_due = false;
  commit(sub, m);
  sim_.timer(subs_[sub].first + m, options_.auto_commit_interval, kAutoCommit, 0);
}

}  // namespace choreo::brokers
