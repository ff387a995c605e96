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
  for (const char* h : {"runs", "hold", "converged", "convergence_rate", "failing"}) head.emplace_back(h);
  rows.push_back(head);
  const std::size_t seeds = grid.seeds.count();
  for (std::size_t cell = 0; cell < grid.cell_count(); ++cell) {
    const auto first = verdicts.begin() + static_cast<std::ptrdiff_t>(cell * seeds);
    const auto last = first + static_cast<std::ptrdiff_t>(seeds);
    const auto hold = static_cast<std::size_t>(std::count_if(first, last, [](auto& v) { return v.holds; }));
    const auto conv =
        static_cast<std::size_t>(std::count_if(first, last, [](auto& v) { return v.converged; }));
    auto row = grid.cell_values(cell);
    for (auto s : {std::to_string(seeds), std::to_string(hold), std::to_string(conv), percent(conv, seeds),
                   std::to_string(seeds - hold)}) {
      row.push_back(std::move(s));
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

void print_sweep_report(const Grid& grid, const std::vector<RunVerdict>& verdicts,
                        const std::function<std::string(std::size_t run)>& replay, std::ostream& out) {
  assert(verdicts.size() == grid.run_count());
  out << "convergence per cell (" << grid.seeds.count() << " seeds each, " << grid.seeds.first << ".."
      << grid.seeds.last << "):\n";
  print_table(cell_rows(grid, verdicts), out);
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

}  // namespace choreo::cli
