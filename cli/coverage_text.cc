// The coverage section and the inert-fault warnings; see coverage_text.h.
#include "cli/coverage_text.h"

#include <fmt/format.h>

#include "cli/report_sections.h"

namespace choreo::cli {

namespace {

std::string config_text(const nlohmann::json& config, const std::string& key) {
  const auto it = config.find(key);
  return it != config.end() && it->is_string() ? it->get<std::string>() : "";
}

// What firing would have meant for `key` (a knob, or a [fault.NAME] of `kind`).
std::string never(const std::string& key, const std::string& kind) {
  if (key == "broker.loss") return "no copy was lost to it";
  if (key == "broker.duplicate") return "no copy was duplicated";
  if (key == "broker.delay") return "no delivery was reordered";
  if (key == "broker.handler_error") return "no handler failed";
  if (key == "broker.crash_rate") return "no worker crashed";
  if (kind == "drop") return "no copy was dropped: check its topic and nth";
  if (kind == "crash") return "no running worker crashed: check its service, worker and at";
  return "no subscription was cut: check its service and from";
}

}  // namespace

void print_coverage(const nlohmann::json& coverage, std::ostream& out) {
  out << "coverage (how often each fault and mechanism fired)\n";
  std::string configured;
  for (const auto& [key, fired] : coverage.at("configured").items())
    configured += fmt::format("{}{} {}", configured.empty() ? "" : ", ", key, number_text(fired));
  out << fmt::format("  {:<16} {}\n", "configured", configured.empty() ? "none" : configured);
  std::string mechanisms;
  for (const auto& [key, count] : coverage.items()) {
    if (key == "configured" || !count.is_number() || count.get<double>() == 0) continue;
    mechanisms += fmt::format("{}{} {}", mechanisms.empty() ? "" : ", ", key, number_text(count));
  }
  out << fmt::format("  {:<16} {}{}\n", "fired", mechanisms.empty() ? "nothing" : mechanisms,
                     mechanisms.empty() ? "" : " (every other mechanism 0)");
}

std::vector<std::string> inert_fault_warnings(const nlohmann::json& summary) {
  std::vector<std::string> lines;
  const auto it = summary.find("coverage");
  if (it == summary.end()) return lines;
  const nlohmann::json empty = nlohmann::json::object();
  const nlohmann::json& config = summary.contains("config") ? summary.at("config") : empty;
  for (const auto& [key, fired] : it->at("configured").items()) {
    if (fired.get<std::uint64_t>() != 0) continue;
    const bool scripted = key.rfind("fault.", 0) == 0;
    const std::string kind = scripted ? config_text(config, key + ".kind") : "";
    const std::string as = scripted ? fmt::format(" (kind = {})", kind) : " = " + config_text(config, key);
    lines.push_back(fmt::format("choreo: warning: {}{} is configured but never fired in this run ({})", key,
                                as, never(key, kind)));
  }
  return lines;
}

}  // namespace choreo::cli
