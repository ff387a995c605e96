// Tests of `choreo sweep` through the real binary on scenarios/phold.ini:
// the same bytes for any -j, resume after a crash (SIGKILL or a cut line)
// with every row exactly once, the end-of-sweep report, and bad input.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/cli/command.h"
#include "tests/sweep/sweep_test_util.h"

namespace choreo {
namespace {

using testing::choreo;
using testing::count_lines;
using testing::scratch_dir;
using testing::slurp;
using testing::sweep;

// 2 cells x 6 seeds of a tiny PHOLD (a custom delay shape, so mean_delay can
// vary). phold.ini expects ~9 million events, so with 50 ms every run
// violates it: exit 1, every seed listed.
const std::string kSmall =
    "scenarios/phold.ini --seeds 1..6 --vary phold.mean_delay=1ms,2ms --set run.duration=50ms "
    "--set phold.processes=50 --set phold.shape=custom";

TEST(SweepCommand, CsvIsByteIdenticalForOneAndTwoThreads) {
  const std::string dir = scratch_dir("j");
  const auto one = sweep(kSmall + " -j 1 --out " + dir + "j1.csv");
  const auto two = sweep(kSmall + " -j 2 --out " + dir + "j2.csv");
  EXPECT_EQ(one.exit_code, 1) << one.err;
  EXPECT_EQ(two.exit_code, 1) << two.err;
  const std::string csv = slurp(dir + "j1.csv");
  EXPECT_EQ(count_lines(csv), 13u);
  EXPECT_TRUE(csv.starts_with(
      "phold.mean_delay,seed,holds,converged,failed_expectations,scenario,overrides,events_processed,"));
  EXPECT_NE(csv.find("\n2ms,6,0,1,events_processed = "
                     "8550000..9450000,phold,run.duration=50ms;phold.processes=50;phold.shape=custom,"),
            std::string::npos)
      << csv;
  EXPECT_EQ(csv, slurp(dir + "j2.csv"));
}

TEST(SweepCommand, ReportListsEachFailingSeedWithItsReplayCommand) {
  const auto r = sweep(kSmall + " -j 2 --out " + scratch_dir("report") + "s.csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("failing runs (an expectation is violated): 12 of 12"), std::string::npos) << r.out;
  EXPECT_NE(
      r.out.find("choreo run scenarios/phold.ini --seed 4 --set run.duration=50ms --set phold.processes=50 "
                 "--set phold.shape=custom --set phold.mean_delay=2ms\n"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("phold.mean_delay  runs  hold  failing  all_replicas_converged"), std::string::npos)
      << r.out;
}

// Issue 14: with a foil in the scenario, the table said 0 % converged for
// every cell and never named the replicas that did converge.
TEST(SweepCommand, ReportsConvergencePerReplicaBesideTheFoils) {
  const std::string dir = scratch_dir("replicas");
  const std::string args =
      "scenarios/default.ini --seeds 1..3 --vary broker.kind=sqs,kafka --set run.duration=10s "
      "--set run.settle=10s -j 2 --out " +
      dir + "s.csv";
  const auto r = sweep(args);
  ASSERT_LE(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("per replica: runs in which it converged (columns: broker.kind)\n"
                       "  replica           strategy     sqs         kafka\n"
                       "  counts-2p         2p-set       3/3 100.0%  3/3 100.0%\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  counts-naive      naive        0/3 0.0%"), std::string::npos) << r.out;
  const std::string cells = slurp(dir + "s.cells.csv");
  EXPECT_TRUE(
      cells.starts_with("broker.kind,replica,strategy,runs,converged,convergence_rate\n"
                        "sqs,counts-2p,2p-set,3,3,1.0\n"
                        "sqs,counts-naive,naive,3,0,0.0\n"))
      << cells;
  EXPECT_EQ(count_lines(cells), 9u);
  // A resumed sweep counts its rows from the CSV: the same tables and file.
  const auto again = sweep(args);
  EXPECT_EQ(again.out.substr(0, again.out.find("wrote")), r.out.substr(0, r.out.find("wrote")));
  EXPECT_EQ(slurp(dir + "s.cells.csv"), cells);
}

TEST(SweepCommand, ExitsZeroWhenEveryRunHolds) {
  const std::string dir = scratch_dir("ok");
  std::ofstream(dir + "small.ini")
      << "[run]\nmodel = phold\nduration = 50ms\n[phold]\nprocesses = 50\nshape = quantized\n"
         "[expect]\nevents_processed = 1..100000000\n";
  const auto r = sweep(dir + "small.ini --seeds 1..3 --out " + dir + "s.csv");
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("every run's expectations hold (3 runs)"), std::string::npos) << r.out;
}

TEST(SweepCommand, RerunOfAFinishedSweepKeepsTheFileAndReport) {
  const std::string csv = scratch_dir("rerun") + "s.csv";
  const auto first = sweep(kSmall + " --out " + csv);
  const std::string bytes = slurp(csv);
  const auto again = sweep(kSmall + " --out " + csv);
  EXPECT_EQ(again.exit_code, first.exit_code);
  EXPECT_EQ(slurp(csv), bytes);
  EXPECT_NE(again.err.find("12 of 12 runs already done"), std::string::npos) << again.err;
}

TEST(SweepCommand, LineCutMidwayIsDroppedAndRedone) {
  const std::string dir = scratch_dir("cut");
  ASSERT_EQ(sweep(kSmall + " --out " + dir + "full.csv").exit_code, 1);
  const std::string full = slurp(dir + "full.csv");
  std::size_t cut = 0;
  for (int line = 0; line < 5; ++line) cut = full.find('\n', cut) + 1;
  std::filesystem::copy_file(dir + "full.csv", dir + "cut.csv");
  std::filesystem::resize_file(dir + "cut.csv", cut + 7);  // five lines and a bit of the sixth
  const auto resumed = sweep(kSmall + " -j 2 --out " + dir + "cut.csv");
  EXPECT_EQ(resumed.exit_code, 1) << resumed.err;
  EXPECT_EQ(slurp(dir + "cut.csv"), full);
}

// Forks `choreo sweep`, waits until its CSV has `rows` lines, then SIGKILLs it.
// Returns false if the sweep finished first.
bool kill_sweep_after(const std::string& args, const std::string& csv, std::size_t rows) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(CHOREO_SOURCE_DIR) != 0) _exit(127);
    execl("/bin/sh", "sh", "-c",
          (std::string("exec ") + CHOREO_BINARY + " sweep " + args + " 2>/dev/null >/dev/null").c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  while (count_lines(slurp(csv)) < rows) {
    if (waitpid(pid, nullptr, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

TEST(SweepCommand, SigkilledSweepResumesWithEveryRowExactlyOnce) {
  const std::string dir = scratch_dir("kill");
  const std::string args =
      "scenarios/phold.ini --seeds 1..300 --vary phold.mean_delay=1ms,3ms --set phold.shape=custom "
      "--set run.duration=200ms --set phold.processes=200 -j 2 --out ";
  ASSERT_EQ(sweep(args + dir + "reference.csv").exit_code, 1);
  const std::string reference = slurp(dir + "reference.csv");
  ASSERT_EQ(count_lines(reference), 601u);
  if (!kill_sweep_after(args + dir + "killed.csv", dir + "killed.csv", 30)) {
    GTEST_SKIP() << "the sweep finished before it could be killed";
  }
  const std::size_t before = count_lines(slurp(dir + "killed.csv"));
  EXPECT_LT(before, 601u);
  const auto resumed = sweep(args + dir + "killed.csv");
  EXPECT_EQ(resumed.exit_code, 1) << resumed.err;
  EXPECT_EQ(slurp(dir + "killed.csv"), reference);  // same rows, each once, in grid order
}

TEST(SweepCommand, CsvOfAnotherSweepIsRefused) {
  const std::string csv = scratch_dir("foreign") + "s.csv";
  ASSERT_EQ(sweep(kSmall + " --out " + csv).exit_code, 1);
  const std::string bytes = slurp(csv);
  const auto r = sweep(
      "scenarios/phold.ini --seeds 1..6 --vary phold.lookahead=1ms,2ms --set phold.shape=custom "
      "--set run.duration=50ms "
      "--out " +
      csv);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "--out " + csv +
                       ": its header is not this sweep's (its varied keys: phold.mean_delay; this command's: "
                       "phold.lookahead); resume with the same command, or use another --out\n");
  const auto seeds = sweep(
      "scenarios/phold.ini --seeds 2..7 --vary phold.mean_delay=1ms,2ms --set "
      "run.duration=50ms --set phold.processes=50 --set phold.shape=custom --out " +
      csv);
  EXPECT_EQ(seeds.exit_code, 2);
  EXPECT_EQ(seeds.err, "--out " + csv +
                           ": it was written by another sweep command (different --seeds/--vary grid); "
                           "resume with the same command, or use another --out\n");
  EXPECT_EQ(slurp(csv), bytes);  // refused before touching it
}

// Issue 14: `--set broker.loss=1%` over a 0 %-loss CSV printed "0 run now"
// and the old table, exit 0.
TEST(SweepCommand, ResumeWithOtherOverridesIsRefused) {
  const std::string csv = scratch_dir("overrides") + "s.csv";
  const std::string args = "scenarios/default.ini --seeds 1..2 --set run.duration=2s --set run.settle=2s";
  ASSERT_LE(sweep(args + " --out " + csv).exit_code, 1);
  const auto r = sweep(args + " --set broker.loss=1% --out " + csv);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "--out " + csv +
                       ": it was written by another sweep command (different --set overrides); resume with "
                       "the same command, or use another --out\n");
  // The same overrides in another order are the same sweep.
  const auto same =
      sweep("scenarios/default.ini --seeds 1..2 --set run.settle=2s --set run.duration=2s --out " + csv);
  EXPECT_LE(same.exit_code, 1) << same.err;
  EXPECT_NE(same.err.find("2 of 2 runs already done"), std::string::npos) << same.err;
}

// Issue 14: a copy of default's CSV was accepted as out-of-order-sqs's results.
TEST(SweepCommand, CsvOfAnotherScenarioIsRefused) {
  const std::string dir = scratch_dir("scenario");
  const std::string tail = " --seeds 1..2 --set run.duration=2s --set run.settle=2s --out " + dir + "s.csv";
  ASSERT_LE(sweep("scenarios/default.ini" + tail).exit_code, 1);
  const auto r = sweep("scenarios/out-of-order-sqs.ini" + tail);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "--out " + dir +
                       "s.csv: it was written by another sweep command (different scenario file); resume "
                       "with the same command, or use another --out\n");
}

TEST(SweepCommand, CsvWithoutFingerprintsIsRefused) {
  const std::string dir = scratch_dir("old");
  std::ofstream(dir + "old.csv") << "seed,holds,converged\n1,1,1\n";
  const auto r = sweep("scenarios/phold.ini --seeds 1..2 --out " + dir + "old.csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "--out " + dir +
                       "old.csv: it has no fingerprint column (written by an older choreo, or not by choreo "
                       "sweep); resume with the same command, or use another --out\n");
}

TEST(SweepCommand, BadInputExitsTwoWithOneLine) {
  const std::string out = " --out " + scratch_dir("bad") + "s.csv";
  struct Case {
    std::string args;
    std::string message;
  };
  const Case cases[] = {
      {"scenarios/phold.ini --seeds 9..2", "--seeds: '9..2': expected A..B"},
      {"scenarios/phold.ini", "choreo sweep: missing --seeds A..B"},
      {"--seeds 1..2", "choreo sweep: missing SCENARIO.ini"},
      {"scenarios/phold.ini --seeds 1..2 --vary phold.processes", "--vary: 'phold.processes': expected"},
      {"scenarios/phold.ini --seeds 1..2 --vary phold.procesess=1,2", "phold.procesess"},
      {"scenarios/phold.ini --seeds 1..2 --vary phold.processes=5,0", "--vary phold.processes"},
      {"scenarios/phold.ini --seeds 1..2 -j 999",
       "-j: 999 threads is too many (allowed: 0..256; 0 = all cores)"},
      {"scenarios/nope.ini --seeds 1..2", "scenarios/nope.ini"},
  };
  for (const auto& c : cases) {
    const auto r = choreo("sweep " + c.args + out);
    EXPECT_EQ(r.exit_code, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n" << r.err;
    EXPECT_EQ(count_lines(r.err), 1u) << c.args << "\n" << r.err;
  }
}

}  // namespace
}  // namespace choreo
