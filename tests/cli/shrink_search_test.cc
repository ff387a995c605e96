// The search behind `choreo shrink`, with a scripted oracle over a small
// schema: which steps it takes and keeps, in which order, when it stops,
// and that it never grows the run.
#include "cli/shrink_search.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace choreo::cli {
namespace {

sim::ConfigSchema schema() {
  sim::ConfigSchema s;
  s.add({.key = "run.duration", .type = sim::ValueType::kDuration, .default_value = "10s"});
  s.add({.key = "run.seed", .type = sim::ValueType::kInteger, .default_value = "1"});
  s.add({.key = "run.settle", .type = sim::ValueType::kDuration, .default_value = "5s"});
  s.add({.key = "workload.users", .type = sim::ValueType::kInteger, .default_value = "1000"});
  s.add({.key = "workload.rate", .type = sim::ValueType::kRate, .default_value = "100/s"});
  s.add({.key = "broker.loss", .type = sim::ValueType::kProbability, .default_value = "0"});
  s.add({.key = "broker.window", .type = sim::ValueType::kDuration, .default_value = "1s"});
  s.add({.key = "fault.*.at", .type = sim::ValueType::kDuration, .default_value = "0s"});
  s.add_open_section("expect");
  return s;
}

ShrinkDraft draft(const std::string& text) {
  auto raw = sim::read_config_text(text, "t.ini");
  EXPECT_TRUE(raw) << raw.error().message;
  return ShrinkDraft::from(*raw, {}, schema());
}

// The planted failure: it fails while users >= 10, loss >= 1 % and
// [fault.cut] exists; events = users + rate·duration/1s.
struct Planted {
  const sim::ConfigSchema s = schema();
  int runs = 0;
  ShrinkOracle oracle() {
    return {
        .resolve = [this](const ShrinkDraft& d) -> sim::Result<sim::Config> {
          auto raw = sim::read_config_text(d.render({}), "t.ini");
          if (!raw) return raw.error();
          return sim::resolve_config(*raw, {}, s);
        },
        .run =
            [this](const ShrinkDraft& d) {
              ++runs;
              auto raw = sim::read_config_text(d.render({}), "t.ini");
              auto c = sim::resolve_config(*raw, {}, s);
              const auto users = static_cast<std::uint64_t>(c->integer("workload.users"));
              const auto events =
                  users + static_cast<std::uint64_t>(c->rate("workload.rate") *
                                                     sim::to_seconds(c->duration("run.duration")));
              const auto faults = c->instances("fault");
              const bool fails = users >= 10 && c->probability("broker.loss") >= 0.01 &&
                                 std::find(faults.begin(), faults.end(), "cut") != faults.end();
              return ShrinkProbe{fails, true, events};
            },
    };
  }
};

const char* const kStart =
    "[run]\nduration = 10s\n[workload]\nrate = 100/s\n[broker]\nloss = 5%\n"
    "[fault.cut]\nat = 2s\n[fault.other]\nat = 3s\n[expect]\nconverged = true\n";

TEST(ShrinkSearch, KeepsWhatTheFailureNeedsAndShrinksTheRest) {
  Planted p;
  std::vector<std::string> lines;
  const auto r = shrink(draft(kStart), 2000, p.s, p.oracle(), ShrinkLimits{},
                        [&](const std::string& l) { lines.push_back(l); });
  // duration: quarters while rate·duration adds events: 2.5 s (1250 events),
  // 625 ms, 156.25 ms, 39.062 ms, 9.765 ms (0.97 events: rounds to 0); a
  // further quarter processes no fewer events, so it is not taken.
  EXPECT_EQ(r.draft.value("run.duration"), "9765us");
  EXPECT_EQ(r.draft.value("fault.other.at"), "");     // removed
  EXPECT_EQ(r.draft.value("fault.cut.at"), "2s");     // needed; its duration changes no event
  EXPECT_EQ(r.draft.value("workload.users"), "15");   // 1000/4/4/4 = 15; 15/4 and 15/2 stop failing
  EXPECT_EQ(r.draft.value("broker.loss"), "0.0125");  // 5 % / 4; another quarter passes
  EXPECT_EQ(r.draft.value("workload.rate"), "0/s");   // a weakening at equal or fewer events
  EXPECT_EQ(r.draft.value("expect.converged"), "true");
  EXPECT_EQ(r.events, 15u);
  EXPECT_EQ(r.steps.size(), lines.size());
  EXPECT_FALSE(r.budget_spent);
  EXPECT_EQ(lines.front(), "run 1: run.duration 10s -> 2500ms: fails the same way in 1250 events");
}

TEST(ShrinkSearch, SameInputSameOutput) {
  Planted a, b;
  const auto ra = shrink(draft(kStart), 2000, a.s, a.oracle(), ShrinkLimits{}, [](const std::string&) {});
  const auto rb = shrink(draft(kStart), 2000, b.s, b.oracle(), ShrinkLimits{}, [](const std::string&) {});
  EXPECT_EQ(ra.draft.render({}), rb.draft.render({}));
  EXPECT_EQ(ra.steps, rb.steps);
  EXPECT_EQ(a.runs, b.runs);
}

TEST(ShrinkSearch, StopsAtTheRunBudget) {
  Planted p;
  const auto r =
      shrink(draft(kStart), 2000, p.s, p.oracle(), ShrinkLimits{.max_runs = 3}, [](const std::string&) {});
  EXPECT_TRUE(r.budget_spent);
  EXPECT_EQ(r.runs, 3u);
  EXPECT_EQ(p.runs, 3);
  EXPECT_EQ(r.draft.value("run.duration"), "156250us");  // 10 s quartered three times
}

TEST(ShrinkSearch, KeptKeysAreNeverChanged) {
  Planted p;
  const auto r = shrink(draft(kStart), 2000, p.s, p.oracle(),
                        ShrinkLimits{.keep = {"run.duration", "broker.loss"}}, [](const std::string&) {});
  EXPECT_EQ(r.draft.value("run.duration"), "10s");
  EXPECT_EQ(r.draft.value("broker.loss"), "5%");
}

TEST(ShrinkSearch, NeverTakesAStepThatGrowsTheRun) {
  // A probe that fails everywhere but makes every change cost more events:
  // nothing but weakenings within 10 % may be taken.
  Planted p;
  ShrinkOracle oracle = p.oracle();
  oracle.run = [](const ShrinkDraft&) { return ShrinkProbe{true, true, 5000}; };
  const auto r = shrink(draft(kStart), 2000, p.s, oracle, ShrinkLimits{}, [](const std::string&) {});
  EXPECT_TRUE(r.steps.empty());
  EXPECT_EQ(r.draft, draft(kStart));
}

TEST(ShrinkDraft, RendersSectionsInOrderWithOverridesFolded) {
  auto raw =
      sim::read_config_text("[run]\nduration = 10s\n[fault.cut]\nat = 2s\n[expect]\na.b = 1\n", "t.ini");
  auto d = ShrinkDraft::from(*raw, {"run.seed=7", "fault.cut.at=3s", "expect.c.d=>0"}, schema());
  EXPECT_EQ(
      d.render({"hello"}),
      "# hello\n\n[run]\nduration = 10s\nseed = 7\n\n[fault.cut]\nat = 3s\n\n[expect]\na.b = 1\nc.d = >0\n");
  d.keep_only("expect", {"expect.c.d"});
  d.remove_section("fault.cut");
  EXPECT_EQ(d.render({}), "\n[run]\nduration = 10s\nseed = 7\n\n[expect]\nc.d = >0\n");
}

}  // namespace
}  // namespace choreo::cli
