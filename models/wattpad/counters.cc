// The comment counters; see counters.h.
#include "models/wattpad/counters.h"

#include "models/wattpad/events.h"

namespace choreo::wattpad {

Counters::Counters(std::string name, std::string strategy, bool memory_store, const CommentService& owner)
    : Replica(std::move(name), strategy, memory_store), owner_(owner), shards_(owner.shards()) {
  rule_ = strategy == "naive"       ? Rule::kNaive
          : strategy == "dedup-id"  ? Rule::kDedupId
          : strategy == "2p-set"    ? Rule::kTwoPSet
          : strategy == "or-set"    ? Rule::kOrSet
          : strategy == "g-counter" ? Rule::kGCounter
                                    : Rule::kPNCounter;
}

bool Counters::merged() const { return rule_ == Rule::kGCounter || rule_ == Rule::kPNCounter; }

void Counters::grow(std::size_t keys) {
  if (merged()) {
    if (keys > pn_.size()) pn_.resize(keys);
  } else if (keys > counts_.size()) {
    counts_.resize(keys);
  }
}

std::size_t Counters::key_ids(const Location& where, std::uint32_t (&ids)[3]) {
  const auto keys = where.keys();
  for (std::size_t level = 0; level < where.levels(); ++level) {
    ids[level] = owner_.key_id(keys[level]);
    grow(ids[level] + 1);
  }
  return where.levels();
}

void Counters::set_member(const Location& where, bool was, bool is) {
  if (was == is) return;
  std::uint32_t ids[3];
  const std::size_t n = key_ids(where, ids);
  for (std::size_t level = 0; level < n; ++level) counts_[ids[level]] += is ? 1 : -1;
}

void Counters::merge_totals(const Location& where, std::uint32_t shard, const std::uint64_t (&totals)[3],
                            bool deletes) {
  std::uint32_t ids[3];
  const std::size_t n = key_ids(where, ids);
  for (std::size_t level = 0; level < n; ++level) {
    replicas::PNCounter delta;  // the shard's entry, in the P or the N half
    if (deletes) {
      delta.decrement(shard, totals[level]);
    } else {
      delta.increment(shard, totals[level]);
    }
    pn_[ids[level]].merge(delta);
  }
}

void Counters::created(std::uint64_t comment, const Location& where, std::uint32_t shard,
                       const std::uint64_t (&totals)[3]) {
  switch (rule_) {
    case Rule::kNaive:
      set_member(where, false, true);
      break;
    case Rule::kDedupId: {
      const bool was = live_.count(comment) != 0;
      live_.insert(comment);
      set_member(where, was, true);
      break;
    }
    case Rule::kTwoPSet: {
      const bool was = two_p_.contains(comment);
      two_p_.add(comment);
      set_member(where, was, two_p_.contains(comment));
      break;
    }
    case Rule::kOrSet: {
      const bool was = or_set_.contains(comment);
      or_set_.apply(replicas::OrAdd{comment, replicas::Tag{0, comment}});
      set_member(where, was, or_set_.contains(comment));
      break;
    }
    case Rule::kGCounter:
    case Rule::kPNCounter:
      merge_totals(where, shard, totals, false);
      break;
  }
}

void Counters::deleted(std::uint64_t comment, const Location& where, std::uint32_t shard,
                       const std::uint64_t (&totals)[3]) {
  switch (rule_) {
    case Rule::kNaive:
      set_member(where, true, false);
      break;
    case Rule::kDedupId: {
      const bool was = live_.erase(comment) != 0;
      set_member(where, was, false);
      break;
    }
    case Rule::kTwoPSet: {
      const bool was = two_p_.contains(comment);
      two_p_.remove(comment);
      set_member(where, was, false);
      break;
    }
    case Rule::kOrSet: {
      const bool was = or_set_.contains(comment);
      or_set_.apply(replicas::OrRemove{comment, {replicas::Tag{0, comment}}});
      set_member(where, was, or_set_.contains(comment));
      break;
    }
    case Rule::kGCounter:
      break;  // a grow-only counter cannot count a delete
    case Rule::kPNCounter:
      merge_totals(where, shard, totals, true);
      break;
  }
}

bool Counters::handle(const brokers::Message& m, const brokers::DeliveryInfo&) {
  if (rule_ == Rule::kDedupId && !seen_.first_time(m.id)) return true;
  const auto shard = static_cast<std::uint32_t>(m.a % shards_);
  const Location where = Location::unpack(m.b);
  const std::uint64_t totals[3] = {m.d, m.c >> 32, m.c & 0xffffffff};
  if (m.type == kCommentCreated) created(m.a, where, shard, totals);
  if (m.type == kCommentDeleted) deleted(m.a, where, shard, totals);
  return true;
}

std::int64_t Counters::count(std::uint32_t id) const {
  if (merged()) return id < pn_.size() ? pn_[id].value() : 0;
  return id < counts_.size() ? counts_[id] : 0;
}

std::int64_t Counters::count(const Location& where, std::size_t level) const {
  return count(owner_.key_id(where.keys()[level]));
}

sim::Divergence Counters::divergence() const {
  sim::DivergenceBuilder d;
  const KeyIndex& keys = owner_.keys();
  for (std::uint32_t id = 0; id < keys.size(); ++id)
    d.key(owner_.live(id), count(id), [&] { return keys.name(id); });
  return d.take();
}

void Counters::sync() {
  const std::size_t n = owner_.keys().size();
  grow(n);
  switch (rule_) {
    case Rule::kNaive:
      for (std::uint32_t id = 0; id < n; ++id) counts_[id] = owner_.live(id);
      break;
    case Rule::kGCounter:
    case Rule::kPNCounter:
      for (std::uint32_t id = 0; id < n; ++id) {
        for (std::uint32_t k = 0; k < shards_; ++k) {
          replicas::PNCounter state;
          state.increment(k, owner_.created(id, k));
          if (rule_ == Rule::kPNCounter) state.decrement(k, owner_.deleted(id, k));
          pn_[id].merge(state);
        }
      }
      break;
    default: {
      constexpr std::uint64_t kNoTotals[3] = {0, 0, 0};
      for (const auto& [comment, info] : owner_.comments()) {
        const auto shard = static_cast<std::uint32_t>(comment % shards_);
        created(comment, info.where, shard, kNoTotals);
        if (info.deleted) deleted(comment, info.where, shard, kNoTotals);
      }
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
