// SQS standard-queue order from named mechanisms: messages spread over
// storage servers (id % sqs.servers), long polls that query every server
// (strict order with one consumer), short polls (sqs.wait_time = 0) that
// sample sqs.sampled_servers of them and so take newer messages first when
// the oldest sit on a server the sample missed. Scripted timelines with
// their exact outcome, the sampling as the one mechanism behind every
// inversion, and determinism.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "models/brokers/sqs_broker.h"
#include "sim/random.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using sim::kMillisecond;
using sim::kSecond;
using testing::add_publisher;
using testing::Recorder;

// One queue, seqs 0..5 visible (slot = seq).
SqsQueue six(std::uint32_t servers, std::uint32_t sampled) {
  SqsQueue q(false, SqsQueue::Order::kOldest, servers, sampled);
  for (std::uint32_t seq = 0; seq < 6; ++seq) q.add_visible(seq, seq);
  return q;
}

TEST(SqsPolling, ALongPollQueriesEveryServerAndTakesTheOldestFirst) {
  SqsQueue q = six(4, 4);
  sim::Rng rng(1);
  q.begin_receive(rng);
  EXPECT_EQ(q.queried().size(), 1u);  // every server queried: one ordered store
  std::vector<std::uint32_t> taken;
  while (q.can_take()) taken.push_back(q.take(rng));
  EXPECT_EQ(taken, (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5}));
  EXPECT_FALSE(q.has_visible());
}

// Each server is a heap whose removed entries leave lazily: a message
// removed below the top (retention) is never taken, removing the top
// exposes the next oldest, and a slot reused for a newer message is taken
// at its new seq, not where its old entry sits.
TEST(SqsPolling, RemovedMessagesAreNeverTakenAndAReusedSlotTakesItsNewPlace) {
  SqsQueue q(false, SqsQueue::Order::kOldest, 1, 1);
  for (std::uint32_t seq = 0; seq < 6; ++seq) q.add_visible(seq, seq);
  q.remove_visible(3, 3);  // below the top
  q.remove_visible(0, 0);  // the top
  q.add_visible(3, 9);     // slot 3 again, a newer message
  q.add_visible(6, 7);
  sim::Rng rng(1);
  q.begin_receive(rng);
  std::vector<std::uint32_t> taken;
  while (q.can_take()) taken.push_back(q.take(rng));
  EXPECT_EQ(taken, (std::vector<std::uint32_t>{1, 2, 4, 5, 6, 3}));
  EXPECT_FALSE(q.has_visible());
  q.add_visible(0, 10);  // a message that comes back visible after all were taken
  q.begin_receive(rng);
  ASSERT_TRUE(q.can_take());
  EXPECT_EQ(q.take(rng), 0u);
}

TEST(SqsPolling, AShortPollTakesOnlyWhatItsSampledServersHoldOldestFirst) {
  // Two servers, one sampled: seqs 0, 2, 4 on server 0 and 1, 3, 5 on
  // server 1. Each receive gets exactly one server's messages in order;
  // a receive that samples server 1 first takes 1 before 0: the sampling
  // is what reorders.
  sim::Rng rng(1);
  for (int round = 0; round < 8; ++round) {
    SqsQueue q = six(2, 1);
    q.begin_receive(rng);
    ASSERT_EQ(q.queried().size(), 1u);
    const std::uint32_t server = q.queried()[0];
    std::vector<std::uint32_t> taken;
    while (q.can_take()) taken.push_back(q.take(rng));
    EXPECT_EQ(taken, (std::vector<std::uint32_t>{server, server + 2, server + 4})) << "server " << server;
    EXPECT_TRUE(q.has_visible());  // the other server's three are still there
    q.begin_receive(rng);
    while (q.can_take()) taken.push_back(q.take(rng));
    EXPECT_EQ(taken.size(), q.has_visible() ? 3u : 6u);
  }
}

TEST(SqsPolling, TheSampleIsDrawnFromTheStreamAndEverySubsetComesUp) {
  // Two of four servers: six subsets, each drawn; the same stream draws the same ones.
  sim::Rng a(7), b(7);
  SqsQueue qa = six(4, 2), qb = six(4, 2);
  std::vector<std::vector<std::uint32_t>> seen;
  for (int i = 0; i < 200; ++i) {
    qa.begin_receive(a);
    qb.begin_receive(b);
    ASSERT_EQ(qa.queried(), qb.queried());
    ASSERT_EQ(qa.queried().size(), 2u);
    ASSERT_LT(qa.queried()[0], qa.queried()[1]);
    if (std::find(seen.begin(), seen.end(), qa.queried()) == seen.end()) seen.push_back(qa.queried());
  }
  EXPECT_EQ(seen.size(), 6u);
}

