// The comment counters; see counters.h.
#include "models/wattpad/counters.h"

#include "models/wattpad/events.h"

namespace choreo::wattpad {

Counters::Counters(std::string name, std::string strategy, bool memory_store, const CommentService& owner,
                   std::uint32_t shards)
    : Replica(std::move(name), strategy, memory_store), owner_(owner), shards_(shards),
      counts_(owner.stories()), pn_(owner.stories()) {
  rule_ = strategy == "naive"      ? Rule::kNaive
          : strategy == "dedup-id" ? Rule::kDedupId
          : strategy == "2p-set"   ? Rule::kTwoPSet
          : strategy == "or-set"   ? Rule::kOrSet
          : strategy == "g-counter" ? Rule::kGCounter
                                    : Rule::kPNCounter;
}

void Counters::set_member(std::uint64_t, std::uint64_t story, bool was, bool is) {
  if (was != is) counts_[story] += is ? 1 : -1;
}

void Counters::created(std::uint64_t comment, std::uint64_t story, std::uint32_t shard, std::uint64_t total) {
  switch (rule_) {
    case Rule::kNaive: ++counts_[story]; break;
    case Rule::kDedupId: {
      const bool was = live_.count(comment) != 0;
      live_.insert(comment);
      set_member(comment, story, was, true);
      break;
    }
    case Rule::kTwoPSet: {
      const bool was = two_p_.contains(comment);
      two_p_.add(comment);
      set_member(comment, story, was, two_p_.contains(comment));
      break;
    }
    case Rule::kOrSet: {
      const bool was = or_set_.contains(comment);
      or_set_.apply(replicas::OrAdd{comment, replicas::Tag{0, comment}});
      set_member(comment, story, was, or_set_.contains(comment));
      break;
    }
    case Rule::kGCounter:
    case Rule::kPNCounter: {
      replicas::PNCounter delta;
      delta.increment(shard, total);
      pn_[story].merge(delta);
      break;
    }
  }
}

void Counters::deleted(std::uint64_t comment, std::uint64_t story, std::uint32_t shard, std::uint64_t total) {
  switch (rule_) {
    case Rule::kNaive: --counts_[story]; break;
    case Rule::kDedupId: {
      const bool was = live_.erase(comment) != 0;
      set_member(comment, story, was, false);
      break;
    }
    case Rule::kTwoPSet: {
      const bool was = two_p_.contains(comment);
      two_p_.remove(comment);
      set_member(comment, story, was, false);
      break;
    }
    case Rule::kOrSet: {
      const bool was = or_set_.contains(comment);
      or_set_.apply(replicas::OrRemove{comment, {replicas::Tag{0, comment}}});
      set_member(comment, story, was, or_set_.contains(comment));
      break;
    }
    case Rule::kGCounter: break;  // a grow-only counter cannot count a delete
    case Rule::kPNCounter: {
      replicas::PNCounter delta;
      delta.decrement(shard, total);
      pn_[story].merge(delta);
      break;
    }
  }
}

bool Counters::handle(const brokers::Message& m, const brokers::DeliveryInfo&) {
  if (rule_ == Rule::kDedupId && !seen_.first_time(m.id)) return true;
  const auto shard = static_cast<std::uint32_t>(m.a % shards_);
  if (m.type == kCommentCreated) created(m.a, m.b, shard, m.d);
  if (m.type == kCommentDeleted) deleted(m.a, m.b, shard, m.d);
  return true;
}

std::int64_t Counters::count(std::uint64_t story) const {
  if (rule_ == Rule::kGCounter || rule_ == Rule::kPNCounter) return pn_[story].value();
  return counts_[story];
}

Divergence Counters::divergence() const {
  Divergence d;
  for (std::uint64_t s = 0; s < counts_.size(); ++s) {
    const std::int64_t diff = owner_.live(s) - count(s);
    if (diff != 0) {
      ++d.keys;
      d.abs_error += static_cast<std::uint64_t>(diff > 0 ? diff : -diff);
    }
  }
  return d;
}

void Counters::sync() {
  switch (rule_) {
    case Rule::kNaive:
      for (std::uint64_t s = 0; s < counts_.size(); ++s) counts_[s] = owner_.live(s);
      break;
    case Rule::kGCounter:
    case Rule::kPNCounter:
      for (std::uint64_t s = 0; s < pn_.size(); ++s) {
        for (std::uint32_t k = 0; k < shards_; ++k) {
          replicas::PNCounter state;
          state.increment(k, owner_.created(s, k));
          if (rule_ == Rule::kPNCounter) state.decrement(k, owner_.deleted(s, k));
          pn_[s].merge(state);
        }
      }
      break;
    default:
      for (const auto& [comment, info] : owner_.comments()) {
        created(comment, info.story, static_cast<std::uint32_t>(comment % shards_), 0);
        if (info.deleted) deleted(comment, info.story, static_cast<std::uint32_t>(comment % shards_), 0);
      }
  }
}

void Counters::clear() {
  counts_.assign(counts_.size(), 0);
  seen_ = replicas::DedupById();
  live_.clear();
  two_p_ = replicas::TwoPSet();
  or_set_ = replicas::OrSet();
  pn_.assign(pn_.size(), replicas::PNCounter());
}

}  // namespace choreo::wattpad
