// Page reads; see reads.h.
#include "models/wattpad/reads.h"

#include <algorithm>
#include <vector>

#include "sim/random.h"
#include "sim/simulation.h"

namespace choreo::wattpad {

Reads::Reads(const WorkloadOptions& w, const UserService& users, const Mirror* mirror, sim::Rng rng, sim::Time stop)
    : Node("page-reads"), w_(w), users_(users), mirror_(mirror), rng_(rng), stop_(stop) {}

void Reads::start() {
  if (w_.read_rate > 0) sim().timer(id(), 1, 0, 0);
}

void Reads::lookup(std::uint64_t user, bool& stale) {
  const std::uint64_t truth = users_.version(user);
  const bool fresh = mirror_ == nullptr || mirror_->version(user) >= truth;
  const sim::Time age = sim().now() - users_.updated_at(user);
  if (truth > 0) {
    std::size_t bin = 0;  // the first edge >= age; counted without branches
    for (const sim::Time edge : kAgeEdges) bin += edge < age ? 1 : 0;
    ++lookups_[bin];
    fresh_[bin] += fresh ? 1 : 0;
  }
  if (!fresh) {
    staleness_us_.record(age);
    stale = true;
  }
}

void Reads::on_event(const sim::Event&) {
  const sim::Time now = sim().now();
  if (now >= stop_) return;
  sim().timer(id(), 1 + static_cast<sim::Time>(sim::exponential(rng_, 1e6 / w_.read_rate)), 0, 0);
  ++total_;
  std::vector<std::uint64_t>& authors = authors_;
  authors.resize(w_.comments_per_page);
  for (auto& a : authors) a = sim::uniform_int(rng_, w_.users);
  if (w_.orchestration) {
    if (w_.per_author) {
      std::sort(authors.begin(), authors.end());
      authors.erase(std::unique(authors.begin(), authors.end()), authors.end());
    }
    requests_ += authors.size();
    if (!users_.available(now)) {
      ++failed_;
      return;
    }
    latency_us_.record(w_.request_latency);
    return;
  }
  bool stale = false;
  for (auto a : authors) lookup(a, stale);
  stale_ += stale ? 1 : 0;
  latency_us_.record(0);
}

nlohmann::json Reads::to_json() const {
  nlohmann::json curve = nlohmann::json::array();
  for (std::size_t b = 0; b < lookups_.size(); ++b) {
    if (lookups_[b] == 0) continue;
    curve.push_back({{"t_s", b < kAgeEdges.size() ? sim::to_seconds(kAgeEdges[b]) : 3600.0},
                     {"p_fresh", static_cast<double>(fresh_[b]) / static_cast<double>(lookups_[b])},
                     {"lookups", lookups_[b]}});
  }
  const auto ms = [](const sim::Histogram& h) {
    return nlohmann::json{{"mean", h.mean() / 1e3},
                          {"p50", static_cast<double>(h.percentile(0.5)) / 1e3},
                          {"p99", static_cast<double>(h.percentile(0.99)) / 1e3},
                          {"max", static_cast<double>(h.max()) / 1e3}};
  };
  return {{"total", total_},
          {"stale", stale_},
          {"failed", failed_},
          {"stale_fraction", total_ == 0 ? 0.0 : static_cast<double>(stale_) / static_cast<double>(total_)},
          {"latency_ms", ms(latency_us_)},
          {"staleness_ms", ms(staleness_us_)},
          {"t_visibility", curve}};
}

}  // namespace choreo::wattpad
