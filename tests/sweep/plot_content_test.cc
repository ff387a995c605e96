// What the plots show, read from the figure rather than its pixels: each
// script run with CHOREO_PLOT_DESCRIBE (scripts/choreo_plot.py) writes its
// figure's titles, labels, limits, lines, bars and legends as JSON. One test
// per problem issue 14 found in the plots: titles without the scenario, the
// seeds or the fault mix; foils summed with convergent replicas; brokers
// joined by lines; fractions instead of percentages; y axes far from 0; no
// closed form on phold.events.png; all-zero panels; a foil's scale hiding a
// three-key divergence.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/cli/command.h"
#include "tests/sweep/sweep_test_util.h"

namespace choreo {
namespace {

using testing::scratch_dir;
using testing::slurp;

// Runs `scripts/<script_and_args> -o DIR/plot.png` and returns the figure's description.
nlohmann::json describe(const std::string& dir, const std::string& script_and_args) {
  const auto r =
      testing::run_shell("CHOREO_PLOT_DESCRIBE='" + dir + "figure.json' " + std::string(CHOREO_PYTHON) +
                         " scripts/" + script_and_args + " -o " + dir + "plot.png");
  EXPECT_EQ(r.exit_code, 0) << script_and_args << "\n" << r.err;
  return nlohmann::json::parse(slurp(dir + "figure.json"));
}

std::string titles(const nlohmann::json& figure) {
  std::string all;
  for (const auto& ax : figure.at("axes")) all += ax.at("title").get<std::string>() + "\n";
  return all;
}

// A sweep CSV of two replicas, a foil with a large error and a mirror a few
// versions behind, over a categorical broker and a percentage.
std::string write_sweep(const std::string& dir) {
  std::ofstream csv(dir + "s.csv");
  csv << "broker.kind,broker.loss,seed,holds,converged,scenario,overrides,replicas.counts.strategy,"
         "replicas.counts.converged,replicas.counts.abs_error,replicas.mirror.strategy,replicas.mirror."
         "converged,"
         "replicas.mirror.abs_error,replicas.good.strategy,replicas.good.converged,replicas.good.abs_error\n";
  int seed = 0;
  for (const char* kind : {"nats", "sqs"}) {
    for (const char* loss : {"1%", "5%"}) {
      for (int i = 0; i < 3; ++i) {
        csv << kind << "," << loss << "," << ++seed << ",1,0,at-most-once-nats,broker.delay=5ms,naive,0,"
            << 300 + i << ",overwrite," << (i == 0 ? 1 : 0) << "," << i << ",2p-set,1,0\n";
      }
    }
  }
  return dir + "s.csv";
}

// Issue 14: error plots summed abs_error over every replica, foils included,
// and joined categorical brokers with lines, the y axis far from 0.
TEST(PlotContent, ErrorPlotHasAPanelPerReplicaWithBarsForBrokersFromZero) {
  const std::string dir = scratch_dir("error");
  const auto fig = describe(dir, "plot_sweep.py " + write_sweep(dir) + " --x broker.kind --y abs_error");
  ASSERT_EQ(fig.at("axes").size(), 2u) << fig.dump(1);
  EXPECT_EQ(titles(fig), "counts (naive)\nmirror (overwrite)\n");
  for (const auto& ax : fig.at("axes")) {
    EXPECT_EQ(ax.at("bars"), 2) << ax.dump();
    for (const auto& line : ax.at("lines")) EXPECT_NE(line.at("linestyle"), "-") << "no line joins brokers";
    EXPECT_EQ(ax.at("ylim")[0], 0.0);
    EXPECT_EQ(ax.at("xticklabels"), (nlohmann::json{"nats", "sqs"}));
  }
  const std::string title = fig.at("suptitle");
  EXPECT_NE(title.find("at-most-once-nats · seeds 1..12 · "), std::string::npos) << title;
  EXPECT_NE(title.find("disconnect counts-2p 10s-15s"), std::string::npos)
      << "read from scenarios/at-most-once-nats.ini: " << title;
  EXPECT_EQ(title.find("NATS"), std::string::npos) << "the broker is varied: " << title;
  EXPECT_NE(title.find("delay 5ms"), std::string::npos) << "the sweep's --set wins: " << title;
  EXPECT_NE(title.find("broker.kind in {nats, sqs}"), std::string::npos) << title;
  EXPECT_NE(title.find("0 in every run (not drawn): good (2p-set)"), std::string::npos) << title;
}

// Issue 14: rates were fractions; a numeric knob in percent is a trend line.
TEST(PlotContent, RatesAndPercentKnobsArePercentages) {
  const std::string dir = scratch_dir("percent");
  const auto fig = describe(dir, "plot_sweep.py " + write_sweep(dir) + " --x broker.loss --y converged");
  const auto& ax = fig.at("axes")[0];
  EXPECT_EQ(ax.at("xlabel"), "broker.loss (%)");
  EXPECT_EQ(ax.at("ylabel"), "runs in which it converged (%)");
  EXPECT_EQ(ax.at("bars"), 0);
  ASSERT_FALSE(ax.at("lines").empty());
  EXPECT_EQ(ax.at("lines")[0].at("linestyle"), "-");
  EXPECT_EQ(ax.at("ylim")[0], 0.0);
  EXPECT_GE(ax.at("ylim")[1].get<double>(), 100.0);  // a share of 100 % fits
}

// Issue 14: phold.events.png had no title and no closed-form curve.
TEST(PlotContent, PholdEventsCarryTheClosedFormAndATitle) {
  const std::string dir = scratch_dir("phold");
  const auto sweep = testing::choreo(
      "sweep scenarios/phold.ini --seeds 1..3 --vary phold.mean_delay=1ms,2ms "
      "--set phold.shape=custom --set run.duration=20ms --set expect.events_processed=1..1000000000 --out " +
      dir + "phold.csv");
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  const auto fig = describe(dir, "plot_sweep.py " + dir +
                                     "phold.csv --y events_processed --overlay 'closed form=1000 * 0.02 / "
                                     "(0.0001 + x)'");
  const auto& ax = fig.at("axes")[0];
  EXPECT_EQ(ax.at("xlabel"), "phold.mean_delay (ms)");
  EXPECT_EQ(ax.at("legend"), (nlohmann::json{"closed form", "measured (mean over seeds)"}));
  EXPECT_EQ(
      fig.at("suptitle"),
      "events processed per run: mean over seeds, 95% interval\nphold · seeds 1..3 · 1000 processes, 20ms "
      "per run, no faults (engine benchmark)");
}

// Issue 14: run.png's title was the directory name, the foil's scale hid a
// three-key divergence, the phases and faults were unmarked, reads were
// cumulative counts and all-zero panels took space.
TEST(PlotContent, RunPlotIsReadableAtAGlance) {
  const std::string dir = scratch_dir("run");
  const auto run = testing::choreo(
      "run scenarios/at-most-once-nats.ini --set run.duration=20s --set run.settle=10s "
      "--out " +
      dir + "run");
  ASSERT_LE(run.exit_code, 1) << run.err;
  const auto fig = describe(dir, "plot_run.py " + dir + "run/timeseries.csv");
  const std::string title = fig.at("suptitle");
  EXPECT_TRUE(title.starts_with("at-most-once-nats · seed 1 · NATS, 1% loss, disconnect counts-2p 10s-15s\n"))
      << title;
  EXPECT_NE(title.find("workload 0-20 s, then 10 s settle"), std::string::npos) << title;
  EXPECT_NE(title.find("zero at every sample (not drawn): failed reads"), std::string::npos) << title;
  const std::string panels = titles(fig);
  EXPECT_NE(panels.find("counts-2p (2p-set): diverged"), std::string::npos) << panels;
  EXPECT_NE(panels.find("mirror-lww-ae (lww-version): converged at"), std::string::npos) << panels;
  EXPECT_EQ(fig.at("axes").size(), 5u) << "four replicas, one per panel, and the reads";
  const auto& first = fig.at("axes")[0];
  EXPECT_EQ(first.at("spans"), 2) << "the settle phase and the partition";
  const auto legend = first.at("legend").dump();
  for (const char* item : {"end of workload", "settle (faults healed)", "fault: partition counts-2p"})
    EXPECT_NE(legend.find(item), std::string::npos) << legend;
  const auto& reads = fig.at("axes")[4];
  EXPECT_EQ(reads.at("ylabel"), "% of the reads in each 1 s");
  for (const auto& ax : fig.at("axes")) EXPECT_EQ(ax.at("ylim")[0], 0.0);
}

// A read fails when it gives up, often seconds after it started; as a % of
// each second's reads the failures of an overloaded service passed 100 %.
// They are drawn per second beside the reads started, and the title gives
// the run's totals from summary.json.
TEST(PlotContent, FailedReadsArePerSecondBesideTheReadsStarted) {
  const std::string dir = scratch_dir("overload");
  const auto run = testing::choreo(
      "run scenarios/wattpad-orchestration-overload.ini --set run.duration=15s "
      "--set run.settle=5s --out " +
      dir + "run");
  ASSERT_LE(run.exit_code, 1) << run.err;
  const auto summary = nlohmann::json::parse(slurp(dir + "run/summary.json"));
  const auto failed = summary.at("reads").at("failed").get<std::uint64_t>();
  const auto total = summary.at("reads").at("total").get<std::uint64_t>();
  ASSERT_GT(failed, 0u);
  const auto fig = describe(dir, "plot_run.py " + dir + "run/timeseries.csv");
  const auto& reads = fig.at("axes").back();
  EXPECT_EQ(reads.at("ylabel"), "reads per second");
  const auto grouped = [](std::uint64_t n) {  // 44660 -> "44,660", as the plot prints it
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return out;
  };
  const std::string counts = "failed reads: " + grouped(failed) + " of " + grouped(total) + " (";
  EXPECT_NE(reads.at("title").get<std::string>().find(counts), std::string::npos) << reads.at("title");
  std::vector<std::string> labels;
  for (const auto& line : reads.at("lines")) labels.push_back(line.at("label"));
  EXPECT_NE(std::find(labels.begin(), labels.end(), "reads started"), labels.end());
  EXPECT_NE(std::find(labels.begin(), labels.end(), "reads failed (counted when they give up)"),
            labels.end());
}

// Issue 14: crash faults were never shaded (the model's `faults` lacks them).
TEST(PlotContent, RunPlotShadesCrashesFromTheConfig) {
  const std::string dir = scratch_dir("crash");
  std::ofstream(dir + "summary.json") << R"({"scenario": "x", "seed": 3, "sim_time_s": 60, "faults": [],
    "config": {"run.duration": "30s", "run.settle": "30s", "fault.c.kind": "crash", "fault.c.at": "12s",
               "fault.c.restart_after": "3s", "fault.c.service": "counts", "fault.c.worker": "1"},
    "replicas": [{"name": "counts", "strategy": "naive", "converged": false, "divergent_keys": 2, "abs_error": 2}]})";
  std::ofstream(dir + "timeseries.csv")
      << "t_s,counts.divergent_keys,counts.abs_error\n10,0,0\n20,9,9\n60,2,2\n";
  const auto fig = describe(dir, "plot_run.py " + dir + "timeseries.csv");
  const auto& ax = fig.at("axes")[0];
  EXPECT_EQ(ax.at("spans"), 2) << "the settle phase and the crash";
  EXPECT_NE(ax.at("legend").dump().find("fault: crash counts worker 1"), std::string::npos) << ax.dump();
  EXPECT_EQ(ax.at("texts"), (nlohmann::json{"2 at the end"}));
}

