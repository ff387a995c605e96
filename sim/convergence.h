// The generic convergence checker: compares every replica with its owner's
// truth, key by key, during the run (sampled) and once more at the end.
// It knows nothing of what the keys mean; a model says how to compare.
//
//   ConvergenceChecker checker;
//   checker.track("mirror", [&](std::size_t examples) {
//     DivergenceBuilder d(examples);
//     for (user u ...) d.key(owner.version(u), mirror.version(u), [&] { return "user " + std::to_string(u);
//     }); return d.take();
//   });
//   sim.add_sampler(period, period, [&](Time t) { checker.sample(t); });
//   ... after the run: checker.sample(sim.now()); checker.replicas()[0].converged()
//
// A replica is converged when the last sample found no differing key; it
// has been since `equal_since`, the first sample of the latest run of equal
// samples (summary.json's converged_at_s). Each sample also records how many keys
// differ and the absolute error (sum of |owner - replica| over keys), which
// columns() / append_row() lay out for timeseries.csv. Samples keep the
// first kExamples differing keys; every_key() walks once more and names
// them all (for `choreo explain`, which accounts for every key).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sim/time.h"
#include "sim/trace.h"

namespace choreo::sim {

// One key whose replica value differs from the owner's.
struct KeyDiff {
  std::string key;
  std::int64_t owner = 0;
  std::int64_t replica = 0;
};

// How far one replica is from its owner at one instant.
struct Divergence {
  std::uint64_t keys = 0;         // keys whose value differs
  std::uint64_t abs_error = 0;    // sum over keys of |owner - replica|
  std::vector<KeyDiff> examples;  // the first differing keys (all, from every_key), in comparison order
};

// Builds a Divergence from a walk over the keys, in a deterministic order.
class DivergenceBuilder {
 public:
  static constexpr std::size_t kExamples = 5;
  static constexpr std::size_t kEveryKey = static_cast<std::size_t>(-1);

  // Keeps the first `examples` differing keys (kEveryKey: all of them).
  explicit DivergenceBuilder(std::size_t examples = kExamples) : examples_(examples) {}

  // Compares one key. `name()` is called only for the differing keys kept
  // as examples, so naming costs nothing on the equal ones.
  template <class Name>
  void key(std::int64_t owner, std::int64_t replica, Name&& name) {
    if (owner == replica) return;
    ++d_.keys;
    d_.abs_error += owner > replica ? static_cast<std::uint64_t>(owner - replica)
                                    : static_cast<std::uint64_t>(replica - owner);
    if (d_.examples.size() < examples_) d_.examples.push_back({name(), owner, replica});
  }
  Divergence take() { return std::move(d_); }

 private:
  std::size_t examples_;
  Divergence d_;
};

class ConvergenceChecker {
 public:
  // Measures a replica, keeping `examples` differing keys as examples.
  using Compare = std::function<Divergence(std::size_t examples)>;

  struct Tracked {
    std::string name;
    Compare compare;
    Divergence last;                  // at the latest sample
    std::optional<Time> equal_since;  // unset while it differs
    bool converged() const { return last.keys == 0; }
  };

  // Tracks a replica; `compare` measures it against its owner's truth.
  void track(std::string name, Compare compare);
  // Compares every tracked replica as of time `t` (non-decreasing).
  void sample(Time t);

  const std::vector<Tracked>& replicas() const { return tracked_; }
  // Compares `replica` now, naming every differing key (examples holds
  // them all); the samples are left as they are.
  Divergence every_key(std::size_t replica) const;
  // When the trace is written: one line per differing key of every
  // replica, as of `t` (node "checker", kind "divergent"; fields replica,
  // service = services[i], key, owner, value), for `choreo explain`.
  void trace_every_key(Trace& trace, Time t, const std::vector<std::string>& services) const;
  bool all_converged() const;
  // The verdict of one replica for summary.json: converged, converged_at_s
  // (null unless converged), divergent_keys, abs_error, and divergent_examples
  // ([{key, owner, replica}], at most DivergenceBuilder::kExamples).
  nlohmann::json to_json(std::size_t replica) const;

  // "<name>.divergent_keys", "<name>.abs_error" per replica, in tracking order.
  std::vector<std::string> columns() const;
  // Appends the latest sample's values in columns() order.
  void append_row(std::vector<double>& row) const;

 private:
  std::vector<Tracked> tracked_;
};

}  // namespace choreo::sim
