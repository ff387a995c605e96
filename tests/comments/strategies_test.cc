// Small scripted cases of the comments system, checked exactly: what each
// mirror and counter strategy ends with when events arrive duplicated or
// out of order. Handlers are driven directly, without a broker in between.
#include <gtest/gtest.h>

#include <array>

#include "models/brokers/nats_broker.h"
#include "models/wattpad/count_keys.h"
#include "models/wattpad/counters.h"
#include "models/wattpad/events.h"
#include "models/wattpad/mirror.h"
#include "models/wattpad/owners.h"
#include "sim/simulation.h"

namespace choreo::wattpad {
namespace {

// A UserUpdated event; `writes` is its version vector over hosts 0..3.
brokers::Message user_updated(std::uint64_t event, std::uint64_t user, std::uint64_t version,
                              std::uint64_t clock, const std::uint32_t (&writes)[kMaxVectorHosts] = {}) {
  const auto [c, d] = pack_hosts(writes);
  return brokers::Message{
      .id = event, .key = user, .a = version, .b = clock, .c = c, .d = d, .type = kUserUpdated};
}

// A comment event at `where`; `totals` are the shard's counts on its story,
// chapter and paragraph keys.
brokers::Message comment_at(EventType type, std::uint64_t event, std::uint64_t comment, Location where,
                            std::array<std::uint64_t, 3> totals) {
  return brokers::Message{.id = event,
                          .key = where.story,
                          .a = comment,
                          .b = where.pack(),
                          .c = totals[1] << 32 | totals[2],
                          .d = totals[0],
                          .type = type};
}

// A comment on story 0, chapter 0, no paragraph.
brokers::Message comment_event(EventType type, std::uint64_t event, std::uint64_t comment,
                               std::uint64_t shard_total) {
  return comment_at(type, event, comment, Location{}, {shard_total, shard_total, 0});
}

std::int64_t story_count(const Counters& c) { return c.count(Location{}, 0); }

struct Fixture {
  Fixture() {
    w.users = 1;
    w.stories = 1;
    w.shards = 2;
    w.chapters = 2;
    w.paragraphs = 3;
    w.popularity.a = 1.0;
    broker = std::make_unique<brokers::NatsBroker>(sim, brokers::NatsOptions{}, brokers::CommonOptions{},
                                                   brokers::FaultPlan{});
    users = &sim.add<UserService>(w, *broker, sim.rng("u"), 0);
    comments = &sim.add<CommentService>(w, *broker, sim.rng("c"), 0);
  }
  sim::Simulation sim{1};
  WorkloadOptions w;
  std::unique_ptr<brokers::Broker> broker;
  UserService* users;
  CommentService* comments;
};

TEST(Strategies, OneUserThreeUpdatesTheSecondDelayedPastTheThird) {
  Fixture f;
  Mirror overwrite("o", "overwrite", false, *f.users);
  Mirror lww("l", "lww-version", false, *f.users);
  for (Mirror* m : {&overwrite, &lww}) {
    m->handle(user_updated(1, 0, 1, 100), {});
    m->handle(user_updated(3, 0, 3, 300), {});
    m->handle(user_updated(2, 0, 2, 200), {});  // version 2 arrives last
  }
  EXPECT_EQ(overwrite.version(0), 2u);
  EXPECT_EQ(lww.version(0), 3u);
}

TEST(Strategies, LwwClockKeepsTheLaterClockNotTheLaterVersion) {
  Fixture f;
  Mirror clock("c", "lww-clock", false, *f.users);
  clock.handle(user_updated(1, 0, 1, 500), {});  // a fast host's clock
  clock.handle(user_updated(2, 0, 2, 400), {});  // the later change, on a slow host
  EXPECT_EQ(clock.version(0), 1u);
}

TEST(Strategies, ADuplicatedCreateOvercountsOnlyTheNaiveCounter) {
  Fixture f;
  const auto created = comment_event(kCommentCreated, 7, 0, 1);
  for (const char* strategy : {"naive", "dedup-id", "2p-set", "or-set", "g-counter", "pn-counter"}) {
    Counters c("c", strategy, false, *f.comments);
    c.handle(created, {});
    c.handle(created, {});  // redelivered
    EXPECT_EQ(story_count(c), std::string(strategy) == "naive" ? 2 : 1) << strategy;
  }
}

TEST(Strategies, ADeleteBeforeItsCreateResurrectsUnderDedupOnly) {
  Fixture f;
  for (const char* strategy : {"naive", "dedup-id", "2p-set", "or-set", "pn-counter"}) {
    Counters c("c", strategy, false, *f.comments);
    c.handle(comment_event(kCommentDeleted, 2, 0, 1), {});  // the delete overtakes
    c.handle(comment_event(kCommentCreated, 1, 0, 1), {});
    EXPECT_EQ(story_count(c), std::string(strategy) == "dedup-id" ? 1 : 0) << strategy;
  }
}

TEST(Strategies, AnInMemoryStoreIsLostWhenAWorkerCrashes) {
  Fixture f;
  Counters memory("m", "2p-set", true, *f.comments);
  Counters durable("d", "2p-set", false, *f.comments);
  for (Counters* c : {&memory, &durable}) {
    c->handle(comment_event(kCommentCreated, 1, 0, 1), {});
    c->on_worker_crash(0);
  }
  EXPECT_EQ(story_count(memory), 0);
  EXPECT_EQ(story_count(durable), 1);
}

TEST(Strategies, ACommentCountsOnItsStoryChapterAndParagraph) {
  Fixture f;
  const Location inline_comment{.story = 0, .chapter = 1, .paragraph = 2};
  const Location chapter_comment{.story = 0, .chapter = 1};
  const Location other_chapter{.story = 0, .chapter = 0, .paragraph = 2};
  for (const char* strategy : {"naive", "dedup-id", "2p-set", "or-set", "pn-counter"}) {
    Counters c("c", strategy, false, *f.comments);
    // Comments 0 and 2 on shard 0, comment 1 on shard 1 (id % shards).
    c.handle(comment_at(kCommentCreated, 1, 0, inline_comment, {1, 1, 1}), {});
    c.handle(comment_at(kCommentCreated, 2, 1, chapter_comment, {1, 1, 0}), {});
    c.handle(comment_at(kCommentCreated, 3, 2, other_chapter, {2, 1, 1}), {});
    c.handle(comment_at(kCommentDeleted, 4, 0, inline_comment, {1, 1, 1}), {});
    EXPECT_EQ(c.count(inline_comment, 0), 2) << strategy;  // story 0: comments 1 and 2
    EXPECT_EQ(c.count(inline_comment, 1), 1) << strategy;  // chapter 1: comment 1
    EXPECT_EQ(c.count(inline_comment, 2), 0) << strategy;  // chapter 1 paragraph 2: deleted
    EXPECT_EQ(c.count(other_chapter, 1), 1) << strategy;   // chapter 0: comment 2
    EXPECT_EQ(c.count(other_chapter, 2), 1) << strategy;   // chapter 0 paragraph 2: comment 2
  }
}

TEST(Strategies, AGCounterMergesShardTotalsPerKeyWhateverTheOrder) {
  Fixture f;
  const Location where{.story = 0, .chapter = 1, .paragraph = 0};
  Counters g("g", "g-counter", false, *f.comments);
  // Shard 0 posts comments 0, 2, 4 here; its third event overtakes the others
  // and a duplicate of the first arrives last.
  g.handle(comment_at(kCommentCreated, 3, 4, where, {3, 3, 3}), {});
  g.handle(comment_at(kCommentCreated, 1, 0, where, {1, 1, 1}), {});
  g.handle(comment_at(kCommentCreated, 5, 1, where, {1, 1, 1}), {});  // shard 1
  g.handle(comment_at(kCommentCreated, 1, 0, where, {1, 1, 1}), {});
  for (std::size_t level = 0; level < 3; ++level) EXPECT_EQ(g.count(where, level), 4) << level;
}

TEST(Strategies, MvRegisterKeepsTheCausallyLaterWriteWhereClockSkewFoolsLww) {
  Fixture f;
  Mirror mv("m", "mv-register", false, *f.users);
  Mirror clock("c", "lww-clock", false, *f.users);
  for (Mirror* m : {&mv, &clock}) {
    m->handle(user_updated(2, 0, 2, 400, {1, 1, 0, 0}), {});  // later write, slow host's clock, arrives first
    m->handle(user_updated(1, 0, 1, 500, {1, 0, 0, 0}), {});  // earlier write, fast host
  }
  EXPECT_EQ(mv.version(0), 2u);
  EXPECT_EQ(clock.version(0), 1u);
}

}  // namespace
}  // namespace choreo::wattpad
