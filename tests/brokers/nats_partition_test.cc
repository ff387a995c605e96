// NATS under a partition: the connection stalls instead of breaking, so a
// short partition loses nothing, and loss starts only when the server
// detects the dead client (write deadline after the socket buffers fill,
// max_pending, or unanswered pings). The first three tests replay the runs
// of a real nats-server 2.9.10 in docs/semantics.md ("What we saw on
// loopback"): 215 bytes on the wire per 200-byte message, 200 or 5 per
// second, a cut from 5 s. A `disconnect` is the instant case.
#include <gtest/gtest.h>

#include <algorithm>

#include "models/brokers/nats_broker.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using sim::kMillisecond;
using sim::kSecond;
using testing::add_publisher;
using testing::Recorder;

constexpr std::uint32_t kWireBytes = 215;  // a 200-byte payload in a NATS MSG frame

struct Outcome {
  Recorder r;
  DeliveryCounts counts;
  sim::Time max_latency = 0;
  std::uint64_t hash = 0;
  bool in_order = true;
};

// One subscriber; `count` messages of `bytes`, one every `period` from 1 ms
// (off the fault's grid); a cut (partition or disconnect) over [from, to).
Outcome replay(NatsOptions options, std::uint64_t count, sim::Time period, sim::Time from, sim::Time to,
               bool disconnect = false, std::uint32_t bytes = kWireBytes) {
  Outcome out;
  sim::Simulation sim(1);
  options.reconnect_jitter = 0;
  NatsBroker broker(sim, options, {}, {});
  broker.subscribe("t", "svc", out.r);
  if (disconnect) {
    broker.disconnect("svc", from, to);
  } else {
    broker.partition("svc", from, to);
  }
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"),
                 .first_id = 0,
                 .count = count,
                 .start = kMillisecond,
                 .period = period,
                 .bytes = bytes});
  sim.run();
  out.counts = broker.stats().total();
  out.hash = sim.trace_hash();
  for (std::size_t i = 0; i < out.r.log.size(); ++i) {
    const auto& d = out.r.log[i];
    out.max_latency = std::max(out.max_latency, d.info.delivered_at - d.msg.published_at);
    if (i > 0 && out.r.log[i - 1].msg.id >= d.msg.id) out.in_order = false;
  }
  return out;
}

// Measured: 3000 of 3000, latency up to 3.07 s, in order. The buffers fill
// after 1.67 s, but the heal comes before the 10 s write deadline.
TEST(NatsPartition, ThreeSecondsAt200PerSecondLosesNothingAndArrivesLateInOrder) {
  const Outcome r = replay(NatsOptions{}, 3000, 5 * kMillisecond, 5 * kSecond, 8 * kSecond);
  EXPECT_EQ(r.counts.delivered, 3000u);
  EXPECT_EQ(r.counts.lost(), 0u);
  EXPECT_TRUE(r.in_order);
  EXPECT_EQ(r.max_latency, 3 * kSecond - kMillisecond);  // published at 5.001 s, delivered at 8 s
}

// Measured: 150 of 150, latency up to 15.35 s. 75 x 215 B never fill the
// buffers, and the first ping tick is at 2 min.
TEST(NatsPartition, FifteenSecondsAt5PerSecondLosesNothing) {
  const Outcome r = replay(NatsOptions{}, 150, 200 * kMillisecond, 5 * kSecond, 20 * kSecond);
  EXPECT_EQ(r.counts.delivered, 150u);
  EXPECT_EQ(r.counts.lost(), 0u);
  EXPECT_TRUE(r.in_order);
  EXPECT_EQ(r.max_latency, 15 * kSecond - kMillisecond);
}

