// The authoritative services of the comments system and their workload:
// nodes that draw the workload's random changes, record them in their
// ledger (the truth) and publish each as an event.
//
// UserService owns profiles: at `profile_rate` (Poisson) a random user's
// profile changes; its version goes up by one and a UserUpdated event goes
// out, stamped with the clock of the host (one of `user_instances`, host i
// running i * clock_skew behind) that handled it. It answers orchestration
// lookups, and is down over the outage window (no changes, lookups fail).
//
// CommentService owns comments: posts at `comment_rate` on a Zipf-popular
// story, a uniform chapter of it and, for an `inline_fraction` of them, a
// uniform paragraph of that chapter, by an author drawn by `commenters`
// (commenter_rank()), on one of `shards` shards; a `delete_fraction` of them
// is deleted `delete_after` later (if that is before the workload stops).
// It keeps what each page shows (PageComments) for the page reads.
//
// The truth each keeps is in profile_ledger.h and comment_ledger.h. Random
// draws come from the streams "wattpad/users" and "wattpad/comments".
#pragma once

#include <cstdint>
#include <vector>

#include "models/brokers/broker.h"
#include "models/wattpad/comment_ledger.h"
#include "models/wattpad/page_comments.h"
#include "models/wattpad/profile_ledger.h"
#include "models/wattpad/workload_options.h"
#include "sim/exponential_int.h"
#include "sim/node.h"
#include "sim/random.h"

namespace choreo::wattpad {

// The gap to the next event of a Poisson process of `rate` per second, in
// whole microseconds, at least 1. REQUIRES: rate > 0. Inline: every page
// read, post and profile change draws one.
inline sim::Time poisson_gap(sim::Rng& rng, double rate) {
  // Longer than any run (run.duration and run.settle are at most 3650 d
  // each): a gap this long never fires, and capping it keeps the timer's
  // time from overflowing (a rate of 1e-15/s draws gaps near 1e21 us).
  constexpr double kNever = 100.0 * 365 * sim::kDay;
  // exponential(rng, 1e6 / rate), truncated: known only below 2^35 < kNever.
  const sim::ExponentialInt d = sim::exponential_trunc(rng, 1e6 / rate);
  if (d.known) return 1 + d.value;
  return 1 + static_cast<sim::Time>(d.x < kNever ? d.x : kNever);
}

// The rank (1..n) of a commenter from one uniform draw u in [0, 1), by
// inverting a power law of exponent s on [1, n + 1) and rounding down:
// P(rank k) is proportional to the integral of x^-s over [k, k + 1), which
// is k^-s (Zipf) to within a factor (1 + 1/k)^s. One draw, so the comment
// stream's later draws are where a uniform author left them.
// REQUIRES: n >= 1, s > 0, 0 <= u < 1.
std::uint64_t commenter_rank(double u, std::uint64_t n, double s);

class UserService final : public sim::Node {
 public:
  UserService(const WorkloadOptions& w, brokers::Broker& broker, sim::Rng rng, sim::Time stop);
  void start();
  void on_event(const sim::Event& e) override;
  std::string_view kind_name(std::uint16_t) const override { return "profile_change"; }

  bool available(sim::Time t) const { return !(w_.outage_from <= t && t < w_.outage_to); }
  const ProfileLedger& ledger() const { return ledger_; }

 private:
  WorkloadOptions w_;
  brokers::Broker& broker_;
  brokers::TopicId topic_;
  sim::Rng rng_;
  sim::Time stop_;
  ProfileLedger ledger_;
  std::uint64_t events_ = 0;
};

class CommentService final : public sim::Node {
 public:
  // `keys` (the model's) outlives the service; `records`: which comments
  // its ledger keeps (comment_ledger.h).
  CommentService(const WorkloadOptions& w, KeyIndex& keys, CommentRecords records, brokers::Broker& broker,
                 sim::Rng rng, sim::Time stop);
  void start();
  void on_event(const sim::Event& e) override;
  std::string_view kind_name(std::uint16_t kind) const override;

  const CommentLedger& ledger() const { return ledger_; }
  // The checker has compared every replica with the keys changed so far.
  void forget_changes() { ledger_.forget_changes(); }
  const PageComments& pages() const { return pages_; }

 private:
  void post();
  void publish(CommentChange change, bool created);

  WorkloadOptions w_;
  brokers::Broker& broker_;
  brokers::TopicId topic_;
  sim::Rng rng_;
  sim::Zipf popularity_;
  sim::Time stop_;
  std::vector<std::uint64_t> next_per_shard_;
  CommentLedger ledger_;
  PageComments pages_;
  std::uint64_t events_ = 0;
};

}  // namespace choreo::wattpad
