// Per-replica convergence tallies; see sweep_tally.h.
#include "cli/sweep_tally.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/sweep_csv.h"

namespace choreo::cli {

void ReplicaTally::add(std::size_t cell, const std::string& replica, const std::string& strategy,
                       bool converged) {
  std::lock_guard lock(mutex_);
  auto& r = replicas_[replica];
  if (r.by_cell.empty()) r.by_cell.resize(cells_);
  if (!strategy.empty()) r.strategies.insert(strategy);
  auto& c = r.by_cell.at(cell);
  c.converged += converged ? 1 : 0;
  ++c.runs;
}

void ReplicaTally::add_summary(std::size_t cell, const nlohmann::json& summary) {
  const auto it = summary.find("replicas");
  if (it == summary.end() || !it->is_array()) return;
  for (const auto& r : *it) {
    if (!r.is_object() || !r.contains("name")) continue;
    add(cell, r.value("name", ""), r.value("strategy", ""), r.value("converged", false));
  }
}

void ReplicaTally::add_csv_row(std::size_t cell, const std::vector<std::string>& replicas,
                               const std::vector<std::string>& columns, const std::vector<std::string>& row) {
  for (const auto& name : replicas) {
    const auto at = [&](const char* field) {
      const auto it = std::find(columns.begin(), columns.end(), fmt::format("replicas.{}.{}", name, field));
      return it == columns.end() ? std::string() : row.at(static_cast<std::size_t>(it - columns.begin()));
    };
    const std::string converged = at("converged");
    if (!converged.empty()) add(cell, name, at("strategy"), converged == "1");
  }
}

std::vector<std::string> ReplicaTally::replicas() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> names;
  for (const auto& [name, _] : replicas_) names.push_back(name);
  return names;
}

std::string ReplicaTally::strategy(const std::string& replica) const {
  std::lock_guard lock(mutex_);
  std::string text;
  const auto it = replicas_.find(replica);
  if (it == replicas_.end()) return text;
  for (const auto& s : it->second.strategies) text += (text.empty() ? "" : "/") + s;
  return text;
}

ReplicaTally::Count ReplicaTally::count(std::size_t cell, const std::string& replica) const {
  std::lock_guard lock(mutex_);
  const auto it = replicas_.find(replica);
  return it == replicas_.end() ? Count{} : it->second.by_cell.at(cell);
}

std::string cells_csv(const Grid& grid, const ReplicaTally& tally) {
  std::vector<std::string> header;
  for (const auto& v : grid.varies) header.push_back(v.key);
  for (const char* h : {"replica", "strategy", "runs", "converged", "convergence_rate"})
    header.emplace_back(h);
  std::string text = csv_line(header);
  const auto names = tally.replicas();
  for (std::size_t cell = 0; cell < grid.cell_count(); ++cell) {
    for (const auto& name : names) {
      const auto c = tally.count(cell, name);
      auto row = grid.cell_values(cell);
      row.push_back(name);
      row.push_back(tally.strategy(name));
      row.push_back(std::to_string(c.runs));
      row.push_back(std::to_string(c.converged));
      row.push_back(
          c.runs == 0
              ? ""
              : nlohmann::json(static_cast<double>(c.converged) / static_cast<double>(c.runs)).dump());
      text += csv_line(row);
    }
  }
  return text;
}

std::string cells_csv_path(const std::string& out) {
  const std::string suffix = ".csv";
  const bool has_suffix = out.size() > suffix.size() && out.ends_with(suffix);
  return (has_suffix ? out.substr(0, out.size() - suffix.size()) : out) + ".cells.csv";
}

OutputStatus write_cells_csv(const std::string& out, const Grid& grid, const ReplicaTally& tally) {
  if (tally.replicas().empty()) return std::nullopt;
  return write_path_atomically(cells_csv_path(out), cells_csv(grid, tally), "--out");
}

}  // namespace choreo::cli
