// A run's explanation; see explain_run.h.
#include "cli/explain_run.h"

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

}  // namespace

bool has_replica(const nlohmann::json& summary, const std::string& name) {
  for (const auto& r : summary.at("replicas")) {
    if (r.at("name") == name) return true;
  }
  return false;
}

std::string explain_run(const nlohmann::json& summary, const FateLog& log, const std::string& only,
                        std::int64_t keys) {
  std::string out;
  std::size_t diverged = 0;
  for (const auto& r : summary.at("replicas")) {
    const std::string name = r.at("name");
    if ((!only.empty() && name != only) || r.at("converged").get<bool>()) continue;
    ++diverged;
    const ReplicaRef ref{name, service_of(summary, name), r.at("kind"), r.at("strategy")};
    std::int64_t shown = 0;
    for (const auto& x : r.at("divergent_examples")) {
      if (shown++ == keys) break;
      auto key = parse_key(x.at("key"));
      if (!key) continue;
      out += format_explanation(ref, *key, explain_key(log, ref, *key, x.at("owner"), x.at("replica")));
    }
  }
  if (diverged == 0) out += "every replica converged: nothing to explain\n";
  return out;
}

}  // namespace choreo::cli
