// `choreo explain`, exactly: one small scripted run per strategy of the
// strategy table and per broker mechanism (loss in transit, duplication,
// SQS visibility redelivery and dead-letter queue, NATS disconnect,
// partition and crash losses, Kafka retention, offset reset and replay,
// reorder, delete-before-create, clock skew), each with its whole
// explanation text asserted. One story with one chapter, a couple of
// seconds of workload: every case runs in well under a second.
//
// Each case prints its totals line (every key of the run accounted for)
// and the details of its first key. ExplainEveryKey checks a run with more
// divergent keys than summary.json's five examples, whole.
//
// The expected texts pin message ids and times: a change to a broker's
// semantics or to the workload's draws changes them, and the new text must
// be read before it is pinned again.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <set>
#include <string>

#include "cli/explain_counters.h"
#include "cli/explain_mirrors.h"
#include "models/wattpad/strategy.h"
#include "tests/cli/command.h"

namespace choreo::testing {
namespace {

// The common scenario: comments on one chapter of one story, no deletes,
// no profile changes, no reads. Cases add a [broker] and faults, and
// --set what differs; the replica is [replica.r] with the case's strategy.
const char* kBase = R"([run]
model = comments
duration = 2s
settle = 3s
[workload]
stories = 1
chapters = 1
inline_fraction = 0
comment_rate = 10/s
delete_fraction = 0
profile_rate = 0/s
read_rate = 0/s
)";

struct Case {
  std::string strategy, mechanism, ini, args, explanation;
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.strategy << ", " << c.mechanism; }

// "2p_set_Kafka_retention": a test name and a file name.
std::string slug(const Case& c) {
  std::string name = c.strategy + "_" + c.mechanism;
  for (char& ch : name) ch = std::isalnum(static_cast<unsigned char>(ch)) != 0 ? ch : '_';
  return name;
}

const Case kCases[] = {
    {"naive", "duplicated in transit",
     R"([broker]
kind = nats
duplicate = 20%
)",
     "",
     R"(r (naive): 2 divergent keys, abs_error 10: every key's whole difference explained (10 of 10)
r (naive) story 0: owner 17, replica 22 (+5)
    +5  5 x CommentCreated applied twice: duplicated in transit (broker.duplicate)
        msg 13 (comment 4) applied at 1.297s; msg 3 (comment 5) applied at 0.370s; msg 8 (comment 7) applied at 0.862s; ...
  accounted for: +5 of +5
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    {"naive", "Kafka replay after a crash",
     R"([broker]
kind = kafka
[kafka]
auto_commit_interval = 1s
[fault.crash]
kind = crash
service = r
at = 1800ms
restart_after = 500ms
)",
     "",
     R"(r (naive): 2 divergent keys, abs_error 10: every key's whole difference explained (10 of 10)
r (naive) story 0: owner 17, replica 22 (+5)
    +5  5 x CommentCreated applied twice: replayed by Kafka from the last committed offset after r@comments crashed at 1.800s (processed, not yet committed: kafka.auto_commit_interval)
        msg 13 (comment 4) applied at 2.300s; msg 14 (comment 8) applied at 2.300s; msg 12 (comment 10) applied at 2.300s; ...
  accounted for: +5 of +5
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    // Issue 11: oldest-first SQS receives and 10 handlers a worker changed
    // which messages come back (the mechanism and count are the same).
    {"naive", "SQS duplicate after delete",
     R"([broker]
kind = sqs
[sqs]
duplicate_after_delete = 30%
)",
     "--set run.settle=40s",
     R"(r (naive): 2 divergent keys, abs_error 10: every key's whole difference explained (10 of 10)
r (naive) story 0: owner 17, replica 22 (+5)
    +5  5 x CommentCreated applied twice: returned by SQS after its delete (sqs.duplicate_after_delete)
        msg 13 (comment 4) applied at 31.297s; msg 3 (comment 5) applied at 30.370s; msg 8 (comment 7) applied at 30.862s; ...
  accounted for: +5 of +5
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    {"naive", "Kafka producer retry",
     R"([broker]
kind = kafka
[kafka]
idempotence = false
producer_error = 30%
)",
     "",
     R"(r (naive): 2 divergent keys, abs_error 4: every key's whole difference explained (4 of 4)
r (naive) story 0: owner 17, replica 19 (+2)
    +2  2 x CommentCreated applied twice: written twice by a Kafka producer retry (kafka.producer_error, no idempotence)
        msg 2 (comment 1) applied at 0.408s; msg 7 (comment 13) applied at 0.888s
  accounted for: +2 of +2
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    // Issue 11: with oldest-first SQS receives only the delay reorders: 4
    // deletes overtake their creates, not 7.
    {"dedup-id", "delete before create",
     R"([broker]
kind = sqs
delay = uniform:0ms..400ms
)",
     "--set workload.delete_fraction=50% --set workload.delete_after=uniform:0ms..50ms",
     R"(r (dedup-id): 2 divergent keys, abs_error 8: every key's whole difference explained (8 of 8)
r (dedup-id) story 0: owner 9, replica 13 (+4)
    +4  4 x CommentDeleted applied before its CommentCreated: the delete removed nothing and the create then added the comment back (the broker does not keep order; broker.delay)
        comment 7: delete msg 6 applied at 0.452s, create msg 5 at 0.657s; comment 9: delete msg 19 applied at 0.950s, create msg 18 at 1.178s; comment 14: delete msg 31 applied at 1.651s, create msg 30 at 1.706s; ...
  accounted for: +4 of +4
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    // No transit delay: the short poll alone takes the delete first.
    {"dedup-id", "SQS short poll overtakes",
     R"([broker]
kind = sqs
processing = exp:30ms
[sqs]
wait_time = 0s
concurrency = 1
)",
     "--set workload.delete_fraction=50% --set workload.delete_after=0ms --set workload.comment_rate=20/s",
     R"(r (dedup-id): 2 divergent keys, abs_error 16: every key's whole difference explained (16 of 16)
r (dedup-id) story 0: owner 15, replica 23 (+8)
    +8  8 x CommentDeleted applied before its CommentCreated: the delete removed nothing and the create then added the comment back: a short poll took the newer one first, from the SQS servers it sampled, past older messages on servers it did not (sqs.wait_time = 0s: sqs.sampled_servers of sqs.servers)
        comment 3: delete msg 15 applied at 0.680s, create msg 14 at 0.807s; comment 9: delete msg 10 applied at 0.454s, create msg 9 at 0.477s; comment 12: delete msg 26 applied at 0.994s, create msg 25 at 1.532s; ...
  accounted for: +8 of +8
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    // No transit delay, long polls: the create is received first, and one
    // of the concurrent handlers finishes the delete before it.
    {"dedup-id", "concurrent handlers overtake",
     R"([broker]
kind = sqs
processing = exp:30ms
)",
     "--set workload.delete_fraction=50% --set workload.delete_after=0ms --set workload.comment_rate=20/s",
     R"(r (dedup-id): 2 divergent keys, abs_error 20: every key's whole difference explained (20 of 20)
r (dedup-id) story 0: owner 15, replica 25 (+10)
   +10  10 x CommentDeleted applied before its CommentCreated: the delete removed nothing and the create then added the comment back: the older copy was delivered first but its handler finished later: the service's workers and each SQS worker's handlers run concurrently (replica workers, sqs.concurrency)
        comment 8: delete msg 19 applied at 0.643s, create msg 18 at 0.687s; comment 9: delete msg 10 applied at 0.403s, create msg 9 at 0.436s; comment 10: delete msg 13 applied at 0.603s, create msg 12 at 0.604s; ...
  accounted for: +10 of +10
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    {"2p-set", "loss in transit",
     R"([broker]
kind = nats
loss = 20%
)",
     "",
     R"(r (2p-set): 2 divergent keys, abs_error 10: every key's whole difference explained (10 of 10)
r (2p-set) story 0: owner 17, replica 12 (-5)
    -5  5 x CommentCreated never applied: lost in transit (broker.loss)
        msg 13 (comment 4) published at 1.297s; msg 3 (comment 5) published at 0.370s; msg 8 (comment 7) published at 0.862s; ...
  accounted for: -5 of -5
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    {"2p-set", "NATS worker crash",
     R"([broker]
kind = nats
processing = 300ms
[fault.crash]
kind = crash
service = r
at = 1s
restart_after = 500ms
)",
     "",
     R"(r (2p-set): 2 divergent keys, abs_error 26: every key's whole difference explained (26 of 26)
r (2p-set) story 0: owner 17, replica 4 (-13)
    -9  9 x CommentCreated never applied: dropped by NATS: pending in a worker that crashed
        msg 11 (comment 0) published at 0.906s; msg 6 (comment 3) published at 0.658s; msg 3 (comment 5) published at 0.370s; ...
    -4  4 x CommentCreated never applied: dropped by NATS: the subscriber's worker was down (a crash)
        msg 13 (comment 4) published at 1.297s; msg 14 (comment 8) published at 1.370s; msg 12 (comment 10) published at 1.112s; ...
  accounted for: -13 of -13
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    {"2p-set", "Kafka retention",
     R"([broker]
kind = kafka
[kafka]
retention = 500ms
retention_check_interval = 100ms
auto_offset_reset = earliest
[fault.cut]
kind = partition
service = r
from = 500ms
to = 3s
)",
     "",
     R"(r (2p-set): 2 divergent keys, abs_error 26: every key's whole difference explained (26 of 26)
r (2p-set) story 0: owner 17, replica 4 (-13)
   -13  13 x CommentCreated never applied: never read: Kafka skipped records of this service (deleted by retention before they were consumed (kafka.retention): 13 at 3.000s)
        msg 11 (comment 0) published at 0.906s; msg 6 (comment 3) published at 0.658s; msg 13 (comment 4) published at 1.297s; ...
  accounted for: -13 of -13
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    {"2p-set", "Kafka offset reset",
     R"([broker]
kind = kafka
[kafka]
retention = 1500ms
retention_check_interval = 100ms
segment_ms = 100ms
auto_offset_reset = latest
[fault.cut]
kind = partition
service = r
from = 500ms
to = 3s
)",
     "",
     R"(r (2p-set): 2 divergent keys, abs_error 26: every key's whole difference explained (26 of 26)
r (2p-set) story 0: owner 17, replica 4 (-13)
   -13  13 x CommentCreated never applied: never read: Kafka skipped records of this service (deleted by retention before they were consumed (kafka.retention): 10 at 3.000s; skipped by auto.offset.reset = latest: 3 at 3.000s)
        msg 11 (comment 0) published at 0.906s; msg 6 (comment 3) published at 0.658s; msg 13 (comment 4) published at 1.297s; ...
  accounted for: -13 of -13
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    {"or-set", "scripted drop",
     R"([broker]
kind = nats
[fault.d]
kind = drop
topic = comments
nth = 3
)",
     "",
     R"(r (or-set): 2 divergent keys, abs_error 2: every key's whole difference explained (2 of 2)
r (or-set) story 0: owner 17, replica 16 (-1)
    -1  1 x CommentCreated never applied: dropped by a scripted [fault] drop
        msg 3 (comment 5) published at 0.370s
  accounted for: -1 of -1
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    // Issue 11: 10 handlers a worker and oldest-first receives: 2 messages
    // fail twice and are dead-lettered, not 3.
    {"or-set", "SQS dead-letter queue",
     R"([broker]
kind = sqs
handler_error = 50%
[sqs]
max_receive_count = 2
visibility_timeout = 1s
duplicate_after_delete = 0
)",
     "",
     R"(r (or-set): 2 divergent keys, abs_error 4: every key's whole difference explained (4 of 4)
r (or-set) story 0: owner 17, replica 15 (-2)
    -2  2 x CommentCreated never applied: moved to the dead-letter queue after 2 receives (sqs.max_receive_count): its handler failed 2 times (broker.handler_error)
        msg 3 (comment 5) published at 0.370s; msg 17 (comment 14) published at 1.823s
  accounted for: -2 of -2
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    // Issue 11: sqsconsumer's 10 concurrent handlers hold 10 messages at
    // once, so many more outlive the visibility timeout (96, not 12).
    {"shard-delta-sum", "SQS visibility timeout",
     R"([broker]
kind = sqs
processing = 1200ms
[sqs]
batch_size = 1
visibility_timeout = 1s
duplicate_after_delete = 0
)",
     "--set workload.comment_rate=3/s --set run.settle=20s",
     R"(r (shard-delta-sum): 2 divergent keys, abs_error 192: every key's whole difference explained (192 of 192)
r (shard-delta-sum) story 0: owner 5, replica 101 (+96)
   +96  96 x CommentCreated applied twice: redelivered by SQS: its processing outlived the visibility timeout (sqs.visibility_timeout), so its delete came too late
        msg 2 (comment 1) applied at 3.211s; msg 2 (comment 1) applied at 4.211s; msg 2 (comment 1) applied at 5.211s; ...
  accounted for: +96 of +96
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    {"g-counter", "NATS disconnect",
     R"([broker]
kind = nats
[fault.cut]
kind = disconnect
service = r
from = 1500ms
to = 3s
)",
     "--set workload.delete_fraction=30% --set workload.delete_after=uniform:0ms..100ms --set "
     "workload.shards=2",
     R"(r (g-counter): 2 divergent keys, abs_error 8: every key's whole difference explained (8 of 8)
r (g-counter) story 0: owner 15, replica 19 (+4)
    +9  9 x CommentDeleted not counted: g-counter is grow-only (it counts every comment ever created)
        msg 4 (comment 0) published at 0.368s; msg 7 (comment 5) published at 0.453s; msg 8 (comment 2) published at 0.502s; ...
    -5  5 x CommentCreated never applied: dropped by NATS: the subscriber's connection was broken ([fault] disconnect)
        msg 27 (comment 21) published at 1.692s; msg 28 (comment 18) published at 1.733s; msg 29 (comment 23) published at 1.740s; ...
  accounted for: +4 of +4
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    {"pn-counter", "NATS partition",
     R"([broker]
kind = nats
[nats]
write_deadline = 200ms
socket_buffer = 0B
[fault.cut]
kind = partition
service = r
from = 1s
to = 3s
)",
     "--set workload.delete_fraction=30% --set workload.delete_after=uniform:0ms..100ms --set run.settle=20s",
     R"(r (pn-counter): 2 divergent keys, abs_error 14: every key's whole difference explained (14 of 14)
r (pn-counter) story 0: owner 15, replica 8 (-7)
    -6  6 x CommentCreated never applied: dropped by NATS: the subscriber was partitioned away ([fault] partition)
        msg 25 (comment 18) published at 1.344s; msg 27 (comment 23) published at 1.692s; msg 28 (comment 16) published at 1.733s; ...
    -5  5 x CommentCreated never applied: dropped by NATS: held for the partitioned subscriber when the server closed its connection as a slow consumer (nats.write_deadline, nats.max_pending)
        msg 19 (comment 14) published at 1.105s; msg 20 (comment 12) published at 1.125s; msg 21 (comment 13) published at 1.170s; ...
    +3  3 x CommentDeleted never applied: dropped by NATS: the subscriber was partitioned away ([fault] partition)
        msg 26 (comment 19) published at 1.377s; msg 30 (comment 16) published at 1.752s; msg 33 (comment 27) published at 1.891s
    +1  1 x CommentDeleted never applied: dropped by NATS: held for the partitioned subscriber when the server closed its connection as a slow consumer (nats.write_deadline, nats.max_pending)
        msg 23 (comment 17) published at 1.251s
  accounted for: -7 of -7
  ... 1 more key (--keys all, or --key KEY for one)
)"},
    // Issue 11: oldest-first SQS receives apply v7 and v8 sooner.
    {"overwrite", "reorder",
     R"([broker]
kind = sqs
delay = uniform:0ms..500ms
[sqs]
duplicate_after_delete = 0
)",
     "--set workload.comment_rate=0/s --set workload.users=2 --set workload.profile_rate=10/s --seed 4",
     R"(r (overwrite): 1 divergent keys, abs_error 1: every key's whole difference explained (1 of 1)
r (overwrite) user 1: owner 8, replica 7 (-1)
    -1  1 x UserUpdated v7 applied after v8 and overwrote it: it arrived late (broker.delay: the broker does not keep order)
        msg 13 (v7) published at 1.970s, applied at 2.285s; msg 14 (v8) applied at 2.112s
  accounted for: -1 of -1
)"},
    // A short poll (sqs.wait_time = 0s) samples 2 of the queue's 4 servers:
    // with a backlog, v93 is taken past v91, which sat on a server the
    // sample missed. The same run long-polled converges.
    {"overwrite", "SQS short poll",
     R"([broker]
kind = sqs
processing = 15ms
[sqs]
wait_time = 0s
concurrency = 1
duplicate_after_delete = 0
)",
     "--set workload.comment_rate=0/s --set workload.users=2 --set workload.profile_rate=100/s",
     R"(r (overwrite): 1 divergent keys, abs_error 2: every key's whole difference explained (2 of 2)
