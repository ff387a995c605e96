// Scenario loading; see scenario.h.
#include "cli/scenario.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "sim/text.h"

namespace choreo::cli {

namespace {

// The model named by the last `run.model` override, else the file, else the
// schema default.
sim::Result<const models::ModelKind*> pick_model(const sim::RawConfig& raw,
                                                 const std::vector<std::string>& overrides) {
  std::string name = "comments";
  std::string where;
  for (const auto& entry : raw.entries) {
    if (entry.key == "run.model") {
      name = entry.value;
      where = entry.origin.describe(entry.key);
    }
  }
  for (const auto& text : overrides) {
    const auto eq = text.find('=');
    if (eq != std::string::npos && text.substr(0, eq) == "run.model") {
      name = text.substr(eq + 1);
      where = "--set run.model";
    }
  }
  if (const auto* kind = models::find_model_kind(name)) return kind;
  std::string allowed;
  for (const auto& kind : models::model_kinds()) {
    allowed += allowed.empty() ? "" : ", ";
    allowed += kind.name;
  }
  return sim::Error{fmt::format("{}: run.model = '{}': unknown model (allowed: {})", where, name, allowed)};
}

}  // namespace

sim::Result<std::uint64_t> parse_seed(const std::string& text) {
  std::uint64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value > INT64_MAX) {
    return sim::Error{fmt::format("--seed: '{}': expected an integer in 0..9223372036854775807", text)};
  }
  return value;
}

sim::Result<Scenario> load_scenario(const std::string& path, const std::vector<std::string>& overrides,
                                    const std::string& seed_text) {
  // The path reaches summary.json (the scenario's name) and every message.
  const auto bad_utf8 = sim::invalid_utf8_at(path);
  const auto bad = std::min(bad_utf8, sim::control_char_at(path));
  if (bad != std::string::npos) {
    return sim::Error{
        fmt::format("{}: the scenario's file name has {} byte 0x{:02X} at offset {}; rename the file",
                    sim::printable(path), bad == bad_utf8 ? "a non-UTF-8" : "a control",
                    static_cast<unsigned char>(path[bad]), bad)};
  }
  auto raw = sim::read_config_file(path);
  if (!raw) return raw.error();
  return scenario_from_raw(*raw, path, overrides, seed_text);
}

sim::Result<Scenario> scenario_from_raw(const sim::RawConfig& raw, const std::string& path,
                                        const std::vector<std::string>& overrides,
                                        const std::string& seed_text) {
  auto kind = pick_model(raw, overrides);
  if (!kind) return kind.error();

  std::vector<std::string> all = overrides;
  if (!seed_text.empty()) {
    auto seed = parse_seed(seed_text);
    if (!seed) return seed.error();
    all.push_back("run.seed=" + seed_text);
  }
  auto config = sim::resolve_config(raw, all, models::scenario_schema(**kind));
  if (!config) return config.error();

  Scenario s;
  s.path = path;
  s.name = std::filesystem::path(path).stem().string();
  s.kind = *kind;
  s.overrides = overrides;
  s.seed = static_cast<std::uint64_t>(config->integer("run.seed"));
  s.seed_from_flag = !seed_text.empty();
  s.config = std::move(*config);
  return s;
}

}  // namespace choreo::cli
