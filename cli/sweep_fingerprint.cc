// The sweep fingerprint; see sweep_fingerprint.h.
#include "cli/sweep_fingerprint.h"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

#include "sim/rng.h"

namespace choreo::cli {

namespace {

std::string digest(std::string_view text) {
  const std::uint64_t h = sim::hash_name(text);
  return fmt::format("{:08x}", static_cast<std::uint32_t>(h ^ (h >> 32)));
}

// Every field that changes what a scenario means, one line per key.
std::string schema_text(const models::ModelKind& kind) {
  std::string text = fmt::format("model {}\n", kind.name);
  const auto schema = models::scenario_schema(kind);
  for (const auto& k : schema.keys()) {
    text += fmt::format("{}|{}|{}|{}|{}|", k.key, static_cast<int>(k.type), k.default_value, k.min, k.max);
    for (const auto& a : k.allowed) text += a + ",";
    text += "\n";
  }
  return text;
}

constexpr const char* kLabels[] = {"scenario:", "set:", "grid:", "model:"};

}  // namespace

std::string SweepFingerprint::text() const {
  return fmt::format("{}{} {}{} {}{} {}{}", kLabels[0], scenario, kLabels[1], overrides, kLabels[2], grid,
                     kLabels[3], model);
}

std::optional<SweepFingerprint> SweepFingerprint::parse(std::string_view text) {
  SweepFingerprint f;
  std::string* parts[] = {&f.scenario, &f.overrides, &f.grid, &f.model};
  for (std::size_t i = 0; i < 4; ++i) {
    const std::string_view label = kLabels[i];
    if (!text.starts_with(label) || text.size() < label.size() + 8) return std::nullopt;
    *parts[i] = std::string(text.substr(label.size(), 8));
    if (parts[i]->find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
    text.remove_prefix(label.size() + 8);
    if (i < 3) {
      if (!text.starts_with(' ')) return std::nullopt;
      text.remove_prefix(1);
    }
  }
  if (!text.empty()) return std::nullopt;
  return f;
}

std::string grid_digest(const Grid& grid) {
  std::string text = fmt::format("seeds {}..{}\n", grid.seeds.first, grid.seeds.last);
  for (const auto& v : grid.varies) {
    text += v.key + "=";
    for (const auto& value : v.values) text += value + ",";
    text += "\n";
  }
  return digest(text);
}

sim::Result<SweepFingerprint> fingerprint_sweep(const std::string& scenario_path,
                                                const std::vector<std::string>& overrides, const Grid& grid,
                                                const std::vector<const models::ModelKind*>& kinds) {
  std::ifstream in(scenario_path, std::ios::binary);
  if (!in) return sim::Error{fmt::format("{}: cannot open scenario file", scenario_path)};
  std::stringstream bytes;
  bytes << in.rdbuf();

  std::map<std::string, std::string> effective;  // later wins, as in resolve_config
  for (const auto& o : overrides) {
    const auto eq = o.find('=');
    effective[o.substr(0, eq)] = eq == std::string::npos ? "" : o.substr(eq + 1);
  }
  std::string set_text;
  for (const auto& [key, value] : effective) set_text += key + "=" + value + "\n";

  std::string model_text;
  for (const auto* kind : kinds) model_text += schema_text(*kind);

  return SweepFingerprint{digest(bytes.str()), digest(set_text), grid_digest(grid), digest(model_text)};
}

std::string describe_difference(const SweepFingerprint& a, const SweepFingerprint& b) {
  std::vector<const char*> parts;
  if (a.scenario != b.scenario) parts.push_back("scenario file");
  if (a.overrides != b.overrides) parts.push_back("--set overrides");
  if (a.grid != b.grid) parts.push_back("--seeds/--vary grid");
  if (a.model != b.model) parts.push_back("model keys or defaults");
  std::string text = "different ";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += i + 1 == parts.size() ? " and " : ", ";
    text += parts[i];
  }
  return text;
}

}  // namespace choreo::cli
