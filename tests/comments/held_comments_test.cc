// What the comment service remembers of comments: HeldComments holds
// exactly the comments a pending delete targets, through growth and
// backward-shift removal; a ledger of held comments records none but those
// and counts exactly as one that records every comment.
#include "models/wattpad/held_comments.h"

#include <gtest/gtest.h>

#include <map>

#include "models/wattpad/comment_ledger.h"
#include "sim/random.h"

namespace choreo::wattpad {
namespace {

Location at(std::uint64_t comment) {
  return {.story = comment % 7, .chapter = static_cast<std::uint32_t>(comment % 3)};
}

TEST(HeldComments, AgreesWithAMapThroughPutsAndTakes) {
  // Random puts and takes, many colliding runs (ids in a narrow range, so
  // probe runs wrap and removals shift entries back).
  HeldComments held;
  std::map<std::uint64_t, Location> model;
  sim::Rng rng(7);
  for (int step = 0; step < 20000; ++step) {
    const std::uint64_t id = sim::uniform_int(rng, 600);
    if (model.count(id) != 0) {
      const Location where = held.take(id);
      EXPECT_EQ(where, model[id]) << "comment " << id;
      model.erase(id);
    } else {
      held.put(id, at(id));
      model[id] = at(id);
    }
    ASSERT_EQ(held.size(), model.size());
  }
  for (std::uint64_t id = 0; id < 600; ++id) EXPECT_EQ(held.holds(id), model.count(id) != 0) << id;
  EXPECT_LE(held.slots(), 4 * 600u) << "grows with the most held at once, not with the puts";
}

TEST(HeldComments, ALedgerOfHeldCommentsRecordsOnlyThoseADeleteTargets) {
  KeyIndex keys_held, keys_every;
  CommentLedger held(3, keys_held, CommentRecords::kHeld);
  CommentLedger every(3, keys_every, CommentRecords::kEvery);
  for (std::uint64_t c = 0; c < 1000; ++c) {
    held.create(c, at(c));
    every.create(c, at(c));
    if (c % 10 == 0) held.hold(c, at(c));  // a delete is scheduled for every tenth
  }
  EXPECT_EQ(held.recorded(), 100u);
  EXPECT_EQ(every.recorded(), 1000u);
  for (std::uint64_t c = 0; c < 1000; c += 20) {
    const CommentChange a = held.remove(c), b = every.remove(c);
    EXPECT_EQ(a.where, b.where);
    EXPECT_EQ(a.totals, b.totals);
  }
  EXPECT_EQ(held.recorded(), 50u) << "a deleted comment is forgotten";
  ASSERT_EQ(keys_held.size(), keys_every.size());
  for (std::uint32_t k = 0; k < keys_held.size(); ++k) {
    EXPECT_EQ(held.live(k), every.live(k));
    std::int64_t sum = 0;  // live(k): its shards' created less their deleted
    for (std::uint32_t s = 0; s < 3; ++s) {
      EXPECT_EQ(held.created(k, s), every.created(k, s));
      EXPECT_EQ(held.deleted(k, s), every.deleted(k, s));
      sum += static_cast<std::int64_t>(every.created(k, s)) - static_cast<std::int64_t>(every.deleted(k, s));
    }
    EXPECT_EQ(every.live(k), sum) << k;
  }
}

TEST(HeldComments, NothingDeletesNothingIsRecorded) {
  KeyIndex keys;
  CommentLedger ledger(4, keys, CommentRecords::kHeld);
  for (std::uint64_t c = 0; c < 5000; ++c) ledger.create(c, at(c));
  EXPECT_EQ(ledger.recorded(), 0u);
  EXPECT_EQ(ledger.live(0), 5000 / 7 + 1);  // story 0: comments 0, 7, 14, ...
}

}  // namespace
}  // namespace choreo::wattpad
