// Small scripted cases of the comments system, checked exactly: what each
// mirror and counter strategy ends with when events arrive duplicated or
// out of order. Handlers are driven directly, without a broker in between.
#include <gtest/gtest.h>

#include "models/brokers/nats_broker.h"
#include "models/wattpad/counters.h"
#include "models/wattpad/events.h"
#include "models/wattpad/mirror.h"
#include "models/wattpad/owners.h"
#include "sim/simulation.h"

namespace choreo::wattpad {
namespace {

brokers::Message user_updated(std::uint64_t event, std::uint64_t user, std::uint64_t version, std::uint64_t clock) {
  return brokers::Message{.id = event, .key = user, .a = user, .b = version, .c = clock, .type = kUserUpdated};
}

brokers::Message comment_event(EventType type, std::uint64_t event, std::uint64_t comment, std::uint64_t story,
                               std::uint64_t shard_total) {
  return brokers::Message{.id = event, .key = story, .a = comment, .b = story, .c = 0, .d = shard_total, .type = type};
}

struct Fixture {
  Fixture() {
    w.users = 1;
    w.stories = 1;
    w.shards = 1;
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
  const auto created = comment_event(kCommentCreated, 7, 0, 0, 1);
  for (const char* strategy : {"naive", "dedup-id", "2p-set", "or-set", "g-counter", "pn-counter"}) {
    Counters c("c", strategy, false, *f.comments, 1);
    c.handle(created, {});
    c.handle(created, {});  // redelivered
    EXPECT_EQ(c.count(0), std::string(strategy) == "naive" ? 2 : 1) << strategy;
  }
}

TEST(Strategies, ADeleteBeforeItsCreateResurrectsUnderDedupOnly) {
  Fixture f;
  for (const char* strategy : {"naive", "dedup-id", "2p-set", "or-set", "pn-counter"}) {
    Counters c("c", strategy, false, *f.comments, 1);
    c.handle(comment_event(kCommentDeleted, 2, 0, 0, 1), {});  // the delete overtakes
    c.handle(comment_event(kCommentCreated, 1, 0, 0, 1), {});
    EXPECT_EQ(c.count(0), std::string(strategy) == "dedup-id" ? 1 : 0) << strategy;
  }
}

TEST(Strategies, AnInMemoryStoreIsLostWhenAWorkerCrashes) {
  Fixture f;
  Counters memory("m", "2p-set", true, *f.comments, 1);
  Counters durable("d", "2p-set", false, *f.comments, 1);
  for (Counters* c : {&memory, &durable}) {
    c->handle(comment_event(kCommentCreated, 1, 0, 0, 1), {});
    c->on_worker_crash(0);
  }
  EXPECT_EQ(memory.count(0), 0);
  EXPECT_EQ(durable.count(0), 1);
}

}  // namespace
}  // namespace choreo::wattpad
