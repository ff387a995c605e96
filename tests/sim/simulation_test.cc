// The event loop (sim/simulation.h): ordering, messages vs timers across
// crashes, node groups, samplers, stop, and the trace hash.
#include "sim/simulation.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace choreo::sim {
namespace {

// Records (time, kind, arg) of every event it receives.
class Recorder : public Node {
 public:
  explicit Recorder(std::string name) : Node(std::move(name)) {}
  void on_event(const Event& e) override { log.push_back({e.time, e.node, e.kind, e.arg}); }
  void on_member_crash(NodeId member) override { crashed.push_back(member); }
  void on_member_restart(NodeId member) override { restarted.push_back(member); }

  struct Entry {
    Time t;
    NodeId node;
    std::uint16_t kind;
    std::uint64_t arg;
    bool operator==(const Entry&) const = default;
  };
  std::vector<Entry> log;
  std::vector<NodeId> crashed, restarted;
};

TEST(Simulation, EventsRunInTimeOrderAndTiesInIssueOrder) {
  Simulation sim(1);
  auto& r = sim.add<Recorder>("r");
  sim.send(r.id(), 20, 0, 1);
  sim.send(r.id(), 10, 0, 2);
  sim.send(r.id(), 20, 0, 3);
  sim.send(r.id(), 10, 0, 4);
  EXPECT_EQ(sim.run(), StopReason::kNoEvents);
  std::vector<std::uint64_t> args;
  for (const auto& e : r.log) args.push_back(e.arg);
  EXPECT_EQ(args, (std::vector<std::uint64_t>{2, 4, 1, 3}));
  EXPECT_EQ(sim.now(), 20);
  EXPECT_EQ(sim.events_processed(), 4u);
}

TEST(Simulation, RunUntilStopsAtTheHorizonInclusiveAndAdvancesTheClock) {
  Simulation sim(1);
  auto& r = sim.add<Recorder>("r");
  sim.send(r.id(), 10, 0, 1);
  sim.send(r.id(), 11, 0, 2);
  EXPECT_EQ(sim.run_until(10), StopReason::kTimeReached);
  EXPECT_EQ(r.log.size(), 1u);
  EXPECT_EQ(sim.run_until(100), StopReason::kNoEvents);
  EXPECT_EQ(r.log.size(), 2u);
  EXPECT_EQ(sim.now(), 100);
}

TEST(Simulation, CrashDropsTimersAndMessagesWhileDownButNotMessagesAfterRestart) {
  Simulation sim(1);
  auto& r = sim.add<Recorder>("r");
  sim.timer(r.id(), 10, 1, 100);  // dropped: set before the crash
  sim.send(r.id(), 15, 2, 200);   // dropped: arrives while down
  sim.send(r.id(), 30, 2, 300);   // delivered: arrives after the restart
  sim.run_until(5);
  sim.crash(r.id());
  sim.run_until(20);
  sim.restart(r.id());
  sim.timer(r.id(), 5, 1, 400);  // a timer of the new incarnation fires
  sim.run();
  EXPECT_EQ(r.log, (std::vector<Recorder::Entry>{{25, r.id(), 1, 400}, {30, r.id(), 2, 300}}));
  EXPECT_EQ(sim.messages_to_down_nodes(), 1u);
  EXPECT_EQ(r.crashed, std::vector<NodeId>{r.id()});
  EXPECT_EQ(r.restarted, std::vector<NodeId>{r.id()});
}

TEST(Simulation, GroupMembersAreAddressedCrashedAndNamedOneByOne) {
  Simulation sim(1);
  sim.add<Recorder>("solo");
  auto& g = sim.add_group<Recorder>(3, "workers");
  EXPECT_EQ(g.id(), 1u);
  EXPECT_EQ(g.size(), 3u);
  EXPECT_EQ(sim.node_count(), 4u);
  EXPECT_EQ(&sim.node(3), &g);
  EXPECT_EQ(g.member_name(3), "workers/2");
  sim.crash(2);
  EXPECT_FALSE(g.up(2));
  EXPECT_TRUE(g.up(3));
  sim.send(1, 1, 0, 0);
  sim.send(2, 1, 0, 0);
  sim.send(3, 1, 0, 0);
  sim.run();
  ASSERT_EQ(g.log.size(), 2u);
  EXPECT_EQ(g.log[0].node, 1u);
  EXPECT_EQ(g.log[1].node, 3u);
  EXPECT_EQ(g.crashed, std::vector<NodeId>{2});
}

TEST(Simulation, SamplersFireAtTheirPeriodWithoutChangingTheTraceHash) {
  auto run = [](bool sample) {
    Simulation sim(1);
    auto& r = sim.add<Recorder>("r");
    for (Time t = 0; t < 100; t += 7) sim.send(r.id(), t, 0, static_cast<std::uint64_t>(t));
    std::vector<Time> samples;
    if (sample) sim.add_sampler(0, 25, [&](Time t) { samples.push_back(t); });
    sim.run_until(100);
    if (sample) {
      EXPECT_EQ(samples, (std::vector<Time>{0, 25, 50, 75, 100}));
    }
    return sim.trace_hash();
  };
  EXPECT_EQ(run(true), run(false));
}

TEST(Simulation, ProgressObserverRunsEveryNEventsWithoutChangingTheTraceHash) {
  auto run = [](bool observe) {
    Simulation sim(1);
    auto& r = sim.add<Recorder>("r");
    for (Time t = 0; t < 100; ++t) sim.send(r.id(), t, 0, static_cast<std::uint64_t>(t));
    std::vector<std::uint64_t> seen;
    if (observe) sim.set_progress(30, [&] { seen.push_back(sim.events_processed()); });
    sim.run_until(1000);
    if (observe) {
      EXPECT_EQ(seen, (std::vector<std::uint64_t>{30, 60, 90}));
    }
    return sim.trace_hash();
  };
  EXPECT_EQ(run(true), run(false));
}

TEST(Simulation, SampleAtTimeTSeesEveryEventBeforeT) {
  Simulation sim(1);
  auto& r = sim.add<Recorder>("r");
  sim.send(r.id(), 9, 0, 0);
  sim.send(r.id(), 10, 0, 0);
  std::size_t seen_at_10 = 99;
  sim.add_sampler(10, 1000, [&](Time) { seen_at_10 = r.log.size(); });
  sim.run_until(50);
  EXPECT_EQ(seen_at_10, 1u);
}

TEST(Simulation, StopReturnsAfterTheCurrentEvent) {
  class Stopper : public Node {
   public:
    Stopper() : Node("stopper") {}
    void on_event(const Event&) override {
      ++count;
      if (count == 2) sim().stop();
    }
    int count = 0;
  };
  Simulation sim(1);
  auto& s = sim.add<Stopper>();
  for (int i = 0; i < 5; ++i) sim.send(s.id(), i, 0, 0);
  EXPECT_EQ(sim.run(), StopReason::kStopped);
  EXPECT_EQ(s.count, 2);
  EXPECT_EQ(sim.pending(), 3u);
}

TEST(Simulation, TraceHashDependsOnEveryEventAndTheirOrder) {
  auto hash = [](std::vector<std::pair<Time, std::uint64_t>> sends) {
    Simulation sim(1);
    auto& r = sim.add<Recorder>("r");
    for (auto [t, arg] : sends) sim.send(r.id(), t, 0, arg);
    sim.run();
    return sim.trace_hash();
  };
  const auto base = hash({{1, 1}, {2, 2}});
  EXPECT_EQ(base, hash({{1, 1}, {2, 2}}));
  EXPECT_NE(base, hash({{1, 2}, {2, 1}}));  // same events, other order
  EXPECT_NE(base, hash({{1, 1}, {3, 2}}));  // other time
  EXPECT_NE(base, hash({{1, 1}}));          // one fewer
}

TEST(Simulation, TraceFileHasOneJsonLinePerEventAndNote) {
  Simulation sim(1);
  auto& r = sim.add<Recorder>("r\"x");
  std::ostringstream out;
  sim.trace().set_output(&out);
  sim.send(r.id(), 5, 0, 42);
  sim.run();
  sim.note(r.id(), "lost", {{"msg", 7}});
  EXPECT_EQ(out.str(),
            "{\"t_us\":5,\"node\":\"r\\\"x\",\"kind\":\"event\",\"arg\":42}\n"
            "{\"t_us\":5,\"node\":\"r\\\"x\",\"kind\":\"lost\",\"msg\":7}\n");
}

TEST(Simulation, NotesChangeTheTraceHash) {
  Simulation a(1), b(1);
  a.add<Recorder>("r");
  b.add<Recorder>("r");
  a.note(0, "lost", {{"msg", 1}});
  b.note(0, "lost", {{"msg", 2}});
  EXPECT_NE(a.trace_hash(), b.trace_hash());
}

}  // namespace
}  // namespace choreo::sim