r (overwrite) user 0: owner 93, replica 91 (-2)
    -2  1 x UserUpdated v91 applied after v93 and overwrote it: a short poll took the newer one first, from the SQS servers it sampled, past older messages on servers it did not (sqs.wait_time = 0s: sqs.sampled_servers of sqs.servers)
        msg 176 (v91) published at 1.918s, applied at 2.699s; msg 182 (v93) applied at 2.669s
  accounted for: -2 of -2
)"},
    {"lww-version", "loss in transit",
     R"([broker]
kind = nats
loss = 50%
)",
     "--set workload.comment_rate=0/s --set workload.users=1 --set workload.profile_rate=4/s --seed 3",
     R"(r (lww-version): 1 divergent keys, abs_error 2: every key's whole difference explained (2 of 2)
r (lww-version) user 0: owner 6, replica 4 (-2)
    -2  2 x UserUpdated never applied: lost in transit (broker.loss)
        msg 5 (v5) published at 1.428s; msg 6 (v6) published at 1.567s
  accounted for: -2 of -2
)"},
    {"lww-clock", "clock skew",
     R"([broker]
kind = nats
)",
     "--set workload.comment_rate=0/s --set workload.users=2 --set workload.profile_rate=10/s --set "
     "workload.clock_skew=2s --set workload.user_instances=2 --seed 3",
     R"(r (lww-clock): 1 divergent keys, abs_error 1: every key's whole difference explained (1 of 1)
