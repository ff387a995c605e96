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

// Feeds a resumed row's per-replica columns to the tally.
void tally_row(const RowSchema& schema, const std::vector<std::string>& columns,
               const std::vector<std::string>& row, std::size_t cell, ReplicaTally& tally) {
  for (const auto& name : schema.replicas) {
    const auto at = [&](const char* field) {
      const auto it = std::find(columns.begin(), columns.end(), fmt::format("replicas.{}.{}", name, field));
      return it == columns.end() ? std::string() : row[static_cast<std::size_t>(it - columns.begin())];
    };
    const std::string converged = at("converged");
    if (!converged.empty()) tally.add(cell, name, at("strategy"), converged == "1");
  }
}

}  // namespace

sim::Result<Resumed> resume_sweep(const std::string& path, const Grid& grid, bool wall_time,
                                  const SweepFingerprint& fingerprint, std::vector<RunVerdict>& verdicts,
                                  ReplicaTally& tally) {
  auto csv = read_sweep_csv(path);
  if (!csv) return csv.error();
  if (!csv->has_header) return Resumed{};
  auto schema = schema_from_header(grid, wall_time, csv->header);
  if (!schema) return foreign_csv(path, schema.error().message);
  if (auto same = check_fingerprints(path, fingerprint, *csv); !same) return same.error();
  if (csv->rows.size() > grid.run_count()) {
    return foreign_csv(path, fmt::format("it has {} rows, more than this grid's {} runs", csv->rows.size(),
                                         grid.run_count()));
  }
  const auto columns = schema->columns();
  for (std::size_t i = 0; i < csv->rows.size(); ++i) {
    const auto& row = csv->rows[i];
    auto expected = grid.cell_values(grid.cell_of(i));
    expected.push_back(std::to_string(grid.seed_of(i)));
    if (!std::equal(expected.begin(), expected.end(), row.begin())) {
      std::string start;
      for (const auto& e : expected) start += (start.empty() ? "" : ",") + e;
      return foreign_csv(path, fmt::format("line {} is not run {} of this grid (expected it to start {})",
                                           i + 2, i + 1, start));
    }
    verdicts[i] = {row[schema->holds_column()] == "1", row[schema->converged_column()] == "1"};
    tally_row(*schema, columns, row, grid.cell_of(i), tally);
  }
  return Resumed{std::move(*schema), csv->rows.size()};
}

}  // namespace choreo::cli
