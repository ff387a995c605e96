// Read freshness; see visibility.h.
#include "sim/visibility.h"

namespace choreo::sim {

void VisibilityMeter::to_json(nlohmann::json& out) const {
  nlohmann::json curve = nlohmann::json::array();
  for (std::size_t b = 0; b < lookups_.size(); ++b) {
    if (lookups_[b] == 0) continue;
    curve.push_back({{"t_s", b < kAgeEdges.size() ? to_seconds(kAgeEdges[b]) : 3600.0},
                     {"p_fresh", static_cast<double>(fresh_[b]) / static_cast<double>(lookups_[b])},
                     {"lookups", lookups_[b]}});
  }
  out["stale"] = stale_;
  out["stale_fraction"] = reads_ == 0 ? 0.0 : static_cast<double>(stale_) / static_cast<double>(reads_);
  out["staleness_ms"] = {{"mean", staleness_us_.mean() / 1e3},
                         {"p50", to_millis(staleness_us_.percentile(0.5))},
                         {"p99", to_millis(staleness_us_.percentile(0.99))},
                         {"max", to_millis(staleness_us_.max())}};
  out["t_visibility"] = std::move(curve);
}

}  // namespace choreo::sim
