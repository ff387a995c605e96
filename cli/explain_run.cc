// A run's explanation; see explain_run.h.
#include "cli/explain_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "cli/explain_key.h"

namespace choreo::cli {

namespace {

// The service that consumes for `replica`: replica.NAME.service, else its name.
std::string service_of(const nlohmann::json& summary, const std::string& replica) {
  const auto& config = summary.at("config");
  const auto it = config.find("replica." + replica + ".service");
  return it == config.end() || !it->is_string() || it->get<std::string>().empty() ? replica
                                                                                  : it->get<std::string>();
}

std::uint64_t magnitude(std::int64_t n) {
  return n < 0 ? static_cast<std::uint64_t>(-n) : static_cast<std::uint64_t>(n);
}

std::string signed_number(std::int64_t n) { return n > 0 ? fmt::format("+{}", n) : fmt::format("{}", n); }

// One divergent key and its explanation.
struct KeyAccount {
  KeyRef key;
  bool parsed = false;
  KeyExplanation e;

  std::int64_t difference() const { return e.replica - e.owner; }
  bool full() const { return parsed && e.replayed && e.traced == e.replica && e.accounted() == difference(); }
  // The part of |difference| the causes cover: all of it when full, else
  // what they account for in its direction.
  std::uint64_t explained() const {
    if (full()) return magnitude(difference());
    if (!parsed || !e.replayed || (e.accounted() > 0) != (difference() > 0)) return 0;
    return std::min(magnitude(e.accounted()), magnitude(difference()));
  }
};

// A cause's words with its versions left out ("UserUpdated v3 applied
// after v4" -> "UserUpdated vN applied after vN"), so the same mechanism
// sums over keys.
std::string mechanism_words(const std::string& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool version = words[i] == 'v' && (i == 0 || words[i - 1] == ' ') && i + 1 < words.size() &&
                         std::isdigit(static_cast<unsigned char>(words[i + 1])) != 0;
    out += words[i];
    if (!version) continue;
    out += 'N';
    while (i + 1 < words.size() && std::isdigit(static_cast<unsigned char>(words[i + 1])) != 0) ++i;
  }
  return out;
}

struct CauseTotal {
  std::int64_t delta = 0, messages = 0, keys = 0;
};

// The replica's divergent keys: the trace's `divergent` lines, else
// summary.json's examples (`listed` false).
std::vector<sim::KeyDiff> divergent_keys(const nlohmann::json& r, const FateLog& log, bool& listed) {
  const auto& lines = log.divergent(r.at("name"));
  listed = !lines.empty();
  if (listed) return lines;
  std::vector<sim::KeyDiff> out;
  for (const auto& x : r.at("divergent_examples"))
    out.push_back({x.at("key"), x.at("owner"), x.at("replica")});
  return out;
}

std::string totals_line(const ReplicaRef& ref, const nlohmann::json& r, const std::vector<KeyAccount>& keys,
                        bool listed) {
  const auto observed_keys = r.at("divergent_keys").get<std::uint64_t>();
  const auto observed = r.at("abs_error").get<std::uint64_t>();
  std::uint64_t explained = 0;
  std::string partial;
  std::size_t not_full = 0;
  for (const KeyAccount& k : keys) {
    explained += k.explained();
    if (k.full()) continue;
    if (++not_full <= 5) {
      partial += fmt::format("{}{}: {} of {} unexplained", partial.empty() ? "" : ", ", k.key.text,
                             signed_number(k.difference() - k.e.accounted()), signed_number(k.difference()));
    }
  }
  if (not_full > 5) partial += ", ...";
  std::string out = fmt::format("{} ({}): {} divergent keys, abs_error {}: ", ref.name, ref.strategy,
                                observed_keys, observed);
  if (listed && not_full == 0 && keys.size() == observed_keys && explained == observed) {
    return out + fmt::format("every key's whole difference explained ({} of {})\n", explained, observed);
  }
  out += fmt::format("explained {} of {}", explained, observed);
  if (not_full > 0) out += fmt::format("; not explained in full: {} keys ({})", not_full, partial);
  if (!listed) {
    out += fmt::format(
        "; the trace has no divergent lines for {} (a --trace-filter left them out): only summary.json's {} "
        "examples were explained",
        ref.name, keys.size());
  } else if (keys.size() != observed_keys) {
    out += fmt::format("; the trace lists {} divergent keys, not {} (a trace of another run?)", keys.size(),
                       observed_keys);
  }
  return out + "\n";
}

std::string causes_block(const std::vector<KeyAccount>& keys, std::int64_t limit) {
  std::map<std::string, CauseTotal> by_words;
  for (const KeyAccount& k : keys) {
    for (const Cause& c : k.e.causes) {
      CauseTotal& t = by_words[mechanism_words(c.words)];
      t.delta += c.delta;
      t.messages += c.messages;
      ++t.keys;
    }
  }
  std::vector<std::pair<std::string, CauseTotal>> sorted(by_words.begin(), by_words.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return magnitude(a.second.delta) > magnitude(b.second.delta);
  });
  if (sorted.empty() || limit == 0) return "";
  std::string out = "  by cause, over every key:\n";
  std::int64_t shown = 0;
  for (const auto& [words, t] : sorted) {
    if (limit >= 0 && shown == limit) {
      const std::size_t rest = sorted.size() - static_cast<std::size_t>(shown);
      out += fmt::format("    ... {} more {} (--causes all)\n", rest, rest == 1 ? "cause" : "causes");
      break;
    }
    ++shown;
    out += fmt::format("  {:>6}  {} x {} (on {} {})\n", signed_number(t.delta), t.messages, words, t.keys,
                       t.keys == 1 ? "key" : "keys");
  }
  return out;
}

