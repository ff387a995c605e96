// The consuming services around the strategies: a replica decodes broker
// messages, finds the keys' ids, applies them by its strategy and forgets
// an in-memory store when a worker crashes. No simulation or broker: the
// messages are encoded by hand and handed over.
#include <gtest/gtest.h>

#include <string>

#include "models/wattpad/codec.h"
#include "models/wattpad/counter_replica.h"
#include "models/wattpad/mirror_replica.h"
#include "models/wattpad/strategy.h"

namespace choreo::wattpad {
namespace {

struct Comments {
  // Publishes (encodes) what the ledger records, numbering events.
  brokers::Message created(std::uint64_t comment, const Location& where) {
    CommentChange c = ledger.create(comment, where);
    c.event = comment_event_id(++events);
    return encode(CommentCreated{c});
  }
  brokers::Message deleted(std::uint64_t comment) {
    CommentChange c = ledger.remove(comment);
    c.event = comment_event_id(++events);
    return encode(CommentDeleted{c});
  }
  KeyIndex keys;
  CommentLedger ledger{2, keys};
  std::uint64_t events = 0;
};

TEST(Replicas, ACounterCountsACommentOnItsStoryChapterAndParagraph) {
  Comments owner;
  const Location inline_comment{.story = 0, .chapter = 1, .paragraph = 2};
  const Location chapter_comment{.story = 0, .chapter = 1};
  const Location other_chapter{.story = 0, .chapter = 0, .paragraph = 2};
  const brokers::Message m[] = {owner.created(0, inline_comment), owner.created(1, chapter_comment),
                                owner.created(2, other_chapter), owner.deleted(0)};
  // A set-based strategy counts live comments, a grow-only one created ones.
  for (const char* name : {"2p-set", "g-counter"}) {
    CounterReplica c(false, owner.ledger, strategy(name).make_counter());
    for (const auto& message : m) EXPECT_TRUE(c.handle(message, {}));
    const KeyIds here = owner.keys.ids(inline_comment), there = owner.keys.ids(other_chapter);
    const bool grow_only = std::string(name) == "g-counter";
    EXPECT_EQ(c.counts().count(here.id[0]), grow_only ? 3 : 2) << name;  // story 0
    EXPECT_EQ(c.counts().count(here.id[1]), grow_only ? 2 : 1) << name;  // chapter 1
    EXPECT_EQ(c.counts().count(here.id[2]), grow_only ? 1 : 0) << name;  // its paragraph 2
    EXPECT_EQ(c.counts().count(there.id[1]), 1) << name;                 // chapter 0
    EXPECT_EQ(c.counts().count(there.id[2]), 1) << name;                 // its paragraph 2
  }
}

TEST(Replicas, AnInMemoryStoreIsLostWhenAWorkerCrashes) {
  Comments owner;
  CounterReplica memory(true, owner.ledger, strategy("2p-set").make_counter());
  CounterReplica durable(false, owner.ledger, strategy("2p-set").make_counter());
  const brokers::Message m = owner.created(0, {});
  for (CounterReplica* c : {&memory, &durable}) {
    c->handle(m, {});
    c->on_worker_crash(0);
  }
  EXPECT_EQ(memory.counts().count(0), 0);
  EXPECT_EQ(durable.counts().count(0), 1);

  ProfileLedger users(1);
  MirrorReplica mirror(true, users, strategy("lww-version").make_mirror(1));
  UserUpdated e = users.write(0, 0, 5, 0);
  e.event = user_event_id(1);
  mirror.handle(encode(e), {});
  EXPECT_EQ(mirror.version(0), 1u);
  mirror.on_worker_crash(0);
  EXPECT_EQ(mirror.version(0), 0u);
}

TEST(Replicas, AMirrorIgnoresOtherEventTypes) {
  Comments owner;
  ProfileLedger users(1);
  MirrorReplica mirror(false, users, strategy("overwrite").make_mirror(1));
  EXPECT_TRUE(mirror.handle(owner.created(0, {}), {}));
  EXPECT_EQ(mirror.version(0), 0u);
}

}  // namespace
}  // namespace choreo::wattpad
