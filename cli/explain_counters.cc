// Replaying counter strategies; see explain_counters.h.
#include "cli/explain_counters.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cli/explain_causes.h"
#include "cli/explain_fates.h"

namespace choreo::cli {

namespace {

struct CommentMsgs {
  std::int64_t create = -1, remove = -1;
};

// What every replay reads: the log, the replica, its service's notes.
struct Replay {
  const FateLog& log;
  const ReplicaRef& r;
  std::vector<TraceNote> notes;
  Causes causes;

  const MessageFacts& facts(std::int64_t msg) const { return log.messages().at(msg); }
  const std::vector<CopyEvent>& copies(std::int64_t msg) const {
    static const std::vector<CopyEvent> kNone;
    return msg >= 0 ? log.copies(r.service, msg) : kNone;
  }
  void missing(std::int64_t sign, std::int64_t msg) {
    explain_missing(causes, sign, msg, facts(msg), copies(msg), notes);
  }
  void extra(std::int64_t sign, std::int64_t msg) {
    explain_extra(causes, sign, msg, facts(msg), copies(msg), notes);
  }
  // A delete a grow-only strategy does not count: +1 against the live count.
  void uncounted_delete(std::int64_t msg) {
    const MessageFacts& m = facts(msg);
    causes.add(
        fmt::format("CommentDeleted not counted: {} is grow-only (it counts every comment ever created)",
                    r.strategy),
        +1, example(msg, m, m.published_at, "published"));
  }
};

bool on_key(const MessageFacts& m, const KeyRef& k) {
  if (m.comment < 0 || m.story != k.story) return false;
  if (k.chapter >= 0 && m.chapter != k.chapter) return false;
  return k.paragraph < 0 || m.paragraph == k.paragraph;
}

std::int64_t applies(const Replay& p, std::int64_t msg) {
  return static_cast<std::int64_t>(applied(p.copies(msg)).size());
}

// naive: +1 per applied create copy, -1 per applied delete copy.
std::int64_t replay_naive(Replay& p, const CommentMsgs& c) {
  if (c.create >= 0 && applies(p, c.create) == 0) p.missing(-1, c.create);
  if (c.remove >= 0 && applies(p, c.remove) == 0) p.missing(+1, c.remove);
  if (c.create >= 0) p.extra(+1, c.create);
  if (c.remove >= 0) p.extra(-1, c.remove);
  return applies(p, c.create) - applies(p, c.remove);
}

// dedup-id, 2p-set, or-set: the comment is live if its create was applied
// and its delete was not; dedup-id also resurrects a comment whose delete
// was applied first (the delete removed nothing, the create then added it).
std::int64_t replay_set(Replay& p, const CommentMsgs& c) {
  const auto ca = applied(p.copies(c.create)), da = applied(p.copies(c.remove));
  const std::int64_t owner = (c.create >= 0 ? 1 : 0) - (c.remove >= 0 ? 1 : 0);
  const bool overtaken =
      p.r.strategy == "dedup-id" && !ca.empty() && !da.empty() && da.front()->t < ca.front()->t;
  const std::int64_t live = !ca.empty() && (da.empty() || overtaken) ? 1 : 0;
  if (live == owner) return live;
  if (c.create >= 0 && ca.empty()) {
    p.missing(-1, c.create);
  } else if (c.remove >= 0 && da.empty()) {
    p.missing(+1, c.remove);
  } else if (overtaken) {
    const Overtaking how = how_overtaken(p.copies(c.remove), p.copies(c.create));
    p.causes.add(
        fmt::format("CommentDeleted applied before its CommentCreated: the delete removed nothing and the "
                    "create then added the comment back{}",
                    how == Overtaking::kTransit ? " (the broker does not keep order; broker.delay)"
                                                : fmt::format(": {}", overtaking_words(how))),
        +1,
        fmt::format("comment {}: delete msg {} applied at {}, create msg {} at {}", p.facts(c.create).comment,
                    c.remove, seconds(da.front()->t), c.create, seconds(ca.front()->t)));
  }
  return live;
}

// shard-delta-sum: every applied create copy adds its shard's increment
// (1); deletes are not counted.
std::int64_t replay_delta_sum(Replay& p, const CommentMsgs& c) {
  if (c.create >= 0 && applies(p, c.create) == 0) p.missing(-1, c.create);
  if (c.create >= 0) p.extra(+1, c.create);
  if (c.remove >= 0) p.uncounted_delete(c.remove);
  return applies(p, c.create);
}

// g-counter's entries (or one half of pn-counter's): per shard, the highest
// total on the key among the applied `msgs`; each message above it was
// never applied (`sign` each). Returns the entries' sum, or -1 when a
// message's shard total is not in the trace.
std::int64_t replay_entries(Replay& p, const std::vector<std::int64_t>& msgs, std::size_t level,
                            std::int64_t sign) {
  std::map<std::int64_t, std::int64_t> top;  // shard -> highest applied total
  for (std::int64_t msg : msgs) {
    const MessageFacts& m = p.facts(msg);
    if (m.shard < 0 || m.totals[level] < 0) return -1;
    std::int64_t& t = top[m.shard];
    if (applies(p, msg) > 0) t = std::max(t, m.totals[level]);
  }
  std::int64_t sum = 0;
  for (const auto& [shard, t] : top) sum += t;
  for (std::int64_t msg : msgs) {
    if (p.facts(msg).totals[level] > top[p.facts(msg).shard]) p.missing(sign, msg);
  }
  return sum;
}

}  // namespace

bool replays_counter(std::string_view s) {
  return s == "naive" || s == "dedup-id" || s == "2p-set" || s == "or-set" || s == "shard-delta-sum" ||
         s == "g-counter" || s == "pn-counter";
}

void explain_counter(const FateLog& log, const ReplicaRef& r, const KeyRef& key, KeyExplanation& out) {
  if (!replays_counter(r.strategy)) {
    out.replayed = false;
    return;
  }
  std::map<std::int64_t, CommentMsgs> comments;
  std::vector<std::int64_t> creates, deletes;
  for (const auto& [msg, m] : log.messages()) {
    if (!on_key(m, key) || m.published_at < 0) continue;
    if (m.type == "CommentCreated") {
      comments[m.comment].create = msg;
      creates.push_back(msg);
    }
    if (m.type == "CommentDeleted") {
      comments[m.comment].remove = msg;
      deletes.push_back(msg);
    }
  }
  Replay p{log, r, log.notes_of(r.service), {}};
  out.traced = 0;
  if (r.strategy == "g-counter" || r.strategy == "pn-counter") {
    const std::size_t level = key.paragraph >= 0 ? 2 : key.chapter >= 0 ? 1 : 0;
    const std::int64_t created = replay_entries(p, creates, level, -1);
    const std::int64_t deleted = r.strategy == "g-counter" ? 0 : replay_entries(p, deletes, level, +1);
    if (created < 0 || deleted < 0) {
      out.replayed = false;  // a trace without shard totals
      return;
    }
    if (r.strategy == "g-counter") {
      for (std::int64_t msg : deletes) p.uncounted_delete(msg);
    }
    out.traced = created - deleted;
  } else {
    for (const auto& [comment, c] : comments) {
      out.traced += r.strategy == "naive"             ? replay_naive(p, c)
                    : r.strategy == "shard-delta-sum" ? replay_delta_sum(p, c)
                                                      : replay_set(p, c);
    }
  }
  out.causes = p.causes.sorted();
}

}  // namespace choreo::cli