r (lww-clock) user 1: owner 4, replica 3 (-1)
    -1  1 x UserUpdated v4 lost to v3: its host's clock read 1.597s behind v3's, though it was published 0.403s later (lww-clock trusts host clocks; workload.clock_skew)
        msg 9 (v4) published at 0.974s, applied at 0.974s; msg 5 (v3) published at 0.571s
  accounted for: -1 of -1
)"},
    {"mv-register", "NATS handler error",
     R"([broker]
kind = nats
handler_error = 50%
)",
     "--set workload.comment_rate=0/s --set workload.users=1 --set workload.profile_rate=4/s --seed 3",
     R"(r (mv-register): 1 divergent keys, abs_error 2: every key's whole difference explained (2 of 2)
r (mv-register) user 0: owner 6, replica 4 (-2)
    -2  2 x UserUpdated never applied: its handler failed and the broker did not deliver it again (broker.handler_error)
        msg 5 (v5) published at 1.428s; msg 6 (v6) published at 1.567s
  accounted for: -2 of -2
)"},
};

class ExplainExactly : public ::testing::TestWithParam<Case> {};

TEST_P(ExplainExactly, SaysWhichMessagesAndWhichMechanism) {
  const Case& c = GetParam();
  const wattpad::Strategy* s = wattpad::find_strategy(c.strategy);
  ASSERT_NE(s, nullptr) << c.strategy;
  const std::string path = ::testing::TempDir() + "explain_" + slug(c) + ".ini";
  std::ofstream(path) << kBase << c.ini << "[replica.r]\nkind = " << wattpad::kind_name(s->kind())
                      << "\nstrategy = " << c.strategy << "\n";
  const auto r = choreo("explain " + path + " --keys 1 --causes 0 --replica r " + c.args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::size_t eol = r.out.find('\n');
  ASSERT_NE(eol, std::string::npos) << r.out;
  EXPECT_EQ(r.out.rfind("explain: " + path + " seed ", 0), 0u) << r.out;
  EXPECT_EQ(r.out.substr(eol + 1), c.explanation);
}

INSTANTIATE_TEST_SUITE_P(Cases, ExplainExactly, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return slug(info.param); });

