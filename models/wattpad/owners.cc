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
    : Node("user-service"),
      w_(w),
      broker_(broker),
      topic_(broker.topic("users")),
      rng_(rng),
      stop_(stop),
      version_(w.users),
      clock_(w.users),
      updated_at_(w.users),
      writes_(w.users) {}

void UserService::start() {
  if (w_.profile_rate > 0) sim().timer(id(), gap(rng_, w_.profile_rate), kChange, 0);
}

void UserService::on_event(const sim::Event&) {
  const sim::Time now = sim().now();
  if (now >= stop_) return;
  sim().timer(id(), gap(rng_, w_.profile_rate), kChange, 0);
  if (!available(now)) return;
  const std::uint64_t user = sim::uniform_int(rng_, w_.users);
  const auto host = static_cast<std::uint32_t>(sim::uniform_int(rng_, w_.user_instances));
  const std::uint64_t version = ++version_[user];
  if (host < kMaxVectorHosts) ++writes_[user].by_host[host];
  const auto [vv_low, vv_high] = pack_hosts(writes_[user].by_host);
  // Host clocks run behind by host * skew; microseconds since an epoch far
  // enough back that a skewed reading is never negative.
  const auto clock =
      static_cast<std::uint64_t>(now + 1'000 * sim::kDay - static_cast<sim::Time>(host) * w_.clock_skew);
  clock_[user] = clock;
  updated_at_[user] = now;
  broker_.publish(topic_, id(),
                  brokers::Message{.id = kUserEventIds | ++events_,
                                   .key = user,
                                   .a = version,
                                   .b = clock,
                                   .c = vv_low,
                                   .d = vv_high,
                                   .type = kUserUpdated,
                                   .bytes = kUserEventBytes});
}

CommentService::CommentService(const WorkloadOptions& w, brokers::Broker& broker, sim::Rng rng,
                               sim::Time stop)
    : Node("comment-service"),
      w_(w),
      broker_(broker),
      topic_(broker.topic("comments")),
      rng_(rng),
      popularity_(w.stories, w.popularity.a),
      stop_(stop),
      next_per_shard_(w.shards) {}

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
  Location where{.story = popularity_(rng_) - 1,
                 .chapter = static_cast<std::uint32_t>(sim::uniform_int(rng_, w_.chapters))};
  if (sim::bernoulli(rng_, w_.inline_fraction)) {
    where.paragraph = static_cast<std::uint32_t>(sim::uniform_int(rng_, w_.paragraphs));
  }
  const std::uint64_t author = sim::uniform_int(rng_, w_.users);
  comments_[comment] = CommentInfo{where, author, false};
  count(comment, where, true);
  if (sim::bernoulli(rng_, w_.delete_fraction)) {
    const sim::Time after = w_.delete_after.sample_time(rng_);
    if (sim().now() + after < stop_) sim().timer(id(), after, kDelete, comment);
  }
}

void CommentService::remove(std::uint64_t comment) {
  CommentInfo& c = comments_.at(comment);
  c.deleted = true;
  count(comment, c.where, false);
}

void CommentService::count(std::uint64_t comment, const Location& where, bool created) {
  const auto shard = static_cast<std::uint32_t>(comment % w_.shards);
  const auto keys = where.keys();
  std::uint64_t shard_totals[3] = {0, 0, 0};
  for (std::size_t level = 0; level < where.levels(); ++level) {
    const std::uint32_t id = keys_.intern(keys[level]);
    if (id >= live_.size()) {
      live_.resize(id + 1);
      totals_.resize(live_.size() * w_.shards);
    }
    live_[id] += created ? 1 : -1;
    Totals& t = totals_[id * w_.shards + shard];
    shard_totals[level] = created ? ++t.created : ++t.deleted;
  }
  broker_.publish(topic_, id(),
                  brokers::Message{.id = kCommentEventIds | ++events_,
                                   .key = where.story,
                                   .a = comment,
                                   .b = where.pack(),
                                   .c = shard_totals[1] << 32 | (shard_totals[2] & 0xffffffff),
                                   .d = shard_totals[0],
                                   .type = created ? kCommentCreated : kCommentDeleted,
                                   .bytes = kCommentEventBytes});
}

}  // namespace choreo::wattpad
