// The generic convergence checker; see convergence.h.
#include "sim/convergence.h"

#include <algorithm>
#include <cassert>

namespace choreo::sim {

void ConvergenceChecker::track(std::string name, Compare compare) {
  tracked_.push_back(Tracked{std::move(name), std::move(compare), {}, Time{0}});
}

void ConvergenceChecker::sample(Time t) {
  for (auto& r : tracked_) {
    r.last = r.compare(DivergenceBuilder::kExamples);
    if (!r.converged()) {
      r.equal_since.reset();
    } else if (!r.equal_since) {
      r.equal_since = t;
    }
  }
}

Divergence ConvergenceChecker::every_key(std::size_t replica) const {
  assert(replica < tracked_.size());
  return tracked_[replica].compare(DivergenceBuilder::kEveryKey);
}

void ConvergenceChecker::trace_every_key(Trace& trace, Time t,
                                         const std::vector<std::string>& services) const {
  if (!trace.writing()) return;
  assert(services.size() == tracked_.size());
  for (std::size_t i = 0; i < tracked_.size(); ++i) {
    if (tracked_[i].converged()) continue;
    for (const KeyDiff& k : every_key(i).examples) {
      TraceLine line(t, "checker", "divergent");
      line.add_text("replica", tracked_[i].name)
          .add_text("service", services[i])
          .add_text("key", k.key)
          .add("owner", k.owner)
          .add("value", k.replica);
      trace.write(line);
    }
  }
}

bool ConvergenceChecker::all_converged() const {
  return std::all_of(tracked_.begin(), tracked_.end(), [](const Tracked& r) { return r.converged(); });
}

nlohmann::json ConvergenceChecker::to_json(std::size_t replica) const {
  assert(replica < tracked_.size());
  const Tracked& r = tracked_[replica];
  nlohmann::json examples = nlohmann::json::array();
  for (const auto& k : r.last.examples) {
    examples.push_back({{"key", k.key}, {"owner", k.owner}, {"replica", k.replica}});
  }
  return {{"converged", r.converged()},
          {"converged_at_s", r.converged() && r.equal_since ? nlohmann::json(to_seconds(*r.equal_since))
                                                            : nlohmann::json(nullptr)},
          {"divergent_keys", r.last.keys},
          {"abs_error", r.last.abs_error},
          {"divergent_examples", std::move(examples)}};
}

std::vector<std::string> ConvergenceChecker::columns() const {
  std::vector<std::string> out;
  for (const auto& r : tracked_) {
    out.push_back(r.name + ".divergent_keys");
    out.push_back(r.name + ".abs_error");
  }
  return out;
}

void ConvergenceChecker::append_row(std::vector<double>& row) const {
  for (const auto& r : tracked_) {
    row.push_back(static_cast<double>(r.last.keys));
    row.push_back(static_cast<double>(r.last.abs_error));
  }
}

}  // namespace choreo::sim
