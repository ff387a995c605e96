// The owning services and their workload; see owners.h.
#include "models/wattpad/owners.h"

#include <algorithm>
#include <cmath>

#include "models/wattpad/codec.h"
#include "sim/simulation.h"

namespace choreo::wattpad {

namespace {

enum Kind : std::uint16_t { kChange = 1, kPost, kDelete };

// At most how many keys the comments posted until `stop` count on: a
// comment counts on its story, its chapter and, inline, a paragraph. A hint
// for reserving the ledger's rows, capped at 2^18 rows of shard totals
// (4 MiB), so that a vast key space with few comments reserves little.
std::size_t expected_keys(const WorkloadOptions& w, sim::Time stop) {
  const double comments = w.comment_rate * sim::to_seconds(stop);
  const double stories = static_cast<double>(w.stories);
  const double keys = std::min(stories, comments) + std::min(stories * w.chapters, comments) +
                      std::min(stories * w.chapters * w.paragraphs, comments * w.inline_fraction);
  return static_cast<std::size_t>(std::min(keys, double{1 << 18} / w.shards));
}

}  // namespace

std::uint64_t commenter_rank(double u, std::uint64_t n, double s) {
  const double top = static_cast<double>(n) + 1;
  // The inverse CDF of density x^-s on [1, top): for s = 1, top^u; else
  // (1 + u (top^(1-s) - 1))^(1/(1-s)).
  const double x =
      s == 1 ? std::exp(u * std::log(top)) : std::pow(1 + u * (std::pow(top, 1 - s) - 1), 1 / (1 - s));
  const auto rank = static_cast<std::uint64_t>(x);
  return rank < 1 ? 1 : (rank > n ? n : rank);  // rounding at the ends
}

UserService::UserService(const WorkloadOptions& w, brokers::Broker& broker, sim::Rng rng, sim::Time stop)
    : Node("user-service"),
      w_(w),
      broker_(broker),
      topic_(broker.topic("users")),
      rng_(rng),
      stop_(stop),
      ledger_(w.users) {}

void UserService::start() {
  if (w_.profile_rate > 0) sim().timer(id(), poisson_gap(rng_, w_.profile_rate), kChange, 0);
}

void UserService::on_event(const sim::Event&) {
  const sim::Time now = sim().now();
  if (now >= stop_) return;
  sim().timer(id(), poisson_gap(rng_, w_.profile_rate), kChange, 0);
  if (!available(now)) return;
  const std::uint64_t user = sim::uniform_int(rng_, w_.users);
  const auto host = static_cast<std::uint32_t>(sim::uniform_int(rng_, w_.user_instances));
  // Host clocks run behind by host * skew; microseconds since an epoch far
  // enough back (1,000 days) that a skewed reading is never negative.
  const auto clock =
      static_cast<std::uint64_t>(now + 1'000 * sim::kDay - static_cast<sim::Time>(host) * w_.clock_skew);
  UserUpdated e = ledger_.write(user, host, clock, now);
  e.event = user_event_id(++events_);
  broker_.publish(topic_, id(), encode(e));
}

CommentService::CommentService(const WorkloadOptions& w, KeyIndex& keys, CommentRecords records,
                               brokers::Broker& broker, sim::Rng rng, sim::Time stop)
    : Node("comment-service"),
      w_(w),
      broker_(broker),
      topic_(broker.topic("comments")),
      rng_(rng),
      popularity_(w.stories, w.popularity.a),
      stop_(stop),
      next_per_shard_(w.shards),
      ledger_(w.shards, keys, records),
      pages_(w.comments_per_page) {
  ledger_.reserve(expected_keys(w, stop));
}

void CommentService::start() {
  if (w_.comment_rate > 0) sim().timer(id(), poisson_gap(rng_, w_.comment_rate), kPost, 0);
}

std::string_view CommentService::kind_name(std::uint16_t kind) const {
  return kind == kPost ? "post" : "delete";
}

void CommentService::on_event(const sim::Event& e) {
  if (e.kind == kDelete) {
    CommentChange change = ledger_.remove(e.arg);
    pages_.remove(ledger_.last_keys().id[1], e.arg);
    publish(change, false);
    return;
  }
  if (sim().now() >= stop_) return;
  sim().timer(id(), poisson_gap(rng_, w_.comment_rate), kPost, 0);
  post();
}

void CommentService::post() {
  const auto shard = static_cast<std::uint32_t>(sim::uniform_int(rng_, w_.shards));
  const std::uint64_t comment = comment_id(next_per_shard_[shard]++, shard, w_.shards);
  Location where{.story = popularity_(rng_) - 1,
                 .chapter = static_cast<std::uint32_t>(sim::uniform_int(rng_, w_.chapters))};
  if (sim::bernoulli(rng_, w_.inline_fraction)) {
    where.paragraph = static_cast<std::uint32_t>(sim::uniform_int(rng_, w_.paragraphs));
  }
  // Rank 1 is user 0, the most prolific commenter.
  const auto author =
      static_cast<std::uint32_t>(commenter_rank(rng_.uniform01(), w_.users, w_.commenters.a) - 1);
  CommentChange change = ledger_.create(comment, where);
  pages_.post(ledger_.last_keys().id[1], comment, author);
  publish(change, true);
  if (sim::bernoulli(rng_, w_.delete_fraction)) {
    const sim::Time after = w_.delete_after.sample_time(rng_);
    // Compared as a remaining time: now + after could overflow (a heavy-
    // tailed draw may be sim::kForever).
    if (after < stop_ - sim().now()) {
      ledger_.hold(comment, where);
      sim().timer(id(), after, kDelete, comment);
    }
  }
}

void CommentService::publish(CommentChange change, bool created) {
  change.event = comment_event_id(++events_);
  broker_.publish(topic_, id(), created ? encode(CommentCreated{change}) : encode(CommentDeleted{change}));
}

}  // namespace choreo::wattpad
