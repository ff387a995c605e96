// The battery of malformed and extreme inputs from issue 17, run through the
// real binary: each is one exact line on stderr and exit 2 (or, for a valid
// but huge scenario, a refusal or visible progress), never an abort, an
// exception's text or silence. Output failures are in output_test.cc.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/cli/command.h"

namespace choreo {
namespace {

using testing::choreo;
using testing::run_shell;

std::string temp(const std::string& name) { return ::testing::TempDir() + "choreo_bad_" + name; }

std::string write_file(const std::string& name, const std::string& bytes) {
  const std::string path = temp(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// Exit 2 and exactly `line` (plus its newline) on stderr.
void expect_refused(const testing::CommandResult& r, const std::string& line) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, line + "\n");
}

TEST(BadInput, NoArgumentsPrintsUsageOnStderr) {
  const auto r = choreo("");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("Usage: choreo COMMAND [options]\n"), std::string::npos) << r.err;
}

TEST(BadInput, AnEmptySeedIsAnError) {
  expect_refused(choreo("run scenarios/phold.ini --seed ''"),
                 "--seed: '': expected an integer in 0..9223372036854775807");
}

TEST(BadInput, ANewlineInASetValueIsOneLine) {
  expect_refused(
      choreo("run scenarios/phold.ini --set 'phold.processes=1\n2'"),
      "--set phold.processes: '1\\n2': control character \\n at offset 1 (a value is one line of text)");
}

TEST(BadInput, InvalidUtf8InAServiceOrATopic) {
  const auto service = write_file("service.ini", "[replica.m]\nkind = mirror\nservice = caf\xE9\n");
  expect_refused(choreo("run " + service),
                 service + ":3: invalid UTF-8 byte 0xE9 at offset 39 (a scenario file is UTF-8 text)");
  const auto topic = write_file("topic.ini", "[fault.d]\nkind = drop\ntopic = \xE9[\n");
  expect_refused(choreo("run " + topic),
                 topic + ":3: invalid UTF-8 byte 0xE9 at offset 30 (a scenario file is UTF-8 text)");
  expect_refused(
      choreo("run scenarios/default.ini --set 'fault.d.topic=\xE9'"),
      "--set 'fault.d.topic=\\xE9': invalid UTF-8 byte 0xE9 at offset 14 (--set takes UTF-8 text)");
}

TEST(BadInput, InvalidUtf8InTheScenarioFileName) {
  const std::string dir = temp("names/");
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(std::string(CHOREO_SOURCE_DIR) + "/scenarios/phold.ini", dir + "caf\xE9.ini",
                             std::filesystem::copy_options::overwrite_existing);
  expect_refused(choreo("run '" + dir + "caf\xE9.ini'"),
                 dir + "caf\\xE9.ini: the scenario's file name has a non-UTF-8 byte 0xE9 at offset " +
                     std::to_string(dir.size() + 3) + "; rename the file");
}

TEST(BadInput, ADirectoryOrAnEndlessDeviceIsNotAScenario) {
  expect_refused(choreo("run scenarios"), "scenarios: is a directory, not a scenario file");
  expect_refused(choreo("run /dev/zero"), "/dev/zero: larger than 1 MiB, the limit for a scenario file");
}

TEST(BadInput, AHundredThousandReplicasAreOverTheFileSizeLimit) {
  std::string text = "[broker]\nkind = sqs\n";
  for (int i = 0; i < 100'000; ++i) text += "[replica.r" + std::to_string(i) + "]\nkind = counter\n";
  const auto path = write_file("replicas.ini", text);
  expect_refused(choreo("run " + path), path + ": larger than 1 MiB, the limit for a scenario file");
}

TEST(BadInput, AOneMibDottedExpectPathIsOneLine) {
  std::string path = "a";
  while (path.size() < 1'000'000) path += ".a";
  const auto file =
      write_file("expect.ini", "[run]\nmodel = phold\nduration = 1ms\n[expect]\n" + path + " = 1\n");
  const auto r = choreo("run " + file + " --out " + temp("expect_out"));
  expect_refused(
      r, file + ":5: expect." + path.substr(0, 193) +
             "... (1000008 bytes) = '1': no 'a' in the summary (have: config, converged, "
             "events_processed, expectations, phold, replicas, scenario, seed, sim_time_s, trace_hash, "
             "wall_time_s)");
}

TEST(BadInput, HeavyTailsThatWouldOverflowTimeAreRefused) {
  expect_refused(
      choreo("run scenarios/default.ini --set broker.delay=pareto:1ms,0.03"),
      "--set broker.delay: 'pareto:1ms,0.03': out of range: its 99th percentile, SCALE * 100^(1/SHAPE), "
      "is 4.64e+63s (allowed: at most 3650d)");
  expect_refused(choreo("run scenarios/default.ini --set workload.outage_from=36500d"),
                 "--set workload.outage_from: '36500d': out of range (allowed: 0s..3650d)");
}

// A tail that is heavy but allowed (median 32us, 99th percentile 2.8h): some
// draws land far past the run's end, where time saturates instead of
// overflowing; the sanitizer build aborts on any signed overflow.
TEST(BadInput, AHeavyButAllowedTailRunsToTheEnd) {
  const auto r = choreo(
      "run scenarios/default.ini --set broker.delay=pareto:1us,0.2 --set run.duration=2s "
      "--set run.settle=1s --json --out " +
      temp("tail_out"));
  EXPECT_LE(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "");
}

// PHOLD with 10^8 pending events is valid: on this machine it runs (3.2 GB
// of queue), showing progress; under a smaller limit it is refused before
// anything is allocated, naming the key; a run that fits that check but runs
// out later is one line too. (ulimit -v cannot work under AddressSanitizer,
// which reserves terabytes of address space.)
#if !defined(__SANITIZE_ADDRESS__)
TEST(BadInput, AHundredMillionPendingEventsOverTheMemoryLimitAreRefusedUpFront) {
  const auto r = run_shell("ulimit -v 600000; " + std::string(CHOREO_BINARY) +
                           " run scenarios/phold.ini --set phold.processes=10000000 "
                           "--set phold.events_per_process=10 --out " +
                           temp("phold_out"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err,
            "--set phold.events_per_process: '10': the run needs at least 3.0 GiB before its first event "
            "(100000000 pending events x 32 B), more than ulimit -v (0.6 GiB); lower it (see README.md, "
            "\"Limits\")\n");
}

TEST(BadInput, AHundredMillionUsersOverTheMemoryLimitAreRefusedUpFront) {
  const auto r = run_shell("ulimit -v 600000; " + std::string(CHOREO_BINARY) +
                           " run scenarios/default.ini --set workload.users=1e8 --out " + temp("users_out"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.rfind("--set workload.users: '1e8': the run needs at least ", 0), 0u) << r.err;
  EXPECT_TRUE(r.err.ends_with(" B), more than ulimit -v (0.6 GiB); lower it (see README.md, \"Limits\")\n"))
      << r.err;
}

TEST(BadInput, ARunThatOutgrowsTheLimitAfterTheCheckIsOneLine) {
  // 1.9e7 pending events (580 MiB of queue) pass the check against 586 MiB;
  // the program's own mappings then leave too little to reserve the queue.
  const auto r = run_shell("ulimit -v 600000; " + std::string(CHOREO_BINARY) +
                           " run scenarios/phold.ini --set phold.processes=1900 "
                           "--set phold.events_per_process=10000 --out " +
                           temp("phold_late_out"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.rfind("choreo: out of memory (peak ", 0), 0u) << r.err;
  EXPECT_TRUE(
      r.err.ends_with(" GiB; ulimit -v is 0.6 GiB): the scenario is too large for this machine; see "
                      "README.md, \"Limits\"\n"))
      << r.err;
}
#endif

TEST(BadInput, AHugeRunShowsProgressFromTheStart) {
  const auto r =
      run_shell("timeout -s KILL 4 " + std::string(CHOREO_BINARY) +
                " run scenarios/phold.ini --set phold.processes=10000000 --set phold.events_per_process=10"
                " --progress --out " +
                temp("progress_out") + " >/dev/null");
  EXPECT_EQ(r.err.rfind("progress: building the model to check the [expect] paths\n", 0), 0u) << r.err;
}

TEST(BadInput, ALongRunReportsVirtualTimeAndEvents) {
  const auto r = run_shell(
      "timeout -s KILL 4 " + std::string(CHOREO_BINARY) +
      " run scenarios/phold.ini --set phold.processes=100000 --set run.duration=3650d --set run.settle=3650d"
      " --progress --out " +
      temp("progress_long") + " >/dev/null");
  const auto second = r.err.find("\nprogress: virtual ");
  ASSERT_NE(second, std::string::npos) << r.err;
  EXPECT_NE(r.err.find("s of at most 7300d, ", second), std::string::npos) << r.err;
}

}  // namespace
}  // namespace choreo
