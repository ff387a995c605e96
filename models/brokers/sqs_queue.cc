// One SQS queue's visible set; see sqs_queue.h.
#include "models/brokers/sqs_queue.h"

#include <algorithm>
#include <cassert>

namespace choreo::brokers {

void SqsQueue::add_visible(std::uint32_t slot, std::uint64_t seq) {
  assert(!fifo_);
  if (order_ == Order::kOldest) {
    oldest_.emplace(seq, slot);
    return;
  }
  pos_[slot] = static_cast<std::uint32_t>(visible_.size());
  visible_.push_back(slot);
}

std::uint32_t SqsQueue::take(sim::Rng& rng) {
  assert(has_visible());
  if (order_ == Order::kOldest) {
    const std::uint32_t slot = oldest_.begin()->second;
    oldest_.erase(oldest_.begin());
    return slot;
  }
  const auto k = static_cast<std::uint32_t>(sim::uniform_int(rng, visible_.size()));
  const std::uint32_t slot = visible_[k];
  remove_visible(slot, 0);
  return slot;
}

void SqsQueue::remove_visible(std::uint32_t slot, std::uint64_t seq) {
  if (order_ == Order::kOldest) {
    const auto n = oldest_.erase({seq, slot});
    assert(n == 1);
    (void)n;
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
