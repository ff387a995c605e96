// Readable run report; see summary_text.h.
#include "cli/summary_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace choreo::cli {

namespace {

std::string number(const nlohmann::json& v) {
  if (v.is_number_float()) return fmt::format("{:.6g}", v.get<double>());
  return v.dump();
}

void print_section_values(const char* title, const nlohmann::json& obj, std::ostream& out) {
  out << title << "\n";
  for (const auto& [key, value] : obj.items()) {
    if (key == "by_topic") continue;  // in summary.json
    if (value.is_array()) {           // a curve of {t_s, p_fresh, ...}
      std::string points;
      for (const auto& p : value) {
        if (p.contains("t_s") && p.contains("p_fresh")) {
          points += fmt::format("{}{}s:{:.3f}", points.empty() ? "" : "  ", number(p.at("t_s")),
                                p.at("p_fresh").get<double>());
        }
      }
      out << fmt::format("  {:<16} {}\n", key, points);
      continue;
    }
    if (value.is_object()) {
      std::string inner;
      for (const auto& [k, v] : value.items()) {
        if (v.is_number() && v == 0 && key == "lost_by_reason") continue;
        inner += fmt::format("{}{}={}", inner.empty() ? "" : "  ", k, v.is_object() ? v.dump() : number(v));
      }
      out << fmt::format("  {:<16} {}\n", key, inner);
    } else {
      out << fmt::format("  {:<16} {}\n", key, number(value));
    }
  }
}

void print_replicas(const nlohmann::json& replicas, std::ostream& out) {
  if (replicas.empty()) return;
  out << fmt::format("replicas\n  {:<22} {:<10} {:<14} {:<10} {:>13} {:>14} {:>10}\n", "name", "kind",
                     "strategy", "converged", "converged_at", "divergent_keys", "abs_error");
  for (const auto& r : replicas) {
    const auto& at = r.at("converged_at_s");
    out << fmt::format("  {:<22} {:<10} {:<14} {:<10} {:>13} {:>14} {:>10}\n",
                       r.at("name").get<std::string>(), r.at("kind").get<std::string>(),
                       r.at("strategy").get<std::string>(), r.at("converged").get<bool>() ? "yes" : "NO",
                       at.is_null() ? "-" : number(at) + "s", number(r.at("divergent_keys")),
                       number(r.at("abs_error")));
  }
  // Where the diverged ones differ: the first keys, owner's value vs the replica's.
  for (const auto& r : replicas) {
    if (!r.contains("divergent_examples") || r.at("divergent_examples").empty()) continue;
    std::string keys;
    for (const auto& k : r.at("divergent_examples")) {
      keys += fmt::format("{}{} (owner {}, replica {})", keys.empty() ? "" : "; ",
                          k.at("key").get<std::string>(), number(k.at("owner")), number(k.at("replica")));
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
      number(s.at("sim_time_s")), wall, wall > 0 ? static_cast<double>(events) / wall / 1e6 : 0.0);
  out << fmt::format("  trace hash       {}\n", s.at("trace_hash").get<std::string>());
  out << fmt::format("  converged        {}\n", s.at("converged").get<bool>() ? "yes" : "NO");
  print_replicas(s.at("replicas"), out);
  for (const char* section : {"delivery", "reads", "requests"}) {
    if (s.contains(section)) print_section_values(section, s.at(section), out);
  }
  if (!s.at("expectations").empty()) {
    out << "expectations\n";
    for (const auto& e : s.at("expectations")) {
      out << fmt::format("  {:<4} {}  ({})\n", e.at("holds").get<bool>() ? "ok" : "FAIL",
                         e.at("name").get<std::string>(), e.at("detail").get<std::string>());
    }
  }
}

}  // namespace choreo::cli
