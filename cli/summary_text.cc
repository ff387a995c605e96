// Readable run report; see summary_text.h.
#include "cli/summary_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "cli/coverage_text.h"
#include "cli/report_sections.h"

namespace choreo::cli {

namespace {

void print_replicas(const nlohmann::json& replicas, std::ostream& out) {
  if (replicas.empty()) return;
  out << fmt::format("replicas\n  {:<22} {:<10} {:<14} {:<10} {:>13} {:>14} {:>10}\n", "name", "kind",
                     "strategy", "converged", "converged_at", "divergent_keys", "abs_error");
  for (const auto& r : replicas) {
    const auto& at = r.at("converged_at_s");
    out << fmt::format("  {:<22} {:<10} {:<14} {:<10} {:>13} {:>14} {:>10}\n",
                       r.at("name").get<std::string>(), r.at("kind").get<std::string>(),
                       r.at("strategy").get<std::string>(), r.at("converged").get<bool>() ? "yes" : "NO",
                       at.is_null() ? "-" : number_text(at) + "s", number_text(r.at("divergent_keys")),
                       number_text(r.at("abs_error")));
  }
  // Where the diverged ones differ: the first keys, owner's value vs the replica's.
  for (const auto& r : replicas) {
    if (!r.contains("divergent_examples") || r.at("divergent_examples").empty()) continue;
    std::string keys;
    for (const auto& k : r.at("divergent_examples")) {
      keys +=
          fmt::format("{}{} (owner {}, replica {})", keys.empty() ? "" : "; ", k.at("key").get<std::string>(),
                      number_text(k.at("owner")), number_text(k.at("replica")));
    }
    const auto more = r.at("divergent_keys").get<std::uint64_t>() - r.at("divergent_examples").size();
    out << fmt::format("  {} differs at: {}{}\n", r.at("name").get<std::string>(), keys,
                       more > 0 ? fmt::format("; and {} more", more) : "");
  }
}

}  // namespace

void print_header(const Scenario& scenario, bool verbose, std::ostream& out) {
  out << fmt::format("choreo run {}  model {}  seed {}\n", scenario.path, scenario.kind->name, scenario.seed);
  std::vector<sim::EffectiveValue> shown;
  std::size_t defaults = 0;
  for (auto& v : scenario.config.effective()) {
    const bool seed_flag = v.key == "run.seed" && scenario.seed_from_flag;
    if (seed_flag) v.origin = "--seed";
    if (!verbose && v.origin == "default") {
      ++defaults;
      continue;
    }
    shown.push_back(std::move(v));
  }
  std::size_t width = 0;
  for (const auto& v : shown) width = std::max(width, v.key.size());
  out << (verbose ? "options\n" : "options (set by the scenario or the command line)\n");
  for (const auto& v : shown) out << fmt::format("  {:<{}} = {:<16} {}\n", v.key, width, v.value, v.origin);
  if (defaults > 0) {
    out << fmt::format(
        "  and {} more at their defaults (--verbose lists every option; choreo keys explains them)\n",
        defaults);
  }
}

void print_results(const nlohmann::json& s, std::ostream& out) {
  const double wall = s.at("wall_time_s").get<double>();
  const auto events = s.at("events_processed").get<std::uint64_t>();
  out << fmt::format(
      "run\n  events           {} processed; {} s simulated in {:.3f} s wall ({:.2f} M events/s)\n", events,
      number_text(s.at("sim_time_s")), wall, wall > 0 ? static_cast<double>(events) / wall / 1e6 : 0.0);
  out << fmt::format("  trace hash       {}\n", s.at("trace_hash").get<std::string>());
  out << fmt::format("  converged        {}\n", s.at("converged").get<bool>() ? "yes" : "NO");
  print_replicas(s.at("replicas"), out);
  if (s.contains("delivery")) {
    const auto& config = s.at("config");
    print_delivery(s.at("delivery"), config.value("broker.kind", ""), out);
  }
  if (s.contains("coverage")) print_coverage(s.at("coverage"), out);
  if (s.contains("reads")) print_reads(s.at("reads"), out);
  if (s.contains("requests")) print_generic("requests", s.at("requests"), out);
  if (!s.at("expectations").empty()) {
    out << "expectations\n";
    for (const auto& e : s.at("expectations")) {
      out << fmt::format("  {:<4} {}  ({})\n", e.at("holds").get<bool>() ? "ok" : "FAIL",
                         e.at("name").get<std::string>(), e.at("detail").get<std::string>());
    }
  }
}

}  // namespace choreo::cli
