// Replaying mirror strategies; see explain_mirrors.h.
#include "cli/explain_mirrors.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cli/explain_causes.h"
#include "cli/explain_fates.h"

namespace choreo::cli {

namespace {

struct Applied {
  sim::Time t;
  std::int64_t version, clock, msg;
  const CopyEvent* event;
};

// Whether `next`, applied after `held`, replaces it under `strategy`.
bool wins(std::string_view strategy, const Applied& next, const Applied& held) {
  if (strategy == "overwrite") return true;
  if (strategy == "lww-clock") {
    return next.clock > held.clock || (next.clock == held.clock && next.version > held.version);
  }
  return next.version > held.version;  // lww-version, mv-register
}

std::string late_words(const Applied& late, const MessageFacts& m, const Applied& newer, const FateLog& log,
                       const ReplicaRef& r, const std::vector<TraceNote>& notes) {
  const auto& events = log.copies(r.service, late.msg);
  if (late.event->duplicate || !late.event->redelivery.empty()) {
    return why_applied_again(*late.event, events, m, notes);
  }
  const Overtaking how = how_overtaken(log.copies(r.service, newer.msg), events);
  if (how == Overtaking::kTransit) return "it arrived late (broker.delay: the broker does not keep order)";
  return std::string(overtaking_words(how));
}

// The cause of `held` (what the replay ends with) beating `newer`, a newer
// applied version.
void add_lost_newer(Causes& causes, const FateLog& log, const ReplicaRef& r, const Applied& held,
                    const Applied& newer, const std::vector<TraceNote>& notes) {
  const MessageFacts& hm = log.messages().at(held.msg);
  const MessageFacts& nm = log.messages().at(newer.msg);
  const std::int64_t delta = held.version - newer.version;
  if (r.strategy == "lww-clock") {
    causes.add(
        fmt::format("UserUpdated v{} lost to v{}: its host's clock read {} behind v{}'s, though it was "
                    "published {} later (lww-clock trusts host clocks; workload.clock_skew)",
                    newer.version, held.version, seconds(held.clock - newer.clock), held.version,
                    seconds(nm.published_at - hm.published_at)),
        delta,
        fmt::format("msg {} (v{}) published at {}, applied at {}; msg {} (v{}) published at {}", newer.msg,
                    newer.version, seconds(nm.published_at), seconds(newer.t), held.msg, held.version,
                    seconds(hm.published_at)));
    return;
  }
  causes.add(fmt::format("UserUpdated v{} applied after v{} and overwrote it: {}", held.version,
                         newer.version, late_words(held, hm, newer, log, r, notes)),
             delta,
             fmt::format("msg {} (v{}) published at {}, applied at {}; msg {} (v{}) applied at {}", held.msg,
                         held.version, seconds(hm.published_at), seconds(held.t), newer.msg, newer.version,
                         seconds(newer.t)));
}

}  // namespace

bool replays_mirror(std::string_view s) {
  return s == "overwrite" || s == "lww-version" || s == "lww-clock" || s == "mv-register";
}

void explain_mirror(const FateLog& log, const ReplicaRef& r, const KeyRef& key, KeyExplanation& out) {
  if (!replays_mirror(r.strategy)) {
    out.replayed = false;
    return;
  }
  std::map<std::int64_t, std::int64_t> by_version;  // version -> msg
  std::vector<Applied> order;
  for (const auto& [msg, m] : log.messages()) {
    if (m.user != key.user || m.published_at < 0) continue;
    if (r.strategy == "lww-clock" && m.clock < 0) {
      out.replayed = false;  // a trace without host clocks
      return;
    }
    by_version[m.version] = msg;
    for (const CopyEvent* e : applied(log.copies(r.service, msg))) {
      order.push_back({e->t, m.version, m.clock, msg, e});
    }
  }
  std::stable_sort(order.begin(), order.end(), [](const Applied& a, const Applied& b) { return a.t < b.t; });
  const Applied* held = nullptr;
  for (const Applied& a : order) {
    if (held == nullptr || wins(r.strategy, a, *held)) held = &a;
  }
  out.traced = held == nullptr ? 0 : held->version;
  const std::int64_t owner = by_version.empty() ? 0 : by_version.rbegin()->first;
  if (out.traced >= owner) return;
  const auto notes = log.notes_of(r.service);
  Causes causes;
  // The highest applied version: if above what the replay holds, it lost.
  const Applied* newest = held;
  for (const Applied& a : order) newest = a.version >= newest->version ? &a : newest;
  const std::int64_t top = newest == nullptr ? 0 : newest->version;
  if (newest != nullptr && newest->version > held->version)
    add_lost_newer(causes, log, r, *held, *newest, notes);
  for (auto it = by_version.upper_bound(top); it != by_version.end(); ++it) {
    explain_missing(causes, -1, it->second, log.messages().at(it->second), log.copies(r.service, it->second),
                    notes);
  }
  out.causes = causes.sorted();
}

}  // namespace choreo::cli