SqsOptions one_consumer(sim::Time wait_time, std::uint32_t servers, std::uint32_t sampled) {
  SqsOptions o;
  o.duplicate_after_delete = 0;
  o.concurrency = 1;
  o.wait_time = wait_time;
  o.servers = servers;
  o.sampled_servers = sampled;
  return o;
}

struct Outcome {
  std::vector<std::uint64_t> ids;
  std::uint64_t reordered = 0, hash = 0;
};

// One worker, one handler, `processing` each, no delay, no faults: `count`
// messages every `period`.
Outcome run(const SqsOptions& o, std::uint64_t count, sim::Time period, const char* processing) {
  sim::Simulation sim(1);
  CommonOptions common;
  common.processing = *sim::parse_duration_distribution(processing);
  SqsBroker broker(sim, o, common, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = count, .period = period});
  sim.run_until(sim::kMinute);
  return {r.ids(), broker.stats().total().reordered, sim.trace_hash()};
}

TEST(SqsPolling, ScriptedShortPollsReorderByTheSampleAndLongPollsDoNot) {
  // Six messages 1 ms apart, each handled in 1 s by the one handler; batch
  // of 1. Message 1 is received at once; at 1 s, 2 s, ... a receive finds
  // the backlog. Long poll: in order. Short poll, one of two servers
  // (ids 1, 3, 5 on one, 2, 4, 6 on the other): each receive takes the
  // oldest message of the server it sampled.
  SqsOptions long_poll = one_consumer(20 * kSecond, 2, 1);
  long_poll.batch_size = 1;
  EXPECT_EQ(run(long_poll, 6, kMillisecond, "1s").ids, (std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6}));
  SqsOptions short_poll = one_consumer(0, 2, 1);
  short_poll.batch_size = 1;
  const Outcome s = run(short_poll, 6, kMillisecond, "1s");
  // Seed 1's samples: at 1 s, 2 s and 3 s each receive samples the server
  // holding the oldest waiting message (2, 3, 4); at 4 s it samples the
  // server of 6 and misses 5's, so 6 overtakes 5, which the next receive
  // takes. The one inversion is the sample's.
  EXPECT_EQ(s.ids, (std::vector<std::uint64_t>{1, 2, 3, 4, 6, 5}));
  EXPECT_EQ(s.ids[4] % 2, 0u);  // 6 and 5 on different servers (id % 2)
  EXPECT_EQ(s.reordered, 1u);   // 5 after 6
}

TEST(SqsPolling, WithOneConsumerEveryInversionIsBetweenServersTheSampleSplit) {
  // 1,000 messages every 100 us, 1 ms handling, batches of 10: a backlog.
  // Long poll (the default): strict order. Short poll sampling all four
  // servers: strict order too. Sampling two of four: reordered, and only
  // across servers (a newer message taken before an older one is always
  // on another server: the one the sample missed), each message once.
  const Outcome all = run(one_consumer(0, 4, 4), 1'000, 100, "1ms");
  const Outcome long_poll = run(one_consumer(20 * kSecond, 4, 2), 1'000, 100, "1ms");
  std::vector<std::uint64_t> want(1'000);
  for (std::uint64_t i = 0; i < 1'000; ++i) want[i] = i + 1;
  EXPECT_EQ(all.ids, want);
  EXPECT_EQ(long_poll.ids, want);
  EXPECT_EQ(long_poll.reordered, 0u);

  const Outcome sampled = run(one_consumer(0, 4, 2), 1'000, 100, "1ms");
  ASSERT_EQ(sampled.ids.size(), 1'000u);
  EXPECT_GT(sampled.reordered, 100u);
  std::uint64_t inversions = 0;
  for (std::size_t i = 0; i < sampled.ids.size(); ++i) {
    for (std::size_t j = i + 1; j < sampled.ids.size(); ++j) {
      if (sampled.ids[j] >= sampled.ids[i]) continue;
      ++inversions;
      EXPECT_NE(sampled.ids[i] % 4, sampled.ids[j] % 4) << sampled.ids[i] << " before " << sampled.ids[j];
    }
  }
  EXPECT_GT(inversions, 0u);
  std::vector<std::uint64_t> sorted = sampled.ids;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, want);  // every message once: no redelivery, no loss
}

TEST(SqsPolling, AShortPollingRunIsDeterministic) {
  const SqsOptions o = one_consumer(0, 4, 2);
  const Outcome a = run(o, 1'000, 100, "1ms"), b = run(o, 1'000, 100, "1ms");
  EXPECT_EQ(a.hash, b.hash);
  EXPECT_EQ(a.ids, b.ids);
  EXPECT_NE(a.hash, run(one_consumer(20 * kSecond, 4, 2), 1'000, 100, "1ms").hash);
}

}  // namespace
}  // namespace choreo::brokers
