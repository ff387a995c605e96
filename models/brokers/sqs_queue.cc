// One SQS queue's visible set; see sqs_queue.h.
#include "models/brokers/sqs_queue.h"

#include <algorithm>
#include <cassert>
#include <functional>

namespace choreo::brokers {

SqsQueue::SqsQueue(bool fifo, Order order, std::uint32_t servers, std::uint32_t sampled)
    : fifo_(fifo), order_(order), sampled_(sampled), servers_(sampled < servers ? servers : 1) {
  assert(servers >= 1 && sampled >= 1 && sampled <= servers);
  for (std::uint32_t k = 0; k < servers_.size(); ++k) queried_.push_back(k);
}

void SqsQueue::add_uniform(std::uint32_t slot) {
  pos_[slot] = static_cast<std::uint32_t>(visible_.size());
  visible_.push_back(slot);
}

void SqsQueue::draw_queried(sim::Rng& rng) {
  // `sampled` of the servers without replacement, each subset equally likely
  // (AWS: "a subset of its servers (based on a weighted random
  // distribution)"; it does not publish the weights).
  const auto n = static_cast<std::uint32_t>(servers_.size());
  pool_.resize(n);
  for (std::uint32_t k = 0; k < n; ++k) pool_[k] = k;
  for (std::uint32_t k = 0; k < sampled_; ++k) {
    std::swap(pool_[k], pool_[k + static_cast<std::uint32_t>(sim::uniform_int(rng, n - k))]);
  }
  queried_.assign(pool_.begin(), pool_.begin() + sampled_);
  std::sort(queried_.begin(), queried_.end());
}

bool SqsQueue::any_queried() const {
  return std::any_of(queried_.begin(), queried_.end(), [&](std::uint32_t k) { return !servers_[k].empty(); });
}

std::uint32_t SqsQueue::take(sim::Rng& rng) {
  assert(can_take());
  if (order_ == Order::kOldest) {
    Stored* from = nullptr;  // the queried server with the oldest visible message
    for (std::uint32_t k : queried_) {
      if (!servers_[k].empty() && (from == nullptr || servers_[k].front() < from->front()))
        from = &servers_[k];
    }
    const std::uint32_t slot = from->front().second;
    passed_older_ = queried_.size() < servers_.size() &&
                    std::any_of(servers_.begin(), servers_.end(), [&](const Stored& other) {
                      return !other.empty() && other.front() < from->front();
                    });
    std::pop_heap(from->begin(), from->end(), std::greater<>());
    from->pop_back();
    live_[slot] = 0;
    prune(*from);
    --visible_count_;
    return slot;
  }
  const auto k = static_cast<std::uint32_t>(sim::uniform_int(rng, visible_.size()));
  const std::uint32_t slot = visible_[k];
  remove_visible(slot, 0);
  return slot;
}

void SqsQueue::remove_visible(std::uint32_t slot, std::uint64_t seq) {
  if (order_ == Order::kOldest) {
    assert(slot < live_.size() && live_[slot] == seq + 1);
    live_[slot] = 0;
    prune(servers_[server_of(seq)]);
    --visible_count_;
    return;
  }
  const auto it = pos_.find(slot);
  assert(it != pos_.end());
  const std::uint32_t k = it->second;
  pos_.erase(it);
  const std::uint32_t last = visible_.back();
  visible_.pop_back();
  if (last != slot) {
    visible_[k] = last;
    pos_[last] = k;
  }
}

void SqsQueue::pop_stale(Stored& server) {
  while (!server.empty() && live_[server.front().second] != server.front().first + 1) {
    std::pop_heap(server.begin(), server.end(), std::greater<>());
    server.pop_back();
  }
}

void SqsQueue::list_if_ready(std::uint64_t key, Group& g) {
  if (g.in_flight == 0 && !g.stored.empty() && !g.listed) {
    g.listed = true;
    ready_.push_back(key);
  }
}

void SqsQueue::fifo_put(std::uint64_t group, std::uint32_t slot, std::uint64_t seq, bool returning) {
  Group& g = groups_[group];
  if (returning) {
    assert(g.in_flight > 0);
    --g.in_flight;
  }
  const std::pair<std::uint64_t, std::uint32_t> item{seq, slot};
  g.stored.insert(std::upper_bound(g.stored.begin(), g.stored.end(), item), item);
  list_if_ready(group, g);
}

void SqsQueue::fifo_done(std::uint64_t group) {
  Group& g = groups_[group];
  assert(g.in_flight > 0);
  --g.in_flight;
  list_if_ready(group, g);
}

void SqsQueue::fifo_remove(std::uint64_t group, std::uint32_t slot) {
  Group& g = groups_[group];
  const auto it =
      std::find_if(g.stored.begin(), g.stored.end(), [&](const auto& x) { return x.second == slot; });
  assert(it != g.stored.end());
  g.stored.erase(it);
}

void SqsQueue::fifo_take(std::size_t max, std::vector<std::pair<std::uint64_t, std::uint32_t>>& out) {
  out.clear();
  while (!ready_.empty()) {
    const std::uint64_t key = ready_.front();
    ready_.pop_front();
    Group& g = groups_[key];
    g.listed = false;
    if (g.in_flight > 0 || g.stored.empty()) continue;
    while (out.size() < max && !g.stored.empty()) {
      out.emplace_back(key, g.stored.front().second);
      g.stored.pop_front();
      ++g.in_flight;
    }
    return;
  }
}

}  // namespace choreo::brokers
