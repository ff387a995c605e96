// Page reads; see reads.h.
#include "models/wattpad/reads.h"

#include <algorithm>

#include "sim/random.h"
#include "sim/simulation.h"

namespace choreo::wattpad {

Reads::Reads(const WorkloadOptions& w, const UserService& users, const CommentService& comments,
             const ProfilesView* mirror, sim::Rng rng, sim::Time stop)
    : Node("page-reads"),
      w_(w),
      users_(users),
      comments_(comments),
      mirror_(mirror),
      rng_(rng),
      popularity_(w.stories, w.popularity.a),
      stop_(stop) {
  if (w.read_rate > 0 && w.stories * w.chapters <= kMaxCachedPages)
    page_keys_.assign(w.stories * w.chapters, KeyIndex::kNoKey);
}

void Reads::start() {
  if (w_.read_rate > 0) sim().timer(id(), 1, 0, 0);
}

// The per-read invariants (the owner's ledger, now, the mirror's versions)
// are hoisted out of the loop over the page's authors. An author never
// changed (version 0) is no lookup: it counts as none rather than being
// skipped by a branch, which would go either way at random (every user
// starts at 0 and most change during a run) and was a quarter of a run's
// mispredicted branches. Inlined into its one caller, on_event.
[[gnu::always_inline]] inline void Reads::read_mirror(std::uint32_t key) {
  const ProfileLedger& owner = users_.ledger();
  const sim::Time now = sim().now();
  const std::uint64_t* shown = mirror_ == nullptr ? nullptr : mirror_->versions().data();
  sim::VisibilityMeter& meter = visibility_;
  meter.begin_read();
  comments_.pages().for_each_author(key, [&owner, now, shown, &meter](std::uint32_t user) {
    const std::uint64_t truth = owner.version(user);
    const bool fresh = shown == nullptr || shown[user] >= truth;  // (a branch taken the same way all run)
    meter.lookup_if(truth != 0, now - owner.updated_at(user), fresh);
  });
  meter.end_read();
}

std::uint32_t Reads::page_key(const Location& page) {
  const KeyIndex& keys = comments_.ledger().keys();
  if (page_keys_.empty()) return keys.find_id(page, 1);
  std::uint32_t& id = page_keys_[page.story * w_.chapters + page.chapter];
  if (id == KeyIndex::kNoKey) id = keys.find_id(page, 1);
  return id;
}

void Reads::finished(sim::Time latency, bool ok) {
  if (ok) {
    latency_us_.record(latency);
  } else {
    ++failed_;
  }
}

void Reads::on_event(const sim::Event&) {
  const sim::Time now = sim().now();
  if (now >= stop_) return;
  sim().timer(id(), poisson_gap(rng_, w_.read_rate), 0, 0);
  ++total_;
  const Location page{.story = popularity_(rng_) - 1,
                      .chapter = static_cast<std::uint32_t>(sim::uniform_int(rng_, w_.chapters))};
  const std::uint32_t key = page_key(page);
  if (w_.orchestration) {
    std::vector<std::uint64_t>& authors = authors_;
    comments_.pages().authors(key, authors);
    if (w_.per_author) {
      std::sort(authors.begin(), authors.end());
      authors.erase(std::unique(authors.begin(), authors.end()), authors.end());
    }
    client_->read(authors);
    return;
  }
  read_mirror(key);
  latency_us_.record(0);
}

nlohmann::json Reads::to_json() const {
  const auto ms = [](const sim::Histogram& h) {
    return nlohmann::json{{"mean", h.mean() / 1e3},
                          {"p50", sim::to_millis(h.percentile(0.5))},
                          {"p99", sim::to_millis(h.percentile(0.99))},
                          {"max", sim::to_millis(h.max())}};
  };
  nlohmann::json out = {{"total", total_}, {"failed", failed_}, {"latency_ms", ms(latency_us_)}};
  visibility_.to_json(out);
  // Every read counts in the stale fraction, failed ones included.
  out["stale_fraction"] =
      total_ == 0 ? 0.0 : static_cast<double>(visibility_.stale()) / static_cast<double>(total_);
  return out;
}

}  // namespace choreo::wattpad