TEST(ExplainExactly, EveryStrategyOfTheTableIsReplayedAndHasACase) {
  std::set<std::string> with_case;
  for (const Case& c : kCases) with_case.insert(c.strategy);
  for (const wattpad::Strategy& s : wattpad::strategies()) {
    const bool mirror = s.kind() == wattpad::ReplicaKind::kMirror;
    EXPECT_TRUE(mirror ? cli::replays_mirror(s.name) : cli::replays_counter(s.name)) << s.name;
    EXPECT_EQ(with_case.count(std::string(s.name)), 1u) << s.name << " has no exact explanation case";
  }
}

// Three stories of three chapters, duplication and loss in transit: 8
// divergent keys, more than summary.json's 5 examples; every one is in the
// accounting, and the causes are summed over all of them.
const char* kManyKeys = R"([run]
model = comments
duration = 2s
settle = 3s
[workload]
stories = 3
chapters = 3
inline_fraction = 0
comment_rate = 20/s
delete_fraction = 0
profile_rate = 0/s
read_rate = 0/s
[broker]
kind = nats
duplicate = 20%
loss = 10%
[replica.r]
kind = counter
strategy = naive
)";

std::string explain_body(const std::string& ini, const std::string& name, const std::string& args) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << ini;
  const auto r = choreo("explain " + path + " " + args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("explain: " + path + " seed 1 (trace hash ", 0), 0u) << r.out;
  return r.out.substr(r.out.find('\n') + 1);
}