// Measured: 335 messages (~72 KB, the first 1.67 s of the cut) were
// delivered after the heal; the server closed the client 11.7 s into the
// cut; everything after the buffers filled was lost. Here, message k is
// published at 1 ms + k x 5 ms: k = 1000..1333 fill the 72,000 bytes; k =
// 1334 blocks the write at 6.671 s; the close at 16.671 s loses the 2,000
// held (k = 1334..3333; k = 3334 arrives at the same instant, after the
// close); k = 3334..4399 find no subscriber until the client, told at the
// heal (20 s), reconnects 2 s later.
TEST(NatsPartition, FifteenSecondsAt200PerSecondLosesOnlyAfterTheWriteDeadline) {
  const Outcome r = replay(NatsOptions{}, 6000, 5 * kMillisecond, 5 * kSecond, 20 * kSecond);
  std::vector<std::uint64_t> want;
  for (std::uint64_t k = 0; k < 6000; ++k) {
    if (k < 1334 || k >= 4400) want.push_back(k);
  }
  EXPECT_EQ(r.r.ids(), want);
  EXPECT_EQ(r.counts.lost(LossReason::kSlowConsumer), 2000u);
  EXPECT_EQ(r.counts.lost(LossReason::kDisconnected), 1066u);
  EXPECT_EQ(r.max_latency, 15 * kSecond - kMillisecond);
}

// With nothing to fill the buffers, the pings detect it: ticks at 2, 4 and
// 6 min; the third finds two unanswered and closes both ends, losing what
// sat in the socket buffers (message k is published at k s + 1 ms: k =
// 10..359). Retries every 2 s from 6 min: back at the heal, 10 min; k =
// 360..599 had no subscriber.
TEST(NatsPartition, PingsDetectAQuietPartitionAfterMaxPingsOutTicks) {
  const Outcome r = replay(NatsOptions{}, 700, kSecond, 10 * kSecond, 600 * kSecond, false, 100);
  std::vector<std::uint64_t> want;
  for (std::uint64_t k = 0; k < 700; ++k) {
    if (k < 10 || k >= 600) want.push_back(k);
  }
  EXPECT_EQ(r.r.ids(), want);
  EXPECT_EQ(r.counts.lost(LossReason::kDisconnected), 590u);
  EXPECT_EQ(r.counts.lost(LossReason::kSlowConsumer), 0u);
}

// max_pending 10,000 B, socket 1,000 B, 100-byte messages every 1 ms from
// 1 ms, cut over [1.0005 s, 3.0005 s): k = 1000..1009 fill the socket; the
// server holds k = 1010.., and the 101st held (k = 1110, 10,100 B) closes
// the client at once, losing the 101 held. k = 1111..4999 find no
// subscriber until the reconnect 2 s after the heal.
TEST(NatsPartition, MaxPendingClosesTheClientAsSoonAsItIsExceeded) {
  NatsOptions o;
  o.socket_buffer = 1'000;
  o.max_pending = 10'000;
  const Outcome r = replay(o, 6000, kMillisecond, 1'000'500, 3'000'500, false, 100);
  EXPECT_EQ(r.counts.lost(LossReason::kSlowConsumer), 101u);
  EXPECT_EQ(r.counts.lost(LossReason::kDisconnected), 5000u - 1111u);
  EXPECT_EQ(r.counts.delivered, 1010u + 1000u);
}

// The instant case: a disconnect at 10 s, retries every 2 s from then, back
// at 26 s after a heal at 25 s; everything published in [10 s, 26 s) is lost.
TEST(NatsPartition, DisconnectLosesEverythingUntilTheFirstRetryAfterTheHeal) {
  const Outcome r = replay(NatsOptions{}, 400, 100 * kMillisecond, 10 * kSecond, 25 * kSecond, true, 100);
  std::vector<std::uint64_t> want;
  for (std::uint64_t k = 0; k < 400; ++k) {
    if (k < 100 || k >= 260) want.push_back(k);
  }
  EXPECT_EQ(r.r.ids(), want);
  EXPECT_EQ(r.counts.lost(LossReason::kDisconnected), 160u);
}

TEST(NatsPartition, SameSeedSameTraceHash) {
  const Outcome a = replay(NatsOptions{}, 6000, 5 * kMillisecond, 5 * kSecond, 20 * kSecond);
  const Outcome b = replay(NatsOptions{}, 6000, 5 * kMillisecond, 5 * kSecond, 20 * kSecond);
  EXPECT_EQ(a.hash, b.hash);
  const Outcome c = replay(NatsOptions{}, 6000, 5 * kMillisecond, 5 * kSecond, 21 * kSecond);
  EXPECT_NE(a.hash, c.hash);
}

}  // namespace
}  // namespace choreo::brokers