TEST(PlotContent, MatrixAndStalenessAndBandwidthAreTitled) {
  const std::string dir = scratch_dir("titled");
  const std::string csv = write_sweep(dir);
  auto fig = describe(dir, "plot_matrix.py " + csv + " --cols broker.kind");
  EXPECT_TRUE(fig.at("suptitle")
                  .get<std::string>()
                  .starts_with("runs in which each replica converged\nat-most-once-nats · seeds 1..12 · "))
      << fig.at("suptitle");
  EXPECT_EQ(fig.at("axes")[0].at("yticklabels"),
            (nlohmann::json{"counts (naive)", "mirror (overwrite)", "good (2p-set)"}));
  const auto run = testing::choreo("run scenarios/clock-skew.ini --out " + dir + "skew");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  fig = describe(dir, "plot_staleness.py " + dir + "skew/summary.json");
  EXPECT_EQ(fig.at("suptitle"),
            "t-visibility (cumulative)\nclock-skew · seed 1 · NATS, delay exp:200ms, hosts 2s apart");
  EXPECT_EQ(fig.at("axes")[0].at("legend"), (nlohmann::json{"clock-skew seed 1: mirror-clock (lww-clock)"}));
  EXPECT_EQ(fig.at("axes")[0].at("ylabel"), "lookups within t that saw the write (%)");
}

}  // namespace
}  // namespace choreo
