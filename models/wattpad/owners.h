// The authoritative services of the comments system and their workload.
//
// UserService owns profiles: at `profile_rate` (Poisson) a random user's
// profile changes; its version goes up by one and a UserUpdated event goes
// out, stamped with the clock of the host (one of `user_instances`, host i
// running i * clock_skew behind) that handled it. It answers orchestration
// lookups, and is down over the outage window (no changes, lookups fail).
//
// CommentService owns comments: posts at `comment_rate` on a Zipf-popular
// story by a random author, on one of `shards` shards; a `delete_fraction`
// of them is deleted `delete_after` later. It serves page reads at
// `read_rate` (see reads.h).
//
// Both keep the truth the checker compares replicas with. Random draws come
// from the streams "wattpad/users" and "wattpad/comments".
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "models/brokers/broker.h"
#include "models/wattpad/events.h"
#include "sim/node.h"
#include "sim/random.h"

namespace choreo::wattpad {

class UserService final : public sim::Node {
 public:
  UserService(const WorkloadOptions& w, brokers::Broker& broker, sim::Rng rng, sim::Time stop);
  void start();
  void on_event(const sim::Event& e) override;
  std::string_view kind_name(std::uint16_t) const override { return "profile_change"; }

  bool available(sim::Time t) const { return !(w_.outage_from <= t && t < w_.outage_to); }
  std::uint64_t version(std::uint64_t user) const { return version_[user]; }
  sim::Time updated_at(std::uint64_t user) const { return updated_at_[user]; }
  std::uint64_t clock_of(std::uint64_t user) const { return clock_[user]; }
  std::uint64_t users() const { return version_.size(); }

 private:
  WorkloadOptions w_;
  brokers::Broker& broker_;
  brokers::TopicId topic_;
  sim::Rng rng_;
  sim::Time stop_;
  std::vector<std::uint64_t> version_, clock_;
  std::vector<sim::Time> updated_at_;
  std::uint64_t events_ = 0;
};

struct CommentInfo {
  std::uint64_t story = 0;
  std::uint64_t author = 0;
  bool deleted = false;
};

class CommentService final : public sim::Node {
 public:
  CommentService(const WorkloadOptions& w, brokers::Broker& broker, sim::Rng rng, sim::Time stop);
  void start();
  void on_event(const sim::Event& e) override;
  std::string_view kind_name(std::uint16_t kind) const override;

  // Live comments on `story`.
  std::int64_t live(std::uint64_t story) const { return live_[story]; }
  std::uint64_t stories() const { return live_.size(); }
  const std::map<std::uint64_t, CommentInfo>& comments() const { return comments_; }
  // The shard's created / deleted totals on a story.
  std::uint64_t created(std::uint64_t story, std::uint32_t shard) const;
  std::uint64_t deleted(std::uint64_t story, std::uint32_t shard) const;

 private:
  void post();
  void remove(std::uint64_t comment);
  WorkloadOptions w_;
  brokers::Broker& broker_;
  brokers::TopicId topic_;
  sim::Rng rng_;
  sim::Zipf popularity_;
  sim::Time stop_;
  std::vector<std::uint64_t> next_per_shard_;
  std::vector<std::int64_t> live_;
  std::map<std::uint64_t, CommentInfo> comments_;
  std::map<std::pair<std::uint64_t, std::uint32_t>, std::pair<std::uint64_t, std::uint64_t>> shard_totals_;
  std::uint64_t events_ = 0;
};

}  // namespace choreo::wattpad
