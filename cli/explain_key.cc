// Explaining one divergent key; see explain_key.h.
#include "cli/explain_key.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>

#include "cli/explain_fates.h"

namespace choreo::cli {

namespace {

constexpr std::size_t kExamples = 3;

class Causes {
 public:
  void add(const std::string& words, std::int64_t delta, const std::string& example) {
    Cause& c = by_words_[words];
    c.words = words;
    c.delta += delta;
    ++c.messages;
    if (c.examples.size() < kExamples) c.examples.push_back(example);
  }
  std::vector<Cause> sorted() const {
    std::vector<Cause> out;
    for (const auto& [words, c] : by_words_) out.push_back(c);
    std::stable_sort(out.begin(), out.end(), [](const Cause& a, const Cause& b) {
      return std::llabs(a.delta) > std::llabs(b.delta);
    });
    return out;
  }

 private:
  std::map<std::string, Cause> by_words_;
};

bool on_key(const MessageFacts& m, const KeyRef& k) {
  if (m.comment < 0 || m.story != k.story) return false;
  if (k.chapter >= 0 && m.chapter != k.chapter) return false;
  return k.paragraph < 0 || m.paragraph == k.paragraph;
}

std::string example(std::int64_t msg, const MessageFacts& m, sim::Time t, std::string_view what = "applied") {
  if (m.comment >= 0) return fmt::format("msg {} (comment {}) {} at {}", msg, m.comment, what, seconds(t));
  return fmt::format("msg {} (v{}) {} at {}", msg, m.version, what, seconds(t));
}

struct CommentMsgs {
  std::int64_t create = -1, remove = -1;
};

// One message's successful applies, and the cause words of every apply
// after the first.
void explain_extra(Causes& causes, std::int64_t sign, std::int64_t msg, const MessageFacts& m,
                   const std::vector<CopyEvent>& events, const std::vector<TraceNote>& notes) {
  const auto ok = applied(events);
  // The original is the first apply of a copy that is neither an extra copy
  // nor a redelivery (a duplicate can overtake it); every other is extra.
  std::size_t original = 0;
  while (original < ok.size() && (ok[original]->duplicate || !ok[original]->redelivery.empty())) ++original;
  if (original == ok.size()) original = 0;
  for (std::size_t i = 0; i < ok.size(); ++i) {
    if (i == original) continue;
    causes.add(m.type + " applied twice: " + why_applied_again(*ok[i], events, m, notes), sign,
               example(msg, m, ok[i]->t));
  }
}

void explain_missing(Causes& causes, std::int64_t sign, std::int64_t msg, const MessageFacts& m,
                     const std::vector<CopyEvent>& events, const std::vector<TraceNote>& notes) {
  causes.add(m.type + " never applied: " + why_never_applied(events, notes), sign,
             example(msg, m, m.published_at, "published"));
}

// Replays the counter strategy over one comment; returns its count (0/1,
// or any integer for naive) and adds the causes where it is not the owner's.
std::int64_t replay_comment(const ReplicaRef& r, const FateLog& log, const CommentMsgs& c,
                            const std::vector<TraceNote>& notes, Causes& causes) {
  static const MessageFacts kNoFacts;
  static const std::vector<CopyEvent> kNoEvents;
  const auto& messages = log.messages();
  const MessageFacts& cm = c.create >= 0 ? messages.at(c.create) : kNoFacts;
  const MessageFacts& dm = c.remove >= 0 ? messages.at(c.remove) : kNoFacts;
  const auto& ce = c.create >= 0 ? log.copies(r.service, c.create) : kNoEvents;
  const auto& de = c.remove >= 0 ? log.copies(r.service, c.remove) : kNoEvents;
  const auto ca = applied(ce), da = applied(de);
  const std::int64_t owner = (c.create >= 0 ? 1 : 0) - (c.remove >= 0 ? 1 : 0);
  if (r.strategy == "naive") {
    if (c.create >= 0 && ca.empty()) explain_missing(causes, -1, c.create, cm, ce, notes);
    if (c.remove >= 0 && da.empty()) explain_missing(causes, +1, c.remove, dm, de, notes);
    if (c.create >= 0) explain_extra(causes, +1, c.create, cm, ce, notes);
    if (c.remove >= 0) explain_extra(causes, -1, c.remove, dm, de, notes);
    return static_cast<std::int64_t>(ca.size()) - static_cast<std::int64_t>(da.size());
  }
  // Set-like strategies: the comment is live if its create was applied and
  // its delete was not; dedup-id also resurrects a comment whose delete was
  // applied first (the delete removed nothing, the create then added it).
  const bool overtaken =
      r.strategy == "dedup-id" && !ca.empty() && !da.empty() && da.front()->t < ca.front()->t;
  const std::int64_t live = !ca.empty() && (da.empty() || overtaken) ? 1 : 0;
  if (live == owner) return live;
  if (c.create >= 0 && ca.empty()) {
    explain_missing(causes, -1, c.create, cm, ce, notes);
  } else if (c.remove >= 0 && da.empty()) {
    explain_missing(causes, +1, c.remove, dm, de, notes);
  } else if (overtaken) {
    causes.add(fmt::format("CommentDeleted applied before its CommentCreated: the delete removed nothing and "
                           "the create then added the comment back (the broker does not keep order; "
                           "broker.delay)"),
               +1,
               fmt::format("comment {}: delete msg {} applied at {}, create msg {} at {}", cm.comment,
                           c.remove, seconds(da.front()->t), c.create, seconds(ca.front()->t)));
  }
  return live;
}

void explain_counter(const FateLog& log, const ReplicaRef& r, const KeyRef& key, KeyExplanation& out) {
  if (r.strategy != "naive" && r.strategy != "dedup-id" && r.strategy != "2p-set" && r.strategy != "or-set") {
    out.replayed = false;
    return;
  }
  std::map<std::int64_t, CommentMsgs> comments;
  for (const auto& [msg, m] : log.messages()) {
    if (!on_key(m, key) || m.published_at < 0) continue;
    if (m.type == "CommentCreated") comments[m.comment].create = msg;
    if (m.type == "CommentDeleted") comments[m.comment].remove = msg;
  }
  const auto notes = log.notes_of(r.service);
  Causes causes;
  out.traced = 0;
  for (const auto& [comment, c] : comments) out.traced += replay_comment(r, log, c, notes, causes);
  out.causes = causes.sorted();
}

// The version the mirror ends with, replayed over its applied updates.
struct Applied {
  sim::Time t;
  std::int64_t version, msg;
  const CopyEvent* event;
};

std::string late_words(const Applied& late, const MessageFacts& m, const FateLog& log, const ReplicaRef& r,
                       const std::vector<TraceNote>& notes) {
  const auto& events = log.copies(r.service, late.msg);
  if (late.event->duplicate || !late.event->redelivery.empty()) {
    return why_applied_again(*late.event, events, m, notes);
  }
  return "it arrived late (broker.delay: the broker does not keep order)";
}

void explain_mirror(const FateLog& log, const ReplicaRef& r, const KeyRef& key, KeyExplanation& out) {
  const bool last_wins = r.strategy == "overwrite";
  if (!last_wins && r.strategy != "lww-version" && r.strategy != "mv-register") {
    out.replayed = false;
    return;
  }
  std::map<std::int64_t, std::int64_t> by_version;  // version -> msg
  std::vector<Applied> order;
  for (const auto& [msg, m] : log.messages()) {
    if (m.user != key.user || m.published_at < 0) continue;
    by_version[m.version] = msg;
    for (const CopyEvent* e : applied(log.copies(r.service, msg))) order.push_back({e->t, m.version, msg, e});
  }
  std::stable_sort(order.begin(), order.end(), [](const Applied& a, const Applied& b) { return a.t < b.t; });
  std::int64_t traced = 0;
  for (const Applied& a : order) traced = last_wins ? a.version : std::max(traced, a.version);
  out.traced = traced;
  const std::int64_t owner = by_version.empty() ? 0 : by_version.rbegin()->first;
  if (traced >= owner) return;
  const auto notes = log.notes_of(r.service);
  Causes causes;
  // The highest version above `traced` that was applied: a later apply of an
  // older update overwrote it.
  std::int64_t overwritten = traced;
  for (const Applied& a : order) overwritten = std::max(overwritten, a.version);
  if (overwritten > traced) {
    const Applied& late = order.back();
    const MessageFacts& m = log.messages().at(late.msg);
    const Applied* newer = nullptr;
    for (const Applied& a : order) newer = a.version == overwritten ? &a : newer;
    causes.add(fmt::format("UserUpdated v{} applied after v{} and overwrote it: {}", late.version,
                           overwritten, late_words(late, m, log, r, notes)),
               traced - overwritten,
               fmt::format("msg {} (v{}) published at {}, applied at {}; msg {} (v{}) applied at {}",
                           late.msg, late.version, seconds(m.published_at), seconds(late.t), newer->msg,
                           newer->version, seconds(newer->t)));
  }
  for (auto it = by_version.upper_bound(overwritten); it != by_version.end(); ++it) {
    const MessageFacts& m = log.messages().at(it->second);
    explain_missing(causes, -1, it->second, m, log.copies(r.service, it->second), notes);
  }
  out.causes = causes.sorted();
}

std::string signed_number(std::int64_t n) { return n > 0 ? fmt::format("+{}", n) : fmt::format("{}", n); }

}  // namespace

std::int64_t KeyExplanation::accounted() const {
  std::int64_t sum = 0;
  for (const Cause& c : causes) sum += c.delta;
  return sum;
}

sim::Result<KeyRef> parse_key(const std::string& text) {
  KeyRef k;
  k.text = text;
  std::istringstream in(text);
  std::string word;
  std::int64_t n = 0;
  while (in >> word >> n) {
    if (word == "user") k.user = n;
    if (word == "story") k.story = n;
    if (word == "chapter") k.chapter = n;
    if (word == "paragraph") k.paragraph = n;
  }
  if (k.user < 0 && k.story < 0) return sim::Error{fmt::format("cannot read key '{}'", text)};
  return k;
}

KeyExplanation explain_key(const FateLog& log, const ReplicaRef& replica, const KeyRef& key,
                           std::int64_t owner, std::int64_t replica_value) {
  KeyExplanation e;
  e.owner = owner;
  e.replica = replica_value;
  if (replica.kind == "mirror") {
    explain_mirror(log, replica, key, e);
  } else {
    explain_counter(log, replica, key, e);
  }
  return e;
}

std::string format_explanation(const ReplicaRef& r, const KeyRef& key, const KeyExplanation& e) {
  const std::int64_t diff = e.replica - e.owner;
  std::string out = fmt::format("{} ({}) {}: owner {}, replica {} ({})\n", r.name, r.strategy, key.text,
                                e.owner, e.replica, signed_number(diff));
  if (!e.replayed) {
    return out + fmt::format(
                     "  not explained: choreo explain does not replay strategy {} (its state is not in "
                     "the trace)\n",
                     r.strategy);
  }
  for (const Cause& c : e.causes) {
    std::string examples;
    for (const std::string& x : c.examples) examples += (examples.empty() ? "" : "; ") + x;
    if (static_cast<std::size_t>(c.messages) > c.examples.size()) examples += "; ...";
    out +=
        fmt::format("  {:>4}  {} x {}\n        {}\n", signed_number(c.delta), c.messages, c.words, examples);
  }
  const std::int64_t accounted = e.accounted();
  if (e.traced == e.replica && accounted == diff) {
    out += fmt::format("  accounted for: {} of {}\n", signed_number(accounted), signed_number(diff));
  } else {
    out += fmt::format(
        "  accounted for: {} of {}; unexplained: {} (the trace accounts for a replica value of {}, "
        "not {}: state the trace does not show, such as a crash of a store = memory replica or "
        "anti-entropy)\n",
        signed_number(accounted), signed_number(diff), signed_number(diff - accounted), e.traced, e.replica);
  }
  return out;
}

}  // namespace choreo::cli
