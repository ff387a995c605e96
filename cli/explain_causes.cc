// Collecting causes; see explain_causes.h.
#include "cli/explain_causes.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "cli/explain_fates.h"

namespace choreo::cli {

namespace {

constexpr std::size_t kExamples = 3;

}  // namespace

void Causes::add(const std::string& words, std::int64_t delta, const std::string& example) {
  Cause& c = by_words_[words];
  c.words = words;
  c.delta += delta;
  ++c.messages;
  if (c.examples.size() < kExamples) c.examples.push_back(example);
}

std::vector<Cause> Causes::sorted() const {
  std::vector<Cause> out;
  for (const auto& [words, c] : by_words_) out.push_back(c);
  std::stable_sort(out.begin(), out.end(),
                   [](const Cause& a, const Cause& b) { return std::llabs(a.delta) > std::llabs(b.delta); });
  return out;
}

std::string example(std::int64_t msg, const MessageFacts& m, sim::Time t, std::string_view what) {
  if (m.comment >= 0) return fmt::format("msg {} (comment {}) {} at {}", msg, m.comment, what, seconds(t));
  return fmt::format("msg {} (v{}) {} at {}", msg, m.version, what, seconds(t));
}

void explain_missing(Causes& causes, std::int64_t sign, std::int64_t msg, const MessageFacts& m,
                     const std::vector<CopyEvent>& events, const std::vector<TraceNote>& notes) {
  causes.add(m.type + " never applied: " + why_never_applied(events, notes), sign,
             example(msg, m, m.published_at, "published"));
}

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

}  // namespace choreo::cli
