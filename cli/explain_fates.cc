// Fate sentences; see explain_fates.h.
#include "cli/explain_fates.h"

#include <fmt/format.h>

#include <algorithm>

namespace choreo::cli {

namespace {

std::string loss_words(const std::string& reason) {
  if (reason == "disconnected")
    return "dropped by NATS: the subscriber was disconnected (a partition or a crash)";
  if (reason == "slow-consumer") return "dropped by NATS: over the slow-consumer limit (nats.pending_limit)";
  if (reason == "crash") return "dropped by NATS: pending in a worker that crashed";
  if (reason == "injected") return "lost in transit (broker.loss)";
  if (reason == "scripted") return "dropped by a scripted [fault] drop";
  if (reason == "retention") return "deleted by retention before it was consumed";
  if (reason == "reset") return "skipped by Kafka's auto.offset.reset = latest";
  if (reason == "no-subscriber") return "published with no subscriber";
  return "lost (" + reason + ")";
}

std::string duplicate_words(const std::string& reason) {
  if (reason == "injected") return "duplicated in transit (broker.duplicate)";
  if (reason == "after-delete") return "returned by SQS after its delete (sqs.duplicate_after_delete)";
  if (reason == "producer-retry")
    return "written twice by a Kafka producer retry (kafka.producer_error, no idempotence)";
  return "duplicated (" + reason + ")";
}

// The last note of `kinds` on the service before `t`, or nullptr.
const TraceNote* last_note_before(const std::vector<TraceNote>& notes, sim::Time t,
                                  std::initializer_list<std::string_view> kinds) {
  const TraceNote* found = nullptr;
  for (const TraceNote& n : notes) {
    if (n.t > t) break;
    for (std::string_view k : kinds) {
      if (n.kind == k) found = &n;
    }
  }
  return found;
}

}  // namespace

std::string seconds(sim::Time t) { return fmt::format("{:.3f}s", static_cast<double>(t) / 1e6); }

Overtaking how_overtaken(const std::vector<CopyEvent>& later, const std::vector<CopyEvent>& earlier) {
  const CopyEvent* later_in = nullptr;
  const CopyEvent* earlier_in = nullptr;
  for (const CopyEvent& e : later) {
    if (e.kind != "deliver") continue;
    if (e.reason == "short-poll-sample") return Overtaking::kShortPoll;
    if (later_in == nullptr) later_in = &e;
  }
  for (const CopyEvent& e : earlier) {
    if (e.kind == "deliver") {
      earlier_in = &e;
      break;
    }
  }
  if (later_in != nullptr && earlier_in != nullptr && earlier_in->t <= later_in->t) {
    return Overtaking::kConcurrentHandlers;
  }
  return Overtaking::kTransit;
}

std::string_view overtaking_words(Overtaking how) {
  switch (how) {
    case Overtaking::kShortPoll:
      return "a short poll took the newer one first, from the SQS servers it sampled, past older messages on "
             "servers it did not (sqs.wait_time = 0s: sqs.sampled_servers of sqs.servers)";
    case Overtaking::kConcurrentHandlers:
      return "the older copy was delivered first but its handler finished later: the service's workers and "
             "each SQS worker's handlers run concurrently (replica workers, sqs.concurrency)";
    case Overtaking::kTransit:
      break;
  }
  return "the broker does not keep order; broker.delay";
}

std::vector<const CopyEvent*> applied(const std::vector<CopyEvent>& events) {
  std::vector<const CopyEvent*> out;
  for (const CopyEvent& e : events) {
    if (e.kind == "process" && e.result == "ok") out.push_back(&e);
  }
  return out;
}

// NATS's "disconnected", made specific by the service's connection notes
// before the loss: a fault still active, a reconnect still pending, or a
// server-side close.
std::string disconnected_words(sim::Time t, const std::vector<TraceNote>& notes) {
  int disconnects = 0, partitions = 0, down = 0;
  bool reconnecting = false, stale = false, slow = false;
  for (const TraceNote& n : notes) {
    if (n.t > t) break;
    disconnects += n.kind == "disconnect-start" ? 1 : n.kind == "disconnect-end" ? -1 : 0;
    partitions += n.kind == "partition-start" ? 1 : n.kind == "partition-end" ? -1 : 0;
    down += n.kind == "crash" ? 1 : n.kind == "restart" ? -1 : 0;
    if (n.kind == "disconnect-end" || n.kind == "partition-end" || n.kind == "restart") reconnecting = true;
    if (n.kind == "stale-connection") stale = true;
    if (n.kind == "slow-consumer-close") slow = true;
    if (n.kind == "reconnect") reconnecting = stale = slow = false;
  }
  if (disconnects > 0) return "dropped by NATS: the subscriber's connection was broken ([fault] disconnect)";
  if (partitions > 0 && stale) {
    return "dropped by NATS: the server closed the partitioned subscriber's stalled connection (ping "
           "detection)";
  }
  if (partitions > 0) return "dropped by NATS: the subscriber was partitioned away ([fault] partition)";
  if (down > 0) return "dropped by NATS: the subscriber's worker was down (a crash)";
  if (slow) {
    return "dropped by NATS: the server closed the subscriber's connection as a slow consumer "
           "(nats.max_pending)";
  }
  if (reconnecting) {
    return "dropped by NATS: the subscriber was still reconnecting after its connection broke "
           "(nats.reconnect_wait)";
  }
  return loss_words("disconnected");
}

// A copy a worker took on but never processed: a crash of that worker
// after it lost it, or the run ended first.
std::string taken_words(const CopyEvent& last, const std::vector<TraceNote>& notes) {
  const std::string worker = fmt::format("/{}", last.worker);
  for (const TraceNote& n : notes) {
    if (n.t < last.t || n.kind != "crash" || n.node.size() < worker.size() ||
        n.node.compare(n.node.size() - worker.size(), worker.size(), worker) != 0) {
      continue;
    }
    return fmt::format("taken by {}, which crashed at {} before processing it", n.node, seconds(n.t));
  }
  return "still being processed when the run ended";
}

// NATS's "slow-consumer": the subscriber's own pending limit, or what the
// server held for a partitioned client when it closed it.
std::string slow_consumer_words(sim::Time t, const std::vector<TraceNote>& notes) {
  bool closed = false;
  for (const TraceNote& n : notes) {
    if (n.t > t) break;
    if (n.kind == "slow-consumer-close") closed = true;
    if (n.kind == "reconnect") closed = false;
  }
  if (closed) {
    return "dropped by NATS: held for the partitioned subscriber when the server closed its connection as a "
           "slow consumer (nats.write_deadline, nats.max_pending)";
  }
  return loss_words("slow-consumer");
}

std::string why_never_applied(const std::vector<CopyEvent>& events, const std::vector<TraceNote>& notes) {
  for (const CopyEvent& e : events) {
    if (e.kind == "lost" && e.reason == "disconnected") return disconnected_words(e.t, notes);
    if (e.kind == "lost" && e.reason == "slow-consumer") return slow_consumer_words(e.t, notes);
    if (e.kind == "lost") return loss_words(e.reason);
    if (e.kind == "dead-letter") {
      const auto failed = std::count_if(events.begin(), events.end(), [](const CopyEvent& p) {
        return p.kind == "process" && p.result == "handler-error";
      });
      return fmt::format(
          "moved to the dead-letter queue after {} receives (sqs.max_receive_count){}", e.attempt,
          failed == 0 ? std::string()
                      : fmt::format(": its handler failed {} times (broker.handler_error)", failed));
    }
  }
  for (const CopyEvent& e : events) {
    if (e.kind == "process" && e.result == "handler-error") {
      return "its handler failed and the broker did not deliver it again (broker.handler_error)";
    }
  }
  // Kafka's skips are counts, not messages: name every skip of the service
  // (the trace does not say which records each one covered).
  std::string skips;
  for (const TraceNote& n : notes) {
    if (n.kind == "lost" && (n.reason == "retention" || n.reason == "reset")) {
      skips += fmt::format("{}{}: {} at {}", skips.empty() ? "" : "; ",
                           n.reason == "retention"
                               ? "deleted by retention before they were consumed (kafka.retention)"
                               : "skipped by auto.offset.reset = latest",
                           n.count, seconds(n.t));
    }
  }
  if (!skips.empty()) return "never read: Kafka skipped records of this service (" + skips + ")";
  if (!events.empty()) return taken_words(events.back(), notes);
  return "never delivered before the run ended";
}

std::string why_applied_again(const CopyEvent& again, const std::vector<CopyEvent>& events,
                              const MessageFacts& facts, const std::vector<TraceNote>& notes) {
  if (again.duplicate) {
    return duplicate_words(facts.duplicate_reasons.empty() ? "" : facts.duplicate_reasons.front());
  }
  if (again.redelivery == "visibility-timeout") {
    for (const CopyEvent& e : events) {
      if (&e == &again) break;
      if (e.kind == "ack" && e.result == "stale-receipt") {
        return "redelivered by SQS: its processing outlived the visibility timeout (sqs.visibility_timeout), "
               "so its delete came too late";
      }
      if (e.kind == "ack" && e.result == "partitioned") {
        return "redelivered by SQS: its delete could not reach SQS during a partition";
      }
    }
    return "redelivered by SQS after its visibility timeout (sqs.visibility_timeout)";
  }
  if (again.redelivery == "replay") {
    const TraceNote* n = last_note_before(notes, again.t, {"crash", "rewind"});
    if (n != nullptr && n->kind == "rewind") {
      return fmt::format(
          "re-read by Kafka when the group went back to the log start at {} (recovery = bootstrap)",
          seconds(n->t));
    }
    if (n != nullptr && n->kind == "crash") {
      return fmt::format(
          "replayed by Kafka from the last committed offset after {} crashed at {} "
          "(processed, not yet committed: kafka.auto_commit_interval)",
          n->node, seconds(n->t));
    }
    return "replayed by Kafka from the last committed offset after a rebalance";
  }
  return "processed again";
}

}  // namespace choreo::cli
