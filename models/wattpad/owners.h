// The authoritative services of the comments system and their workload.
//
// UserService owns profiles: at `profile_rate` (Poisson) a random user's
// profile changes; its version goes up by one and a UserUpdated event goes
// out, stamped with the clock of the host (one of `user_instances`, host i
// running i * clock_skew behind) that handled it. It answers orchestration
// lookups, and is down over the outage window (no changes, lookups fail).
//
// CommentService owns comments: posts at `comment_rate` on a Zipf-popular
// story, a uniform chapter of it and, for an `inline_fraction` of them, a
// uniform paragraph of that chapter, by a random author, on one of `shards`
// shards; a `delete_fraction` of them is deleted `delete_after` later. It
// keeps the live count on every key (count_keys.h) and each shard's created
// and deleted totals per key. It serves page reads at `read_rate` (reads.h).
//
// Both keep the truth the checker compares replicas with. Random draws come
// from the streams "wattpad/users" and "wattpad/comments".
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "models/brokers/broker.h"
#include "models/wattpad/count_keys.h"
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
  // Writes of `user` handled by each of the first kMaxVectorHosts hosts: the
  // version vector of its latest write.
  const std::uint32_t (&host_writes(std::uint64_t user) const)[kMaxVectorHosts] {
    return writes_[user].by_host;
  }
  std::uint64_t users() const { return version_.size(); }

 private:
  WorkloadOptions w_;
  brokers::Broker& broker_;
  brokers::TopicId topic_;
  sim::Rng rng_;
  sim::Time stop_;
  std::vector<std::uint64_t> version_, clock_;
  std::vector<sim::Time> updated_at_;
  struct HostWrites {
    std::uint32_t by_host[kMaxVectorHosts] = {};
  };
  std::vector<HostWrites> writes_;
  std::uint64_t events_ = 0;
};

struct CommentInfo {
  Location where;
  std::uint64_t author = 0;
  bool deleted = false;
};

class CommentService final : public sim::Node {
 public:
  CommentService(const WorkloadOptions& w, brokers::Broker& broker, sim::Rng rng, sim::Time stop);
  void start();
  void on_event(const sim::Event& e) override;
  std::string_view kind_name(std::uint16_t kind) const override;

  std::uint32_t shards() const { return w_.shards; }
  // The key space counts are kept under, shared with the replicas: a key is
  // named once, by whoever meets it first (a naming device, not state).
  const KeyIndex& keys() const { return keys_; }
  std::uint32_t key_id(std::uint64_t packed) const { return keys_.intern(packed); }
  // Live comments counted on key `id` (a story, chapter or paragraph).
  std::int64_t live(std::uint32_t id) const { return id < live_.size() ? live_[id] : 0; }
  const std::map<std::uint64_t, CommentInfo>& comments() const { return comments_; }
  // The shard's created / deleted totals on key `id`.
  std::uint64_t created(std::uint32_t id, std::uint32_t shard) const {
    return id < live_.size() ? totals_[id * w_.shards + shard].created : 0;
  }
  std::uint64_t deleted(std::uint32_t id, std::uint32_t shard) const {
    return id < live_.size() ? totals_[id * w_.shards + shard].deleted : 0;
  }

 private:
  struct Totals {
    std::uint64_t created = 0, deleted = 0;
  };
  void post();
  void remove(std::uint64_t comment);
  // Counts `comment` in or out on its keys and publishes the event.
  void count(std::uint64_t comment, const Location& where, bool created);

  WorkloadOptions w_;
  brokers::Broker& broker_;
  brokers::TopicId topic_;
  sim::Rng rng_;
  sim::Zipf popularity_;
  sim::Time stop_;
  std::vector<std::uint64_t> next_per_shard_;
  mutable KeyIndex keys_;
  std::vector<std::int64_t> live_;  // per key id
  std::vector<Totals> totals_;      // per key id, then shard
  std::map<std::uint64_t, CommentInfo> comments_;
  std::uint64_t events_ = 0;
};

}  // namespace choreo::wattpad