TEST(ExplainEveryKey, TheTotalsCoverEveryKeyAndTheDetailsTheLargestFirst) {
  EXPECT_EQ(explain_body(kManyKeys, "explain_many.ini", "--keys 2"),
            R"(r (naive): 8 divergent keys, abs_error 12: every key's whole difference explained (12 of 12)
  by cause, over every key:
     +15  15 x CommentCreated applied twice: duplicated in transit (broker.duplicate) (on 7 keys)
      -5  5 x CommentCreated never applied: lost in transit (broker.loss) (on 4 keys)
r (naive) story 0: owner 25, replica 29 (+4)
    +6  6 x CommentCreated applied twice: duplicated in transit (broker.duplicate)
        msg 4 (comment 9) applied at 0.202s; msg 7 (comment 13) applied at 0.392s; msg 16 (comment 15) applied at 0.888s; ...
    -2  2 x CommentCreated never applied: lost in transit (broker.loss)
        msg 34 (comment 24) published at 1.749s; msg 19 (comment 25) published at 1.061s
  accounted for: +4 of +4
r (naive) story 0 chapter 2: owner 7, replica 9 (+2)
    +2  2 x CommentCreated applied twice: duplicated in transit (broker.duplicate)
        msg 4 (comment 9) applied at 0.202s; msg 38 (comment 34) applied at 1.851s
  accounted for: +2 of +2
  ... 6 more keys (--keys all, or --key KEY for one)
)");
}

