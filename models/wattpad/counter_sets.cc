// The set-based counter strategies; see counter_sets.h.
#include "models/wattpad/counter_sets.h"

namespace choreo::wattpad {

void DedupIdCounts::insert(const CountedEvent& e) {
  const bool was = live_.count(e.comment) != 0;
  live_.insert(e.comment);
  counts_.member(e.keys, was, true);
}

void DedupIdCounts::erase(const CountedEvent& e) {
  const bool was = live_.erase(e.comment) != 0;
  counts_.member(e.keys, was, false);
}

void DedupIdCounts::created(const CountedEvent& e) {
  if (seen_.first_time(e.event)) insert(e);
}

void DedupIdCounts::deleted(const CountedEvent& e) {
  if (seen_.first_time(e.event)) erase(e);
}

void DedupIdCounts::sync(const CommentLedger& owner) {
  replay_comments(owner, [this](const CountedEvent& e, bool deleted) { deleted ? erase(e) : insert(e); });
}

void DedupIdCounts::clear() {
  seen_ = replicas::DedupById();
  live_.clear();
  counts_.clear();
}

void TwoPSetCounts::created(const CountedEvent& e) {
  const bool was = set_.contains(e.comment);
  set_.add(e.comment);
  counts_.member(e.keys, was, set_.contains(e.comment));
}

void TwoPSetCounts::deleted(const CountedEvent& e) {
  const bool was = set_.contains(e.comment);
  set_.remove(e.comment);
  counts_.member(e.keys, was, false);
}

void TwoPSetCounts::sync(const CommentLedger& owner) {
  replay_comments(owner,
                  [this](const CountedEvent& e, bool deleted) { deleted ? this->deleted(e) : created(e); });
}

void TwoPSetCounts::clear() {
  set_ = replicas::TwoPSet();
  counts_.clear();
}

void OrSetCounts::created(const CountedEvent& e) {
  const bool was = set_.contains(e.comment);
  set_.apply(replicas::OrAdd{e.comment, replicas::Tag{0, e.comment}});
  counts_.member(e.keys, was, set_.contains(e.comment));
}

void OrSetCounts::deleted(const CountedEvent& e) {
  const bool was = set_.contains(e.comment);
  set_.apply(replicas::OrRemove{e.comment, {replicas::Tag{0, e.comment}}});
  counts_.member(e.keys, was, set_.contains(e.comment));
}

void OrSetCounts::sync(const CommentLedger& owner) {
  replay_comments(owner,
                  [this](const CountedEvent& e, bool deleted) { deleted ? this->deleted(e) : created(e); });
}

void OrSetCounts::clear() {
  set_ = replicas::OrSet();
  counts_.clear();
}

}  // namespace choreo::wattpad
