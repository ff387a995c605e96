// `choreo sweep --swarm` (README.md, "Swarm sweeps"): each seed draws its
// own fault mix within the scenario's [swarm] ranges; each row records the
// drawn values; the replay printed for a failing row is a plain `choreo
// run` that reproduces the row's trace hash; the CSV is the same bytes for
// any -j and for merged shards; the report names the families of the
// failing runs; keys --swarm draws cannot be set or varied.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/sweep/sweep_test_util.h"

namespace choreo::testing {
namespace {

const std::string kTarget = "scenarios/swarm-target.ini";

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, sep)) out.push_back(field);
  if (!line.empty() && line.back() == sep) out.emplace_back();
  return out;
}

// The CSV's rows as column -> value (no field of these rows holds a comma).
std::vector<std::map<std::string, std::string>> rows_of(const std::string& path) {
  std::istringstream in(slurp(path));
  std::string line;
  std::getline(in, line);
  const auto header = split(line, ',');
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    const auto fields = split(line, ',');
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> replay_lines(const std::string& out) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("  choreo run ")) lines.push_back(line.substr(2));
  }
  return lines;
}

TEST(SwarmSweep, EachRowRecordsItsDrawAndAFailingRowsReplayReproducesItsTraceHash) {
  const std::string dir = scratch_dir("replay");
  const auto r = choreo("sweep " + kTarget + " --swarm --seeds 1..12 -j 2 --out " + dir + "s.csv");
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;  // some mix breaks some replica
  const auto rows = rows_of(dir + "s.csv");
  ASSERT_EQ(rows.size(), 12u);
  std::size_t on = 0, off = 0;
  for (const auto& row : rows) {
    for (const char* key : {"swarm.broker.loss", "swarm.broker.duplicate", "swarm.broker.delay",
                            "swarm.broker.handler_error", "swarm.broker.crash_rate"}) {
      ASSERT_TRUE(row.count(key)) << key;
      (row.at(key) == "0" ? off : on) += 1;
    }
    ASSERT_TRUE(row.count("swarm.fault.swarm-cut.kind"));
  }
  EXPECT_GT(on, 10u);  // swarm.on = 50%: 60 families, each on or off
  EXPECT_GT(off, 10u);
  const auto replays = replay_lines(r.out);
  ASSERT_FALSE(replays.empty()) << r.out;
  for (const auto& replay : replays) {
    SCOPED_TRACE(replay);
    const auto seed_at = replay.find("--seed ");
    ASSERT_NE(seed_at, std::string::npos);
    const std::string seed = split(replay.substr(seed_at + 7), ' ').front();
    const std::map<std::string, std::string>* row = nullptr;
    for (const auto& candidate : rows) row = candidate.at("seed") == seed ? &candidate : row;
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->at("holds"), "0");
    // Every drawn value that is set is in the command, as a plain --set.
    for (const auto& [column, value] : *row) {
      if (column.starts_with("swarm.") && !value.empty()) {
        EXPECT_NE(replay.find("--set " + column.substr(6) + "=" + value), std::string::npos) << column;
      }
    }
    EXPECT_EQ(replay.find("--swarm"), std::string::npos);
    const auto run =
        run_shell(std::string(CHOREO_BINARY) + replay.substr(6) + " --json --out " + dir + "run");
    ASSERT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(nlohmann::json::parse(run.out).at("trace_hash"), row->at("trace_hash"));
  }
  EXPECT_NE(r.out.find("swarm: fault families in the "), std::string::npos) << r.out;
  EXPECT_NE(
      r.out.find("  family                 on in failing runs     on in all runs         failing when on\n"),
      std::string::npos);
}

TEST(SwarmSweep, SameBytesForAnyJobsAndForMergedShards) {
  const std::string dir = scratch_dir("bytes");
  const std::string sweep = "sweep " + kTarget + " --swarm --seeds 1..6 ";
  EXPECT_LE(choreo(sweep + "-j 1 --out " + dir + "j1.csv").exit_code, 1);
  EXPECT_LE(choreo(sweep + "-j 2 --out " + dir + "j2.csv").exit_code, 1);
  EXPECT_LE(choreo(sweep + "--shard 1/2 --out " + dir + "p1.csv").exit_code, 1);
  EXPECT_LE(choreo(sweep + "--shard 2/2 --out " + dir + "p2.csv").exit_code, 1);
  const auto merged = choreo("sweep-merge " + dir + "p2.csv " + dir + "p1.csv --out " + dir + "m.csv");
  EXPECT_LE(merged.exit_code, 1) << merged.err;
  const std::string whole = slurp(dir + "j1.csv");
  EXPECT_EQ(whole, slurp(dir + "j2.csv"));
  EXPECT_EQ(whole, slurp(dir + "m.csv"));
  // The merge prints the same replays and family table as the sweep.
  const auto again = choreo(sweep + "-j 1 --out " + dir + "j1.csv");
  EXPECT_EQ(replay_lines(again.out).size(), replay_lines(merged.out).size());
  EXPECT_NE(merged.out.find("swarm: fault families in the "), std::string::npos) << merged.out;
  // A plain sweep does not resume a swarm sweep's CSV.
  const auto plain = choreo("sweep " + kTarget + " --seeds 1..6 --out " + dir + "j1.csv");
  EXPECT_EQ(plain.exit_code, 2) << plain.out;
}

TEST(SwarmSweep, RefusesKeysItDrawsAndModelsWithoutABroker) {
  auto r = choreo("sweep " + kTarget + " --swarm --seeds 1..2 --set broker.loss=1%");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      r.err,
      "--set broker.loss=1%: --swarm draws broker.loss in every run; set its range in [swarm] instead\n");
  r = choreo("sweep " + kTarget + " --swarm --seeds 1..2 --vary fault.swarm-cut.from=1s,2s");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      r.err,
      "--vary fault.swarm-cut.from: --swarm draws fault.swarm-cut in every run; vary its range in [swarm] "
      "instead\n");
  r = choreo("sweep scenarios/phold.ini --swarm --seeds 1..2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      r.err,
      "--swarm: model phold has no fault families to draw (no broker; [swarm] is the comments model's)\n");
  r = choreo("sweep " + kTarget + " --swarm --seeds 1..2 --set swarm.loss=120%");
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace choreo::testing