// Not explained in full first, then the largest differences, then in the
// checker's order.
void order_for_details(std::vector<const KeyAccount*>& keys) {
  std::stable_sort(keys.begin(), keys.end(), [](const KeyAccount* a, const KeyAccount* b) {
    if (a->full() != b->full()) return !a->full();
    return magnitude(a->difference()) > magnitude(b->difference());
  });
}

std::string explain_replica(const nlohmann::json& summary, const nlohmann::json& r, const FateLog& log,
                            const ExplainSelection& select) {
  const std::string name = r.at("name");
  const ReplicaRef ref{name, service_of(summary, name), r.at("kind"), r.at("strategy")};
  bool listed = false;
  std::vector<KeyAccount> keys;
  for (const sim::KeyDiff& d : divergent_keys(r, log, listed)) {
    KeyAccount k;
    auto key = parse_key(d.key);
    k.parsed = static_cast<bool>(key);
    k.key = key ? *key : KeyRef{d.key};
    k.e.owner = d.owner;
    k.e.replica = d.replica;
    if (k.parsed) k.e = explain_key(log, ref, k.key, d.owner, d.replica);
    keys.push_back(std::move(k));
  }
  std::string out = totals_line(ref, r, keys, listed) + causes_block(keys, select.causes);
  std::vector<const KeyAccount*> details;
  for (const KeyAccount& k : keys) details.push_back(&k);
  if (!select.key.empty()) {
    std::erase_if(details, [&](const KeyAccount* k) { return k->key.text != select.key; });
    if (details.empty()) out += fmt::format("  {}: not a divergent key of {}\n", select.key, name);
  } else {
    order_for_details(details);
    if (select.keys >= 0 && details.size() > static_cast<std::size_t>(select.keys)) {
      details.resize(static_cast<std::size_t>(select.keys));
    }
  }
  for (const KeyAccount* k : details) {
    out += k->parsed ? format_explanation(ref, k->key, k->e)
                     : fmt::format("{} ({}) {}: not explained: not a key explain can read\n", name,
                                   ref.strategy, k->key.text);
  }
  if (select.key.empty() && details.size() < keys.size()) {
    const std::size_t rest = keys.size() - details.size();
    out += fmt::format("  ... {} more {} (--keys all, or --key KEY for one)\n", rest,
                       rest == 1 ? "key" : "keys");
  }
  return out;
}

}  // namespace

bool has_replica(const nlohmann::json& summary, const std::string& name) {
  for (const auto& r : summary.at("replicas")) {
    if (r.at("name") == name) return true;
  }
  return false;
}

std::string explain_run(const nlohmann::json& summary, const FateLog& log, const ExplainSelection& select) {
  std::string out;
  std::size_t diverged = 0;
  for (const auto& r : summary.at("replicas")) {
    const std::string name = r.at("name");
    if ((!select.replica.empty() && name != select.replica) || r.at("converged").get<bool>()) continue;
    ++diverged;
    out += explain_replica(summary, r, log, select);
  }
  if (diverged == 0) out += "every replica converged: nothing to explain\n";
  return out;
}

}  // namespace choreo::cli
