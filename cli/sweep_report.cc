// The end-of-sweep table; see sweep_report.h.
#include "cli/sweep_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>

namespace choreo::cli {

namespace {

std::string percent(std::size_t part, std::size_t whole) {
  return fmt::format("{:.1f}%",
                     whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

// One table row per cell: the varied values, then the counts.
std::vector<std::vector<std::string>> cell_rows(const Grid& grid, const std::vector<RunVerdict>& verdicts) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head;
  for (const auto& v : grid.varies) head.push_back(v.key);
  for (const char* h : {"runs", "hold", "failing", "all_replicas_converged"}) head.emplace_back(h);
  rows.push_back(head);
  const std::size_t seeds = grid.seeds.count();
  for (std::size_t cell = 0; cell < grid.cell_count(); ++cell) {
    const auto first = verdicts.begin() + static_cast<std::ptrdiff_t>(cell * seeds);
    const auto last = first + static_cast<std::ptrdiff_t>(seeds);
    const auto hold = static_cast<std::size_t>(std::count_if(first, last, [](auto& v) { return v.holds; }));
    const auto conv =
        static_cast<std::size_t>(std::count_if(first, last, [](auto& v) { return v.converged; }));
    auto row = grid.cell_values(cell);
    for (auto s : {std::to_string(seeds), std::to_string(hold), std::to_string(seeds - hold),
                   fmt::format("{} ({})", conv, percent(conv, seeds))}) {
      row.push_back(std::move(s));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// One row per replica, one column per cell: "19/20 95.0%".
std::vector<std::vector<std::string>> replica_rows(const Grid& grid, const ReplicaTally& tally) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = {"replica", "strategy"};
  for (std::size_t cell = 0; cell < grid.cell_count(); ++cell) {
    std::string name;
    for (const auto& v : grid.cell_values(cell)) name += (name.empty() ? "" : ",") + v;
    head.push_back(name.empty() ? "converged" : name);
  }
  rows.push_back(head);
  for (const auto& replica : tally.replicas()) {
    std::vector<std::string> row = {replica, tally.strategy(replica)};
    for (std::size_t cell = 0; cell < grid.cell_count(); ++cell) {
      const auto c = tally.count(cell, replica);
      row.push_back(c.runs == 0 ? "-"
                                : fmt::format("{}/{} {}", c.converged, c.runs, percent(c.converged, c.runs)));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void print_table(const std::vector<std::vector<std::string>>& rows, std::ostream& out) {
  std::vector<std::size_t> width(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += fmt::format("{:<{}}  ", row[i], width[i]);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << "  " << line << "\n";
  }
}

}  // namespace

void print_sweep_report(const Grid& grid, const std::vector<RunVerdict>& verdicts, const ReplicaTally& tally,
                        const std::function<std::string(std::size_t run)>& replay, std::ostream& out) {
  assert(verdicts.size() == grid.run_count());
  out << "per cell (" << grid.seeds.count() << " seeds each, " << grid.seeds.first << ".." << grid.seeds.last
      << "):\n";
  print_table(cell_rows(grid, verdicts), out);
  if (!tally.replicas().empty()) {
    std::string keys;
    for (const auto& v : grid.varies) keys += (keys.empty() ? "" : ",") + v.key;
    out << "per replica: runs in which it converged"
        << (keys.empty() ? std::string() : " (columns: " + keys + ")") << "\n";
    print_table(replica_rows(grid, tally), out);
  }
  const auto failing = std::count_if(verdicts.begin(), verdicts.end(), [](auto& v) { return !v.holds; });
  if (failing == 0) {
    out << "every run's expectations hold (" << verdicts.size() << " runs)\n";
    return;
  }
  out << fmt::format("failing runs (an expectation is violated): {} of {}\n", failing, verdicts.size());
  const std::size_t seeds = grid.seeds.count();
  for (std::size_t cell = 0; cell < grid.cell_count(); ++cell) {
    std::size_t shown = 0, hidden = 0;
    for (std::size_t run = cell * seeds; run < (cell + 1) * seeds; ++run) {
      if (verdicts[run].holds) continue;
      if (shown++ < kMaxReplaysPerCell) {
        out << "  " << replay(run) << "\n";
      } else {
        ++hidden;
      }
    }
    if (hidden > 0)
      out << fmt::format("  ... and {} more in this cell (rows with holds=0 in the CSV)\n", hidden);
  }
}

void print_shard_report(const Grid& grid, const Shard& shard, const std::vector<RunVerdict>& verdicts,
                        const std::function<std::string(std::size_t run)>& replay, std::ostream& out) {
  assert(verdicts.size() == grid.run_count());
  const std::size_t rows = shard.size(grid.run_count());
  std::vector<std::size_t> failing;
  for (std::size_t position = 0; position < rows; ++position) {
    if (!verdicts[shard.run_of(position)].holds) failing.push_back(shard.run_of(position));
  }
  out << fmt::format("shard {}: {} of the grid's {} runs, {} hold, {} failing\n", shard.text(), rows,
                     grid.run_count(), rows - failing.size(), failing.size());
  std::vector<std::size_t> shown(grid.cell_count(), 0);
  std::size_t hidden = 0;
  for (const auto run : failing) {
    if (shown[grid.cell_of(run)]++ < kMaxReplaysPerCell) {
      out << "  " << replay(run) << "\n";
    } else {
      ++hidden;
    }
  }
  if (hidden > 0) out << fmt::format("  ... and {} more (rows with holds=0 in the CSV)\n", hidden);
  out << "merge every shard's CSV into the whole sweep's with: choreo sweep-merge PART.csv... --out "
         "FILE.csv\n";
}

}  // namespace choreo::cli
