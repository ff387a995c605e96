// Tests for cli/sweep_tally.h: per-replica convergence counted per cell, the
// cells CSV, and where it goes.
#include "cli/sweep_tally.h"

#include <gtest/gtest.h>

namespace choreo::cli {
namespace {

nlohmann::json summary(bool naive_converged, bool lww_converged) {
  return {{"converged", naive_converged && lww_converged},
          {"replicas",
           {{{"name", "mirror-lww"}, {"strategy", "lww-version"}, {"converged", lww_converged}},
            {{"name", "counts-naive"}, {"strategy", "naive"}, {"converged", naive_converged}}}}};
}

// Issue 14: a foil that never converges made every cell's rate 0 %.
TEST(ReplicaTally, CountsEachReplicaApartFromItsNeighbours) {
  ReplicaTally tally(2);
  for (int seed = 0; seed < 4; ++seed) tally.add_summary(0, summary(false, true));
  tally.add_summary(1, summary(false, false));
  tally.add_summary(1, summary(true, true));
  EXPECT_EQ(tally.replicas(), (std::vector<std::string>{"counts-naive", "mirror-lww"}));
  EXPECT_EQ(tally.count(0, "mirror-lww").converged, 4u);
  EXPECT_EQ(tally.count(0, "mirror-lww").runs, 4u);
  EXPECT_EQ(tally.count(0, "counts-naive").converged, 0u);
  EXPECT_EQ(tally.count(1, "counts-naive").converged, 1u);
  EXPECT_EQ(tally.count(1, "mirror-lww").runs, 2u);
  EXPECT_EQ(tally.strategy("counts-naive"), "naive");
  EXPECT_EQ(tally.count(1, "absent").runs, 0u);
}

TEST(ReplicaTally, AVariedStrategyIsListedWithEveryValue) {
  ReplicaTally tally(2);
  tally.add(0, "c", "naive", true);
  tally.add(1, "c", "2p-set", true);
  EXPECT_EQ(tally.strategy("c"), "2p-set/naive");
}

TEST(CellsCsv, OneRowPerCellAndReplicaWithTheRate) {
  const auto grid = *make_grid({1, 4}, {{"broker.loss", {"0", "1%"}}}, 100);
  ReplicaTally tally(2);
  for (int seed = 0; seed < 4; ++seed) tally.add_summary(0, summary(false, true));
  for (int seed = 0; seed < 4; ++seed) tally.add_summary(1, summary(seed == 0, seed < 3));
  EXPECT_EQ(cells_csv(grid, tally),
            "broker.loss,replica,strategy,runs,converged,convergence_rate\n"
            "0,counts-naive,naive,4,0,0.0\n"
            "0,mirror-lww,lww-version,4,4,1.0\n"
            "1%,counts-naive,naive,4,1,0.25\n"
            "1%,mirror-lww,lww-version,4,3,0.75\n");
  EXPECT_EQ(cells_csv(grid, ReplicaTally(2)),
            "broker.loss,replica,strategy,runs,converged,convergence_rate\n");
}

TEST(CellsCsv, SitsBesideTheSweepCsv) {
  EXPECT_EQ(cells_csv_path("results/x.csv"), "results/x.cells.csv");
  EXPECT_EQ(cells_csv_path("out/x"), "out/x.cells.csv");
}

}  // namespace
}  // namespace choreo::cli
