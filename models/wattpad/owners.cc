// The owning services and their workload; see owners.h.
#include "models/wattpad/owners.h"

#include "sim/simulation.h"

namespace choreo::wattpad {

namespace {

enum Kind : std::uint16_t { kChange = 1, kPost, kDelete };

// Event ids: unique per event, kept by every copy of it (the dedup key).
constexpr std::uint64_t kUserEventIds = std::uint64_t{1} << 62;
constexpr std::uint64_t kCommentEventIds = std::uint64_t{2} << 62;

sim::Time gap(sim::Rng& rng, double rate) {
  return 1 + static_cast<sim::Time>(sim::exponential(rng, 1e6 / rate));
}

}  // namespace

UserService::UserService(const WorkloadOptions& w, brokers::Broker& broker, sim::Rng rng, sim::Time stop)
    : Node("user-service"), w_(w), broker_(broker), topic_(broker.topic("users")), rng_(rng), stop_(stop),
      version_(w.users), clock_(w.users), updated_at_(w.users) {}

void UserService::start() {
  if (w_.profile_rate > 0) sim().timer(id(), gap(rng_, w_.profile_rate), kChange, 0);
}

void UserService::on_event(const sim::Event&) {
  const sim::Time now = sim().now();
  if (now >= stop_) return;
  sim().timer(id(), gap(rng_, w_.profile_rate), kChange, 0);
  if (!available(now)) return;
  const std::uint64_t user = sim::uniform_int(rng_, w_.users);
  const auto host = static_cast<sim::Time>(sim::uniform_int(rng_, w_.user_instances));
  const std::uint64_t version = ++version_[user];
  // Host clocks run behind by host * skew; microseconds since an epoch far
  // enough back that a skewed reading is never negative.
  const auto clock = static_cast<std::uint64_t>(now + 1'000 * sim::kDay - host * w_.clock_skew);
  clock_[user] = clock;
  updated_at_[user] = now;
  broker_.publish(topic_, id(),
                  brokers::Message{.id = kUserEventIds | ++events_, .key = user, .a = user, .b = version, .c = clock, .type = kUserUpdated,
                                   .bytes = kUserEventBytes});
}

CommentService::CommentService(const WorkloadOptions& w, brokers::Broker& broker, sim::Rng rng, sim::Time stop)
    : Node("comment-service"), w_(w), broker_(broker), topic_(broker.topic("comments")), rng_(rng),
      popularity_(w.stories, w.popularity.a), stop_(stop), next_per_shard_(w.shards), live_(w.stories) {}

void CommentService::start() {
  if (w_.comment_rate > 0) sim().timer(id(), gap(rng_, w_.comment_rate), kPost, 0);
}

std::string_view CommentService::kind_name(std::uint16_t kind) const {
  return kind == kPost ? "post" : "delete";
}

void CommentService::on_event(const sim::Event& e) {
  if (e.kind == kDelete) {
    remove(e.arg);
    return;
  }
  if (sim().now() >= stop_) return;
  sim().timer(id(), gap(rng_, w_.comment_rate), kPost, 0);
  post();
}

void CommentService::post() {
  const auto shard = static_cast<std::uint32_t>(sim::uniform_int(rng_, w_.shards));
  const std::uint64_t comment = next_per_shard_[shard]++ * w_.shards + shard;
  const std::uint64_t story = popularity_(rng_) - 1;
  const std::uint64_t author = sim::uniform_int(rng_, w_.users);
  comments_[comment] = CommentInfo{story, author, false};
  ++live_[story];
  const std::uint64_t total = ++shard_totals_[{story, shard}].first;
  broker_.publish(topic_, id(),
                  brokers::Message{.id = kCommentEventIds | ++events_, .key = story, .a = comment, .b = story, .c = author, .d = total,
                                   .type = kCommentCreated, .bytes = kCommentEventBytes});
  if (sim::bernoulli(rng_, w_.delete_fraction)) {
    const sim::Time after = w_.delete_after.sample_time(rng_);
    if (sim().now() + after < stop_) sim().timer(id(), after, kDelete, comment);
  }
}

void CommentService::remove(std::uint64_t comment) {
  CommentInfo& c = comments_.at(comment);
  c.deleted = true;
  --live_[c.story];
  const auto shard = static_cast<std::uint32_t>(comment % w_.shards);
  const std::uint64_t total = ++shard_totals_[{c.story, shard}].second;
  broker_.publish(topic_, id(),
                  brokers::Message{.id = kCommentEventIds | ++events_, .key = c.story, .a = comment, .b = c.story, .c = c.author, .d = total,
                                   .type = kCommentDeleted, .bytes = kCommentEventBytes});
}

std::uint64_t CommentService::created(std::uint64_t story, std::uint32_t shard) const {
  const auto it = shard_totals_.find({story, shard});
  return it == shard_totals_.end() ? 0 : it->second.first;
}

std::uint64_t CommentService::deleted(std::uint64_t story, std::uint32_t shard) const {
  const auto it = shard_totals_.find({story, shard});
  return it == shard_totals_.end() ? 0 : it->second.second;
}

}  // namespace choreo::wattpad
