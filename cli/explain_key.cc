// Explaining one divergent key; see explain_key.h.
#include "cli/explain_key.h"

#include <fmt/format.h>

#include <sstream>

#include "cli/explain_counters.h"
#include "cli/explain_mirrors.h"

namespace choreo::cli {

namespace {

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
                     "  not explained: the trace lacks what replaying {} needs (the publish lines of the "
                     "key's messages, with their shard totals or host clocks)\n",
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
        "not {}: state the trace does not show, such as a crash of a store = memory replica, "
        "anti-entropy, or lines a --trace-filter left out)\n",
        signed_number(accounted), signed_number(diff), signed_number(diff - accounted), e.traced, e.replica);
  }
  return out;
}

}  // namespace choreo::cli
