// Tests of the plot scripts in scripts/: each renders a non-trivial PNG from
// a small real sweep (PHOLD) or from the synthetic fixtures in data/ for the
// columns PHOLD lacks; each answers --help; a missing or malformed input
// gives one line and exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/cli/command.h"
#include "tests/sweep/sweep_test_util.h"

namespace choreo {
namespace {

using testing::choreo;
using testing::count_lines;
using testing::python;
using testing::scratch_dir;

constexpr std::uintmax_t kNonTrivialPng = 8000;  // bytes; an empty 640x480 Agg PNG is ~2-5 KB
const std::string kData = "tests/sweep/data/";
const char* const kScripts[] = {"plot_run.py", "plot_matrix.py", "plot_sweep.py", "plot_staleness.py",
                                "plot_bandwidth.py"};

void expect_png(const std::string& command, const std::string& png) {
  const auto r = python(command + " -o " + png);
  ASSERT_EQ(r.exit_code, 0) << command << "\n" << r.err;
  ASSERT_TRUE(std::filesystem::exists(png)) << command;
  EXPECT_GT(std::filesystem::file_size(png), kNonTrivialPng) << command;
}

class PlotFromSweep : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(::testing::TempDir() + "choreo_plot_sweep_" + std::to_string(::getpid()) + "/");
    std::filesystem::create_directories(*dir_);
    const auto r = choreo(
        "sweep scenarios/phold.ini --seeds 1..5 --vary phold.mean_delay=1ms,2ms,4ms "
        "--vary phold.processes=20,40 --set run.duration=50ms --set phold.shape=custom --out " +
        *dir_ + "sweep.csv");
    ASSERT_EQ(r.exit_code, 1) << r.err;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string* dir_;
};
std::string* PlotFromSweep::dir_ = nullptr;

TEST_F(PlotFromSweep, SweepPlotsEventsAgainstTheVariedDelay) {
  expect_png(
      "plot_sweep.py " + *dir_ + "sweep.csv --x phold.mean_delay --y events_processed --by phold.processes",
      *dir_ + "sweep.png");
}

TEST_F(PlotFromSweep, MatrixOfHoldsOverTwoVariedKeys) {
  expect_png(
      "plot_matrix.py " + *dir_ + "sweep.csv --rows phold.processes --cols phold.mean_delay --metric holds",
      *dir_ + "matrix.png");
}

TEST_F(PlotFromSweep, BandwidthNeedsDeliveryColumnsThatPholdLacks) {
  const auto r = python("plot_bandwidth.py " + *dir_ + "sweep.csv -o " + *dir_ + "b.png");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(count_lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("delivery.bytes"), std::string::npos) << r.err;
}

TEST(PlotFixtures, EveryPlotRendersFromFixtures) {
  const std::string out = scratch_dir("png");
  expect_png("plot_run.py " + kData + "run/timeseries.csv", out + "run.png");
  expect_png("plot_matrix.py " + kData + "matrix.csv --cols broker.kind", out + "matrix.png");
  expect_png("plot_sweep.py " + kData + "matrix.csv --x broker.kind --y abs_error_total", out + "sweep.png");
  expect_png("plot_staleness.py " + kData + "staleness.csv", out + "staleness.png");
  expect_png("plot_bandwidth.py " + kData + "matrix.csv --by replica.counter.encoding",
             out + "bandwidth.png");
}

// Issue 14: rows were strategies, so a recovering and a non-recovering
// 2P-Set merged into "50 %" and the scenario's point disappeared.
TEST(PlotMatrix, KeepsTwoReplicasOfOneStrategyApart) {
  const std::string dir = scratch_dir("same_strategy");
  std::ofstream(dir + "m.csv") << "broker.loss,seed,replicas.plain.strategy,replicas.plain.converged,"
                                  "replicas.healed.strategy,replicas.healed.converged\n"
                                  "1%,1,2p-set,0,2p-set,1\n1%,2,2p-set,0,2p-set,1\n";
  const auto r =
      testing::run_shell(std::string(CHOREO_PYTHON) +
                         " -c 'import sys; sys.path.insert(0, \"scripts\"); import plot_matrix, "
                         "argparse; a = argparse.Namespace(cols=None, rows=None, metric=\"converged\"); "
                         "cells, ys, xs, key = plot_matrix.tally([\"" +
                         dir + "m.csv\"], a); print(sorted(cells.items()))'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "[(('healed (2p-set)', '1%'), [2, 2]), (('plain (2p-set)', '1%'), [0, 2])]\n");
}

TEST(PlotScripts, EachHasHelp) {
  for (const char* script : kScripts) {
    const auto r = python(std::string(script) + " --help");
    EXPECT_EQ(r.exit_code, 0) << script << r.err;
    EXPECT_NE(r.out.find("-o OUT"), std::string::npos) << script << r.out;
  }
}

TEST(PlotScripts, MissingInputIsOneLineAndExitTwo) {
  const std::string out = scratch_dir("missing");
  for (const char* script : kScripts) {
    const auto r = python(std::string(script) + " " + out + "absent.csv -o " + out + "x.png");
    EXPECT_EQ(r.exit_code, 2) << script;
    EXPECT_EQ(r.err,
              std::string(script) + ": " + out + "absent.csv: cannot read: No such file or directory\n");
  }
}

TEST(PlotScripts, MalformedCsvNamesTheLine) {
  const std::string dir = scratch_dir("malformed");
  std::ofstream(dir + "bad.csv") << "a,seed,converged\n1,2,1\n1,2\n";
  for (const char* script : {"plot_matrix.py", "plot_sweep.py", "plot_bandwidth.py"}) {
    const auto r = python(std::string(script) + " " + dir + "bad.csv -o " + dir + "x.png");
    EXPECT_EQ(r.exit_code, 2) << script;
    EXPECT_EQ(r.err, std::string(script) + ": " + dir + "bad.csv:3: 2 fields, expected 3 as in the header\n");
  }
}

}  // namespace
}  // namespace choreo
