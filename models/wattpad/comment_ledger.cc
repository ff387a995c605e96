// The comment service's truth; see comment_ledger.h.
#include "models/wattpad/comment_ledger.h"

#include <cassert>

namespace choreo::wattpad {

CommentChange CommentLedger::create(std::uint64_t comment, const Location& where) {
  if (records_ == CommentRecords::kEvery) {
    if (comment >= comments_.size()) comments_.resize(comment + 1);
    assert(!comments_[comment].posted && "comment ids are unique");
    comments_[comment] = CommentInfo{where, true, false};
    ++posted_;
  }
  return CommentChange{.comment = comment, .where = where, .totals = count(comment, where, true)};
}

CommentChange CommentLedger::remove(std::uint64_t comment) {
  if (records_ == CommentRecords::kHeld) {
    const Location where = held_.take(comment);
    return CommentChange{.comment = comment, .where = where, .totals = count(comment, where, false)};
  }
  assert(comment < comments_.size() && comments_[comment].posted && "a deleted comment exists");
  CommentInfo& c = comments_[comment];
  assert(!c.deleted && "a comment is deleted once");
  c.deleted = true;
  return CommentChange{.comment = comment, .where = c.where, .totals = count(comment, c.where, false)};
}

ShardTotals CommentLedger::count(std::uint64_t comment, const Location& where, bool created) {
  const std::uint32_t shard = shard_of(comment, shards_);
  last_keys_ = keys_.intern(where);
  const KeyIds& ids = last_keys_;
  ShardTotals totals{};
  for (std::size_t level = 0; level < ids.levels; ++level) {
    const std::uint32_t id = ids.id[level];
    if (id >= counted_keys()) {
      totals_.resize((std::size_t{id} + 1) * shards_);
      live_.resize(std::size_t{id} + 1, 0);
    }
    changes_.mark(id);
    live_[id] += created ? 1 : -1;
    Totals& t = totals_[id * shards_ + shard];
    totals[level] = created ? ++t.created : ++t.deleted;
  }
  return totals;
}

}  // namespace choreo::wattpad
