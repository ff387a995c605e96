// Every counter strategy of the strategy table, driven directly with
// decoded events: no simulation, broker or service. Each case states the
// exact count every strategy ends with, so a new strategy must say what it
// does (the case fails until its expected value is added).
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "models/wattpad/comment_ledger.h"
#include "models/wattpad/counter_strategy.h"
#include "models/wattpad/strategy.h"

namespace choreo::wattpad {
namespace {

// Key ids as a test names them: story 0 is key 0, its chapter key 1, a
// paragraph of that chapter key 2.
constexpr KeyIds kChapterComment{{0, 1}, 2};
constexpr KeyIds kInlineComment{{0, 1, 2}, 3};

// Comment `comment` (shard comment % 2) with the shard's totals after it.
CountedEvent event(std::uint64_t id, std::uint64_t comment, std::uint64_t total,
                   const KeyIds& keys = kChapterComment) {
  return CountedEvent{.event = id,
                      .comment = comment,
                      .shard = static_cast<std::uint32_t>(comment % 2),
                      .keys = keys,
                      .totals = {total, total, keys.levels == 3 ? total : 0}};
}

// Runs `steps` on a fresh instance of every counter strategy and checks the
// count on `key` against `expected`, which must name every one of them.
template <class Steps>
void expect_counts(const std::map<std::string, std::int64_t>& expected, Steps steps, std::uint32_t key = 0) {
  std::size_t counters = 0;
  for (const Strategy& s : strategies()) {
    if (s.kind() != ReplicaKind::kCounter) continue;
    ++counters;
    const auto want = expected.find(std::string(s.name));
    ASSERT_NE(want, expected.end()) << "no expected count for " << s.name;
    std::unique_ptr<CounterStrategy> c = s.make_counter();
    steps(*c);
    EXPECT_EQ(c->count(key), want->second) << s.name;
  }
  EXPECT_EQ(counters, expected.size()) << "expected counts for strategies not in the table";
}

TEST(CounterStrategies, ADuplicatedCreateOvercountsOnlyTheFoils) {
  expect_counts({{"naive", 2},
                 {"shard-delta-sum", 2},
                 {"dedup-id", 1},
                 {"2p-set", 1},
                 {"or-set", 1},
                 {"g-counter", 1},
                 {"pn-counter", 1}},
                [](CounterStrategy& c) {
                  c.created(event(7, 0, 1));
                  c.created(event(7, 0, 1));  // redelivered
                });
}

TEST(CounterStrategies, ReorderedCreatesWithADuplicateLast) {
  // Shard 0 posts comments 0, 2, 4; the third overtakes the others, shard
  // 1 posts comment 1, and a copy of the first arrives last.
  expect_counts({{"naive", 5},
                 {"shard-delta-sum", 5},
                 {"dedup-id", 4},
                 {"2p-set", 4},
                 {"or-set", 4},
                 {"g-counter", 4},
                 {"pn-counter", 4}},
                [](CounterStrategy& c) {
                  c.created(event(3, 4, 3));
                  c.created(event(1, 0, 1));
                  c.created(event(4, 1, 1));
                  c.created(event(2, 2, 2));
                  c.created(event(1, 0, 1));
                });
}

TEST(CounterStrategies, ADeleteBeforeItsCreate) {
  // dedup-id resurrects the comment; the grow-only strategies never count
  // the delete.
  expect_counts({{"naive", 0},
                 {"shard-delta-sum", 1},
                 {"dedup-id", 1},
                 {"2p-set", 0},
                 {"or-set", 0},
                 {"g-counter", 1},
                 {"pn-counter", 0}},
                [](CounterStrategy& c) {
                  c.deleted(event(2, 0, 1));
                  c.created(event(1, 0, 1));
                });
}

TEST(CounterStrategies, ADuplicatedDelete) {
  expect_counts({{"naive", 0},
                 {"shard-delta-sum", 2},
                 {"dedup-id", 1},
                 {"2p-set", 1},
                 {"or-set", 1},
                 {"g-counter", 2},
                 {"pn-counter", 1}},
                [](CounterStrategy& c) {
                  c.created(event(1, 0, 1));
                  c.created(event(2, 1, 1));
                  c.deleted(event(3, 0, 1));
                  c.deleted(event(3, 0, 1));  // redelivered
                });
}

TEST(CounterStrategies, ACommentCountsOnEachOfItsKeys) {
  for (std::uint32_t key = 0; key < 3; ++key) {
    expect_counts(
        {{"naive", 1},
         {"shard-delta-sum", 1},
         {"dedup-id", 1},
         {"2p-set", 1},
         {"or-set", 1},
         {"g-counter", 1},
         {"pn-counter", 1}},
        [](CounterStrategy& c) { c.created(event(1, 0, 1, kInlineComment)); }, key);
  }
  expect_counts(
      {{"naive", 0},
       {"shard-delta-sum", 0},
       {"dedup-id", 0},
       {"2p-set", 0},
       {"or-set", 0},
       {"g-counter", 0},
       {"pn-counter", 0}},
      [](CounterStrategy& c) { c.created(event(1, 0, 1)); }, 2);  // a chapter comment
}

TEST(CounterStrategies, ClearForgetsEverything) {
  // After the clear, the same create counts again from zero (dedup-id has
  // forgotten its event ids too).
  expect_counts({{"naive", 1},
                 {"shard-delta-sum", 1},
                 {"dedup-id", 1},
                 {"2p-set", 1},
                 {"or-set", 1},
                 {"g-counter", 1},
                 {"pn-counter", 1}},
                [](CounterStrategy& c) {
                  c.created(event(1, 0, 1));
                  c.created(event(2, 1, 1));
                  c.clear();
                  EXPECT_EQ(c.count(0), 0);
                  EXPECT_EQ(c.count(1), 0);
                  c.created(event(1, 0, 1));
                });
}

// The owner's state a pull hands over: two shards; comments 0 (shard 0,
// story 0 chapter 0), 1 (shard 1, paragraph 2 of that chapter) and 2
// (shard 0, story 0 chapter 1); comment 0 deleted. Keys: story 0 = 0,
// chapter 0 = 1, its paragraph 2 = 2, chapter 1 = 3.
struct Owner {
  Owner() {
    ledger.create(0, {.story = 0, .chapter = 0});
    one = ledger.create(1, {.story = 0, .chapter = 0, .paragraph = 2});
    ledger.create(2, {.story = 0, .chapter = 1});
    ledger.remove(0);
  }
  KeyIndex keys;
  CommentLedger ledger{2, keys};
  CommentChange one;
};

TEST(CounterStrategies, APullMergesTheOwnersState) {
  // Before the pull the replica saw comment 1's create, twice.
  const Owner owner;
  const CountedEvent one{.event = 9,
                         .comment = 1,
                         .shard = 1,
                         .keys = owner.keys.ids(owner.one.where),
                         .totals = owner.one.totals};
  ASSERT_EQ(owner.keys.size(), 4u);
  ASSERT_EQ(owner.ledger.live(0), 2);
  const std::map<std::string, std::vector<std::int64_t>> expected = {
      {"naive", {2, 1, 1, 1}},           {"dedup-id", {2, 1, 1, 1}},
      {"2p-set", {2, 1, 1, 1}},          {"or-set", {2, 1, 1, 1}},
      {"pn-counter", {2, 1, 1, 1}},      {"g-counter", {3, 2, 1, 1}},  // created totals: deletes not counted
      {"shard-delta-sum", {3, 2, 1, 1}},                               // reset to the created totals
  };
  std::size_t counters = 0;
  for (const Strategy& s : strategies()) {
    if (s.kind() != ReplicaKind::kCounter) continue;
    ++counters;
    ASSERT_TRUE(expected.count(std::string(s.name))) << s.name;
    auto c = s.make_counter();
    c->created(one);
    c->created(one);
    c->sync(owner.ledger);
    std::vector<std::int64_t> counts;
    for (std::uint32_t key = 0; key < 4; ++key) counts.push_back(c->count(key));
    EXPECT_EQ(counts, expected.at(std::string(s.name))) << s.name;
  }
  EXPECT_EQ(counters, expected.size());
}

}  // namespace
}  // namespace choreo::wattpad
