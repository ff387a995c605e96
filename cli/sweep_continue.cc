// Resuming a sweep; see sweep_continue.h.
#include "cli/sweep_continue.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/sweep_resume.h"

namespace choreo::cli {

namespace {

sim::Error foreign_csv(const std::string& path, const std::string& why) {
  return sim::Error{
      fmt::format("--out {}: {}; resume with the same command, or use another --out", path, why)};
}

// Every row must carry this sweep's fingerprint: rows of another command
// (another scenario, other overrides, another grid or model) are not resumed.
sim::Status check_fingerprints(const std::string& path, const SweepFingerprint& fingerprint,
                               const ExistingCsv& csv) {
  const std::string ours = fingerprint.text();
  for (std::size_t i = 0; i < csv.rows.size(); ++i) {
    const auto& row = csv.rows[i];
    if (row.size() == csv.header.size() && row.back() == ours) continue;
    const auto theirs = row.size() == csv.header.size() ? SweepFingerprint::parse(row.back()) : std::nullopt;
    if (!theirs) return foreign_csv(path, fmt::format("line {} has no readable fingerprint", i + 2));
    return foreign_csv(path, fmt::format("it was written by another sweep command ({})",
                                         describe_difference(*theirs, fingerprint)));
  }
  return sim::Ok{};
}

}  // namespace

sim::Result<Resumed> resume_sweep(const std::string& path, const Grid& grid, const Shard& shard,
                                  bool wall_time, const SweepFingerprint& fingerprint,
                                  std::vector<RunVerdict>& verdicts, ReplicaTally& tally) {
  auto csv = read_sweep_csv(path);
  if (!csv) return csv.error();
  if (!csv->has_header) return Resumed{};
  auto schema = schema_from_header(grid, wall_time, csv->header);
  if (!schema) return foreign_csv(path, schema.error().message);
  if (auto same = check_fingerprints(path, fingerprint, *csv); !same) return same.error();
  const std::string of_this = shard.whole() ? "this grid" : "shard " + shard.text() + " of this grid";
  if (csv->rows.size() > shard.size(grid.run_count())) {
    return foreign_csv(path, fmt::format("it has {} rows, more than the {} runs of {}", csv->rows.size(),
                                         shard.size(grid.run_count()), of_this));
  }
  const auto columns = schema->columns();
  for (std::size_t i = 0; i < csv->rows.size(); ++i) {
    const auto& row = csv->rows[i];
    const std::size_t run = shard.run_of(i);
    auto expected = grid.cell_values(grid.cell_of(run));
    expected.push_back(std::to_string(grid.seed_of(run)));
    if (!std::equal(expected.begin(), expected.end(), row.begin())) {
      std::string start;
      for (const auto& e : expected) start += (start.empty() ? "" : ",") + e;
      return foreign_csv(path, fmt::format("line {} is not run {} of {} (expected it to start {})", i + 2,
                                           run + 1, of_this, start));
    }
    verdicts[run] = {row[schema->holds_column()] == "1", row[schema->converged_column()] == "1"};
    tally.add_csv_row(grid.cell_of(run), schema->replicas, columns, row);
  }
  return Resumed{std::move(*schema), csv->rows.size()};
}

}  // namespace choreo::cli
