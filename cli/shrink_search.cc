// The search behind `choreo shrink`; see shrink_search.h.
#include "cli/shrink_search.h"

#include <fmt/format.h>

#include <algorithm>

#include "sim/units.h"

namespace choreo::cli {

namespace {

// What one step works on: a key's value, or a whole instance section.
struct Slot {
  std::string name;  // "workload.comment_rate" or "fault.cut"
  bool section = false;
};

// [swarm] keys only steer `choreo sweep --swarm`: no run reads them.
bool always_kept(const std::string& key, const ShrinkLimits& limits) {
  return key == "run.seed" || key == "run.settle" || key == "run.model" || key.starts_with("swarm.") ||
         std::find(limits.keep.begin(), limits.keep.end(), key) != limits.keep.end();
}

// The slots of a scenario in the order the search tries them.
std::vector<Slot> slots_of(const sim::Config& config, const sim::ConfigSchema& schema,
                           const ShrinkLimits& limits) {
  std::vector<Slot> out;
  if (!always_kept("run.duration", limits)) out.push_back({"run.duration"});
  for (const char* section : {"fault", "replica"}) {
    for (const auto& name : config.instances(section))
      out.push_back({std::string(section) + "." + name, true});
  }
  for (const auto type : {sim::ValueType::kRate, sim::ValueType::kInteger, sim::ValueType::kProbability,
                          sim::ValueType::kDuration}) {
    for (const bool in_file : {true, false}) {  // the keys the scenario sets first, then defaults
      for (const auto& v : config.effective()) {
        const auto* spec = schema.find(v.key);
        if (spec == nullptr || spec->type != type || (v.origin != "default") != in_file ||
            v.key == "run.duration" || always_kept(v.key, limits)) {
          continue;
        }
        out.push_back({v.key});
      }
    }
  }
  return out;
}

// A smaller value to try. A weakening (a fault's probability or rate
// lowered, a section removed) may cost up to 10 % more events; a size
// reduction must make the run smaller, except for the workload's sizes
// (fewer users at equal events is still a simpler scenario).
struct Candidate {
  std::string value;
  bool weakening = false;
};

// Smaller values for `key`, most aggressive first; none when it cannot shrink.
std::vector<Candidate> smaller_values(const sim::Config& config, const sim::KeySpec& spec,
                                      const std::string& key) {
  std::vector<Candidate> out;
  switch (spec.type) {
    case sim::ValueType::kDuration: {
      const sim::Time t = config.duration(key);
      if (t == sim::kForever) break;
      for (const sim::Time d : {sim::Time{4}, sim::Time{2}}) {
        if (t / d > 0) out.push_back({sim::format_duration(t / d)});
      }
      break;
    }
    case sim::ValueType::kRate: {
      const double r = config.rate(key);
      if (r <= 0) break;
      out.push_back({sim::format_rate(0), true});
      if (r >= 1e-3) out.push_back({sim::format_rate(r / 4)}), out.push_back({sim::format_rate(r / 2)});
      break;
    }
    case sim::ValueType::kProbability: {
      const double p = config.probability(key);
      if (p <= 0) break;
      out.push_back({sim::format_probability(0), true});
      if (p >= 1e-4) {
        out.push_back({sim::format_probability(p / 4), true});
        out.push_back({sim::format_probability(p / 2), true});
      }
      break;
    }
    case sim::ValueType::kInteger: {
      const std::int64_t n = config.integer(key);
      for (const std::int64_t d : {4, 2}) {
        if (n / d < n && n > 0) out.push_back({std::to_string(n / d)});
      }
      break;
    }
    default:
      break;
  }
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Candidate& a, const Candidate& b) { return a.value == b.value; }),
            out.end());
  return out;
}

class Search {
 public:
  Search(const ShrinkDraft& start, std::uint64_t events, const sim::ConfigSchema& schema,
         const ShrinkOracle& oracle, const ShrinkLimits& limits,
         const std::function<void(const std::string&)>& progress)
      : schema_(schema), oracle_(oracle), limits_(limits), progress_(progress), cap_(events) {
    result_.draft = start;
    result_.events = events;
  }

  ShrinkResult run() {
    for (bool changed = true; changed && !spent();) {
      changed = false;
      auto config = oracle_.resolve(result_.draft);
      if (!config) break;  // cannot happen: every kept draft resolved
      for (const auto& slot : slots_of(*config, schema_, limits_)) {
        while (!spent() && shrink_slot(slot)) changed = true;
      }
    }
    result_.budget_spent = spent();
    return std::move(result_);
  }

 private:
  bool spent() const { return result_.runs >= limits_.max_runs; }

  // Takes the first candidate for `slot` that still fails; false if none does.
  bool shrink_slot(const Slot& slot) {
    if (slot.section) {
      ShrinkDraft d = result_.draft;
      d.remove_section(slot.name);
      return d != result_.draft && try_draft(d, fmt::format("[{}] removed", slot.name), true);
    }
    auto config = oracle_.resolve(result_.draft);
    const auto* spec = schema_.find(slot.name);
    if (!config || spec == nullptr) return false;
    const auto effective = config->effective();
    const auto it = std::find_if(effective.begin(), effective.end(),
                                 [&](const sim::EffectiveValue& v) { return v.key == slot.name; });
    if (it == effective.end()) return false;  // its section was removed
    const bool workload = slot.name.starts_with("workload.") && spec->type == sim::ValueType::kInteger;
    for (const auto& c : smaller_values(*config, *spec, slot.name)) {
      if (c.value == it->value) continue;
      ShrinkDraft d = result_.draft;
      d.set(slot.name, c.value);
      if (spent()) return false;
      if (try_draft(d, fmt::format("{} {} -> {}", slot.name, it->value, c.value), c.weakening, workload)) {
        return true;
      }
    }
    return false;
  }

  // `weakening`: up to 10 % more events allowed; else fewer events are
  // required, or equal ones when `equal_ok`.
  bool try_draft(const ShrinkDraft& d, const std::string& what, bool weakening, bool equal_ok = false) {
    if (!oracle_.resolve(d)) return false;
    const ShrinkProbe probe = oracle_.run(d);
    if (probe.ran) ++result_.runs;
    if (!probe.same_failure) return false;
    const bool small_enough = weakening ? probe.events <= std::min(cap_, result_.events + result_.events / 10)
                              : equal_ok ? probe.events <= result_.events
                                         : probe.events < result_.events;
    if (!small_enough) return false;
    result_.draft = d;
    result_.events = probe.events;
    result_.steps.push_back(what);
    progress_(fmt::format("run {}: {}: fails the same way in {} events", result_.runs, what, probe.events));
    return true;
  }

  const sim::ConfigSchema& schema_;
  const ShrinkOracle& oracle_;
  const ShrinkLimits& limits_;
  const std::function<void(const std::string&)>& progress_;
  const std::uint64_t cap_;  // the original's events
  ShrinkResult result_;
};

}  // namespace

ShrinkResult shrink(const ShrinkDraft& start, std::uint64_t start_events, const sim::ConfigSchema& schema,
                    const ShrinkOracle& oracle, const ShrinkLimits& limits,
                    const std::function<void(const std::string&)>& progress) {
  return Search(start, start_events, schema, oracle, limits, progress).run();
}

}  // namespace choreo::cli
