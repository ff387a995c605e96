// `choreo explain`: on a scripted run the explanation is exact; on the
// library's divergent scenarios every divergent key of every replica is
// accounted for in full (the causes sum to replica - owner; the totals
// line says so over all keys) by the mechanism the scenario is about; a recorded run (an out dir, a trace
// file, a filtered trace) explains as its scenario does, without running; bad input exits 2 with one line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/command.h"
#include "tests/cli/traced_run.h"

namespace choreo::testing {
namespace {

TEST(Explain, AScriptedDropIsTheWholeDifferenceOnEveryKey) {
  // NATS, no faults but the 5th comment event dropped: the 2P-Set counter
  // ends one short on both keys, for that reason.
  const std::string path = ::testing::TempDir() + "explain_drop_five.ini";
  std::ofstream(path) << drop_five("2p-set");
  const auto r = choreo("explain " + path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line.rfind("explain: " + path + " seed 1 (trace hash ", 0), 0u) << line;
  std::getline(lines, line);
  EXPECT_EQ(
      line,
      "counts (2p-set): 2 divergent keys, abs_error 2: every key's whole difference explained (2 of 2)");
  std::getline(lines, line);
  EXPECT_EQ(line, "  by cause, over every key:");
  std::getline(lines, line);
  EXPECT_EQ(line,
            "      -2  2 x CommentCreated never applied: dropped by a scripted [fault] drop (on 2 keys)");
  for (const std::string key : {"story 0", "story 0 chapter 0"}) {
    std::getline(lines, line);
    EXPECT_EQ(line.rfind("counts (2p-set) " + key + ": owner ", 0), 0u) << line;
    EXPECT_EQ(line.substr(line.size() - 5), " (-1)") << line;
    std::getline(lines, line);
    EXPECT_EQ(line, "    -1  1 x CommentCreated never applied: dropped by a scripted [fault] drop");
    std::getline(lines, line);
    EXPECT_EQ(line.rfind("        msg 5 (comment ", 0), 0u) << line;  // the 5th publish is broker message 5
    std::getline(lines, line);
    EXPECT_EQ(line, "  accounted for: -1 of -1");
  }
  EXPECT_FALSE(std::getline(lines, line)) << line;
}

struct Case {
  std::string scenario;
  // Every replica that diverges, each with a cause its explanation names.
  std::vector<std::pair<std::string, std::string>> mechanisms;
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.scenario; }

class ExplainScenario : public ::testing::TestWithParam<Case> {};

// A totals line, "NAME (STRATEGY): N divergent keys, abs_error A: ...": its NAME, else "".
std::string totals_of(const std::string& line) {
  const std::size_t open = line.find(" ("), close = line.find("): ");
  if (open == std::string::npos || close == std::string::npos || close < open ||
      line.find(" divergent keys, abs_error ", close) == std::string::npos) {
    return "";
  }
  return line.substr(0, open);
}

TEST_P(ExplainScenario, AccountsForEveryKeysWholeDifferenceByTheScenariosMechanism) {
  const Case& c = GetParam();
  const auto r = choreo("explain scenarios/" + c.scenario + ".ini --keys 2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> diverged;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    const std::string name = totals_of(line);
    if (name.empty()) continue;
    diverged.push_back(name);
    // Every divergent key of the replica, not only the ones detailed below.
    const std::string error =
        line.substr(line.find("abs_error ") + 10, line.find(": every") - line.find("abs_error ") - 10);
    EXPECT_EQ(line.substr(line.find(": ", line.find("abs_error"))),
              ": every key's whole difference explained (" + error + " of " + error + ")")
        << line;
  }
  std::vector<std::string> expected;
  for (const auto& [replica, mechanism] : c.mechanisms) {
    expected.push_back(replica);
    EXPECT_NE(r.out.find(replica + " ("), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(mechanism), std::string::npos) << replica << "\n" << r.out;
  }
  EXPECT_EQ(diverged, expected) << r.out;
  // The details: each detailed key's own account is whole too.
  std::istringstream again(r.out);
  std::size_t detailed = 0;
  while (std::getline(again, line)) {
    if (line.rfind("  accounted for: ", 0) != 0) continue;
    ++detailed;
    const std::string rest = line.substr(17);
    EXPECT_EQ(rest.substr(0, rest.find(" of ")), rest.substr(rest.find(" of ") + 4)) << line;
  }
  EXPECT_EQ(detailed, 2 * c.mechanisms.size()) << r.out;
}

INSTANTIATE_TEST_SUITE_P(
    Library, ExplainScenario,
    ::testing::Values(
        Case{"default",
             {{"counts-naive", "x CommentCreated applied twice: duplicated in transit (broker.duplicate)"},
              {"mirror-overwrite", "x UserUpdated v1 applied after v2 and overwrote it: it arrived late"}}},
        Case{"out-of-order-sqs",
             {{"mirror-overwrite",
               "x UserUpdated vN applied after vN and overwrote it: it arrived late (broker.delay"}}},
        Case{"at-most-once-nats",
             {{"counts-2p",
               "x CommentCreated never applied: dropped by NATS: the subscriber's connection was broken "
               "([fault] disconnect)"},
              {"mirror-lww", "x UserUpdated never applied: lost in transit (broker.loss)"}}},
        Case{"kafka-replay",
             {{"counts-naive",
               "x CommentCreated applied twice: replayed by Kafka from the last committed offset after "
               "counts-naive@comments/0 crashed"}}},
        Case{"delete-before-create",
             {{"counts-dedup",
               "x CommentDeleted applied before its CommentCreated: the delete removed nothing"}}}),
    [](const ::testing::TestParamInfo<Case>& info) {
      std::string name = info.param.scenario;
      for (char& ch : name) ch = ch == '-' ? '_' : ch;
      return name;
    });

TEST(Explain, BadInputExitsTwoWithOneLine) {
  for (const auto& [args, message] : std::vector<std::pair<std::string, std::string>>{
           {"scenarios/default.ini --replica counts",
            "--replica: 'counts': no such replica in scenarios/default.ini"},
           {"scenarios/default.ini --keys many", "--keys: 'many': expected a count (0, 1, 2, ...) or all"},
           {"scenarios/default.ini --causes -1", "--causes: '-1': expected a count (0, 1, 2, ...) or all"},
           {"scenarios/default.ini --key 'chapter 2'",
            "--key: 'chapter 2': expected a key as the summary names it: user N, story N, story N chapter N, "
            "story N chapter N paragraph N"},
           {"",
            "choreo explain: missing SCENARIO.ini or OUTDIR (try: choreo explain scenarios/default.ini)"}}) {
    const auto r = choreo("explain " + args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.err, message + "\n");
  }
}

// Everything after the header line.
std::string body(const std::string& out) { return out.substr(out.find('\n') + 1); }

TEST(Explain, ARecordedRunIsExplainedAsTheScenarioIsWithoutRunningIt) {
  const std::string dir = ::testing::TempDir() + "explain_recorded/";
  const auto run = traced_run(dir, drop_five("2p-set", "duplicate = 20%\n"));
  ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
  const auto live = choreo("explain " + run.ini);
  ASSERT_EQ(live.exit_code, 0) << live.err;
  ASSERT_NE(live.out.find("accounted for: -1 of -1"), std::string::npos) << live.out;

  const auto recorded = choreo("explain " + run.out);
  ASSERT_EQ(recorded.exit_code, 0) << recorded.err;
  EXPECT_EQ(recorded.out.rfind("explain: " + run.out + "/summary.json and " + run.trace + " (", 0), 0u)
      << recorded.out;
  EXPECT_EQ(body(recorded.out), body(live.out));
  const auto by_trace = choreo("explain --trace " + run.trace);
  ASSERT_EQ(by_trace.exit_code, 0) << by_trace.err;
  EXPECT_EQ(body(by_trace.out), body(live.out));

  // A trace filtered to the key explains it; one without its lines says what it could not explain.
  const std::string kept = dir + "story0.jsonl", other = dir + "story1.jsonl";
  ASSERT_EQ(
      choreo("run " + run.ini + " --out " + run.out + " --trace " + kept + " --trace-filter key=story:0")
          .exit_code,
      0);
  ASSERT_EQ(
      choreo("run " + run.ini + " --out " + run.out + " --trace " + other + " --trace-filter key=story:1")
          .exit_code,
      0);
  EXPECT_EQ(body(choreo("explain " + run.out + " --trace " + kept).out), body(live.out));
  const auto missing = choreo("explain " + run.out + " --trace " + other + " --keys 1");
  ASSERT_EQ(missing.exit_code, 0) << missing.err;
  EXPECT_NE(
      missing.out.find("  accounted for: 0 of -1; unexplained: -1 (the trace accounts for a replica value "
                       "of 0, not "),
      std::string::npos)
      << missing.out;

  // A trace filtered without the checker's divergent lines: the totals say
  // only summary.json's examples were explained.
  const std::string processed = dir + "process.jsonl";
  ASSERT_EQ(choreo("run " + run.ini + " --out " + run.out + " --trace " + processed +
                   " --trace-filter kind=process")
                .exit_code,
            0);
  const auto examples = choreo("explain " + run.out + " --trace " + processed + " --keys 0 --causes 0");
  ASSERT_EQ(examples.exit_code, 0) << examples.err;
  EXPECT_EQ(
      body(examples.out),
      "counts (2p-set): 2 divergent keys, abs_error 2: explained 0 of 2; not explained in full: 2 keys "
      "(story 0: -1 of -1 unexplained, story 0 chapter 0: -1 of -1 unexplained); the trace has no "
      "divergent lines for counts (a --trace-filter left them out): only summary.json's 2 examples were "
      "explained\n  ... 2 more keys (--keys all, or --key KEY for one)\n");
}

TEST(Explain, ABadRecordedRunIsOneLineAndExitTwo) {
  const std::string dir = ::testing::TempDir() + "explain_bad_recorded/";
  std::filesystem::create_directories(dir + "empty");
  std::filesystem::create_directories(dir + "lines");
  std::ofstream(dir + "lines/summary.json") << R"({"replicas": [], "config": {}})";
  std::ofstream(dir + "lines/trace.jsonl") << "{\"t_us\":1,\"node\":\"a\",\"kind\":\"publish\"}\nnope\n";
  for (const auto& [args, message] : std::vector<std::pair<std::string, std::string>>{
           {dir + "empty",
            "choreo explain: " + dir +
                "empty/summary.json: cannot read: No such file or directory (choreo run --out DIR "
                "writes DIR/summary.json)"},
           {dir + "lines",
            "choreo explain: " + dir +
                "lines/trace.jsonl:2: not a choreo trace line (JSON with t_us, node, kind and at "
                "most 20 number or text fields)"},
           {dir + "lines --seed 2",
            "choreo explain: --seed and --set change a scenario's run; a recorded run is explained as it "
            "ran"},
           {"scenarios/default.ini --trace x.jsonl",
            "--trace x.jsonl: reads a recorded run; give it alone or with the run's out dir, not with a "
            "scenario "
            "(scenarios/default.ini)"}}) {
    const auto r = choreo("explain " + args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.err, message + "\n");
  }
}

}  // namespace
}  // namespace choreo::testing
