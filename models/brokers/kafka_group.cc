// The Kafka model's consumer groups: assignment, rebalances, offset resets,
// rewinds, crashes and sessions; see kafka_broker.h. A member's polls and
// commits are in kafka_fetch.cc.
#include <algorithm>
#include <cassert>

#include "models/brokers/kafka_broker.h"
#include "sim/pack.h"

namespace choreo::brokers {

void KafkaBroker::on_subscribe(SubscriptionId sub) {
  const TopicId t = subs_[sub].topic;
  auto& topic_logs = logs(t);
  Group g;
  g.parts.resize(options_.partitions);
  g.members.resize(subs_[sub].workers);
  for (std::uint32_t p = 0; p < options_.partitions; ++p) {
    // A new group has no committed offset: auto.offset.reset decides; what
    // was published before it existed is not owed to it.
    const Log& log = topic_logs[p];
    const std::uint64_t start =
        options_.auto_offset_reset == KafkaOptions::Reset::kLatest ? log.end() : log.base;
    g.parts[p].committed = g.parts[p].high_water = g.parts[p].lost_upto = start;
  }
  groups_.push_back(std::move(g));
  rebalance(sub);
  if (options_.commit == KafkaOptions::Commit::kAuto) {
    for (std::uint32_t m = 0; m < subs_[sub].workers; ++m) {
      sim_.timer(subs_[sub].first + m, options_.auto_commit_interval, kAutoCommit, 0);
    }
  }
}

void KafkaBroker::rebalance(SubscriptionId sub, bool start) {
  Group& g = groups_[sub];
  std::vector<std::uint32_t> live;
  for (std::uint32_t m = 0; m < g.members.size(); ++m) {
    if (g.members[m].in_group) live.push_back(m);
  }
  for (auto& mb : g.members) {
    mb.assigned.clear();
    mb.in_line_left = 0;  // the fetch buffer does not survive a reassignment
  }
  for (std::uint32_t p = 0; p < g.parts.size(); ++p) {
    GroupPartition& gp = g.parts[p];
    const int owner = live.empty() ? -1 : static_cast<int>(live[p % live.size()]);
    if (owner != gp.owner) hand_over(sub, p, owner);
    if (owner >= 0) g.members[static_cast<std::size_t>(owner)].assigned.push_back(p);
  }
  sim_.note(subs_[sub].first, "rebalance", {{"members", static_cast<std::int64_t>(live.size())}});
  if (!start) return;
  for (std::uint32_t m : live) fetch(sub, m);
}

// Moves partition p to `owner` at the committed offset. A reachable former
// owner first processes the records of p it polled and commits them (the
// Java client rebalances inside its next poll); the new owner waits for it.
void KafkaBroker::hand_over(SubscriptionId sub, std::uint32_t p, int owner) {
  Group& g = groups_[sub];
  GroupPartition& gp = g.parts[p];
  if (gp.owner >= 0) {
    const auto old = static_cast<std::uint32_t>(gp.owner);
    if (up(sub, old) && subs_[sub].partitioned == 0) {
      const std::uint64_t held = held_end(g.members[old], p, gp.gen);
      const bool finishing = held > 0;
      if (finishing) gp.processed = held;
      gp.committed = gp.processed;
      gp.draining = finishing ? static_cast<int>(old) : -1;
    }
  }
  gp.owner = owner;
  ++gp.gen;
  gp.next = gp.processed = gp.committed;
}

// auto.offset.reset for a group whose next offset was deleted.
void KafkaBroker::reset(SubscriptionId sub, std::uint32_t p) {
  GroupPartition& gp = groups_[sub].parts[p];
  const Log& log = logs_[subs_[sub].topic][p];
  const TopicId t = subs_[sub].topic;
  const std::uint64_t owed = std::max({gp.next, gp.high_water, gp.lost_upto});
  if (log.base > owed) lose_many(t, log.base - owed, LossReason::kRetention, subs_[sub].first);
  const bool latest = options_.auto_offset_reset == KafkaOptions::Reset::kLatest;
  const std::uint64_t target = latest ? log.end() : log.base;
  const std::uint64_t skipped_from = std::max(log.base, owed);
  if (target > skipped_from) lose_many(t, target - skipped_from, LossReason::kReset, subs_[sub].first);
  gp.lost_upto = std::max(gp.lost_upto, target);
  gp.next = gp.processed = target;
  ++coverage_.offset_resets;
  sim_.note(subs_[sub].first, "offset-reset",
            {{"partition", p}, {"offset", static_cast<std::int64_t>(target)}});
}

// SubscribeOptions::rewind_on_restart, after `m` rejoined: every partition
// goes back to its log start (position and committed offset), as after
// seekToBeginning(). Records its owner still holds from a poll are
// processed first and are void (draining); unprocessed records that
// retention deleted are lost, as in reset().
void KafkaBroker::rewind(SubscriptionId sub, std::uint32_t m) {
  Group& g = groups_[sub];
  const TopicId t = subs_[sub].topic;
  for (std::uint32_t p = 0; p < g.parts.size(); ++p) {
    GroupPartition& gp = g.parts[p];
    const std::uint64_t base = logs_[t][p].base;
    const std::uint64_t owed = std::max({gp.next, gp.high_water, gp.lost_upto});
    if (base > owed) lose_many(t, base - owed, LossReason::kRetention, subs_[sub].first);
    gp.lost_upto = std::max(gp.lost_upto, base);
    if (gp.owner >= 0) {
      const auto owner = static_cast<std::uint32_t>(gp.owner);
      if (held_end(g.members[owner], p, gp.gen) > 0) gp.draining = gp.owner;
    }
    ++gp.gen;
    gp.next = gp.processed = gp.committed = base;
    const auto offset = static_cast<std::int64_t>(base);
    sim_.note(subs_[sub].first + m, "rewind", {{"partition", p}, {"offset", offset}});
  }
}

void KafkaBroker::arm_session(SubscriptionId sub, std::uint32_t m) {
  const std::uint64_t arg = sim::pack_halves(sim::pack_shorts(sub, m), groups_[sub].members[m].epoch);
  sim_.send(server_, options_.session_timeout, kSession, arg);
}

void KafkaBroker::session_expired(SubscriptionId sub, std::uint32_t m, std::uint32_t epoch) {
  Member& mb = groups_[sub].members[m];
  if (mb.epoch != epoch || !mb.in_group || (up(sub, m) && subs_[sub].partitioned == 0)) return;
  mb.in_group = false;
  sim_.note(subs_[sub].first + m, "session-timeout");
  rebalance(sub);
}

void KafkaBroker::on_worker_event(SubscriptionId sub, std::uint32_t m, const sim::Event& e) {
  if (e.kind == kDone) {
    complete(sub, m);
    fetch(sub, m);
  } else if (e.kind == kWake) {
    fetch(sub, m);
  } else if (e.kind == kFetchWait) {
    Member& mb = groups_[sub].members[m];
    if (e.arg != mb.wait_gen) return;  // answered already, or the member crashed
    mb.wait_armed = false;
    fetch(sub, m);
  } else {
    assert(e.kind == kAutoCommit);
    auto_commit(sub, m);
  }
}

void KafkaBroker::on_worker_crash(SubscriptionId sub, std::uint32_t m) {
  Member& mb = groups_[sub].members[m];
  mb.busy = false;  // the records it polled are never finished
  mb.polled.clear();
  mb.head = 0;
  mb.in_line_left = 0;
  mb.commit_due = false;
  ++mb.wait_gen;  // its pending fetch is gone
  mb.wait_armed = false;
  for (std::uint32_t p = 0; p < groups_[sub].parts.size(); ++p) {
    GroupPartition& gp = groups_[sub].parts[p];
    if (gp.draining == static_cast<int>(m)) {  // it will never finish: release the new owner
      gp.draining = -1;
      if (gp.owner >= 0) sim_.timer(subs_[sub].first + static_cast<std::uint32_t>(gp.owner), 0, kWake, 0);
    }
    if (gp.owner != static_cast<int>(m)) continue;
    ++gp.gen;  // its position is lost with it
    gp.next = gp.processed = gp.committed;
  }
  ++mb.epoch;
  if (mb.in_group) arm_session(sub, m);
}

void KafkaBroker::on_worker_restart(SubscriptionId sub, std::uint32_t m) {
  Member& mb = groups_[sub].members[m];
  ++mb.epoch;
  mb.in_group = true;  // a new member joins (the old one, if still listed, leaves)
  mb.fetch_sent = sim_.now();
  if (options_.commit == KafkaOptions::Commit::kAuto) {
    sim_.timer(subs_[sub].first + m, options_.auto_commit_interval, kAutoCommit, 0);
  }
  if (!subs_[sub].rewind_on_restart) {
    rebalance(sub);
    return;
  }
  rebalance(sub, /*start=*/false);
  rewind(sub, m);
  for (std::uint32_t w = 0; w < subs_[sub].workers; ++w) fetch(sub, w);
}

void KafkaBroker::on_partition(SubscriptionId sub, bool cut) {
  Group& g = groups_[sub];
  bool rejoin = false;
  for (std::uint32_t m = 0; m < g.members.size(); ++m) {
    Member& mb = g.members[m];
    if (cut) {
      if (mb.in_group) arm_session(sub, m);
      continue;
    }
    ++mb.epoch;
    if (!mb.in_group && up(sub, m)) {
      mb.in_group = true;
      rejoin = true;
    }
  }
  if (cut) return;
  if (rejoin) {
    rebalance(sub);
  } else {
    for (std::uint32_t m = 0; m < g.members.size(); ++m) fetch(sub, m);
  }
}

}  // namespace choreo::brokers
