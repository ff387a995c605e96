// Scenario schemas; see config_schema.h.
#include "sim/config_schema.h"

#include <cassert>

#include "sim/units.h"

namespace choreo::sim {

bool key_matches(std::string_view pattern, std::string_view key) {
  for (;;) {
    const auto p_dot = pattern.find('.');
    const auto k_dot = key.find('.');
    const std::string_view p_seg = pattern.substr(0, p_dot);
    const std::string_view k_seg = key.substr(0, k_dot);
    if (k_seg.empty() || (p_seg != "*" && p_seg != k_seg)) return false;
    if (p_dot == std::string_view::npos || k_dot == std::string_view::npos) {
      return p_dot == std::string_view::npos && k_dot == std::string_view::npos;
    }
    pattern.remove_prefix(p_dot + 1);
    key.remove_prefix(k_dot + 1);
  }
}

void ConfigSchema::add(KeySpec spec) {
  assert(find(spec.key) == nullptr && "each key is declared once");
  assert(spec.key.find('.') != std::string::npos && "keys are section.key");
  const bool timed = spec.type == ValueType::kDuration || spec.type == ValueType::kDistribution;
  if (timed && spec.max.empty()) spec.max = format_duration(kMaxDuration);
  if (spec.type == ValueType::kDuration && spec.min.empty()) spec.min = std::string("0s");
  assert((!timed || *parse_duration(spec.max) <= kMaxDuration) && "durations stay within kMaxDuration");
  assert((spec.type != ValueType::kDistribution || spec.min.empty()) && "a distribution has no min");
  keys_.push_back(std::move(spec));
}

void ConfigSchema::add_open_section(std::string section) { open_.push_back(std::move(section)); }

const KeySpec* ConfigSchema::find(std::string_view key) const {
  for (const auto& spec : keys_) {
    if (spec.key == key) return &spec;
  }
  for (const auto& spec : keys_) {
    if (spec.key.find('*') != std::string::npos && key_matches(spec.key, key)) return &spec;
  }
  return nullptr;
}

bool ConfigSchema::is_open_section(std::string_view section) const {
  for (const auto& s : open_) {
    if (s == section) return true;
  }
  return false;
}

}  // namespace choreo::sim