TEST(ExplainEveryKey, OneKeyByNameAndAKeyThatDoesNotDiffer) {
  const std::string body =
      explain_body(kManyKeys, "explain_many_key.ini", "--causes 0 --key 'story 1 chapter 1'");
  EXPECT_EQ(body,
            R"(r (naive): 8 divergent keys, abs_error 12: every key's whole difference explained (12 of 12)
r (naive) story 1 chapter 1: owner 6, replica 7 (+1)
    +1  1 x CommentCreated applied twice: duplicated in transit (broker.duplicate)
        msg 2 (comment 1) applied at 0.152s
  accounted for: +1 of +1
)");
  EXPECT_EQ(explain_body(kManyKeys, "explain_many_equal.ini", "--causes 0 --key 'story 2 chapter 1'"),
            R"(r (naive): 8 divergent keys, abs_error 12: every key's whole difference explained (12 of 12)
  story 2 chapter 1: not a divergent key of r
)");
}

TEST(ExplainEveryKey, StateTheTraceDoesNotShowIsNamedKeyByKeyInTheTotals) {
  // The same run with a store = memory replica whose worker crashes: the
  // counts it held are lost, which no trace line shows.
  const std::string ini =
      std::string(kManyKeys) +
      "store = memory\n[fault.crash]\nkind = crash\nservice = r\nat = 1s\nrestart_after = "
      "200ms\n";
  EXPECT_EQ(
      explain_body(ini, "explain_many_memory.ini", "--keys 0 --causes 1"),
      R"(r (naive): 11 divergent keys, abs_error 48: explained 7 of 48; not explained in full: 10 keys (story 1: -5 of -5 unexplained, story 1 chapter 1: -4 of -3 unexplained, story 0: -13 of -15 unexplained, story 0 chapter 0: -6 of -5 unexplained, story 0 chapter 2: -3 of -4 unexplained, ...)
  by cause, over every key:
     +16  16 x CommentCreated applied twice: duplicated in transit (broker.duplicate) (on 8 keys)
    ... 2 more causes (--causes all)
  ... 11 more keys (--keys all, or --key KEY for one)
)");
}

}  // namespace
}  // namespace choreo::testing
