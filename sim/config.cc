// Checking scenario entries against a schema and typing them; see config.h.
#include "sim/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <set>

#include "sim/text.h"
#include "sim/units.h"

namespace choreo::sim {

struct Config::Value {
  ValueType type = ValueType::kString;
  bool from_pattern = false;  // declared by a `*` key
  std::string text;           // normalised
  Origin origin;
  bool is_default = false;
  std::int64_t integer = 0;
  double number = 0;  // numbers, probabilities, rates
  Time duration = 0;
  std::uint64_t bytes = 0;
  bool flag = false;
  Distribution distribution;
};

namespace {

std::string section_of(std::string_view key) { return std::string(key.substr(0, key.find('.'))); }

// "<where>: <key> = '<value>': <message>", or "--set <key>: '<value>': <message>".
// Key and value are the user's text, escaped to keep the message one line.
std::string located(const Origin& origin, std::string_view key_text, std::string_view value_text,
                    std::string_view message) {
  const std::string key = printable(key_text);
  const std::string value = printable(value_text);
  if (origin.from_override) return fmt::format("--set {}: '{}': {}", key, value, message);
  if (origin.line == 0) return fmt::format("{} (default '{}'): {}", key, value, message);
  return fmt::format("{}: {} = '{}': {}", origin.describe(key), key, value, message);
}

std::string bounds_text(const KeySpec& spec) {
  if (!spec.min.empty() && !spec.max.empty()) return fmt::format("{}..{}", spec.min, spec.max);
  if (!spec.min.empty()) return ">= " + spec.min;
  return "<= " + spec.max;
}

// Parses `text` as spec's type into `v`; returns an error message or "".
std::string parse_value(const KeySpec& spec, std::string_view text, Config::Value& v);

// The value of a bound as a comparable number (0 for types without bounds).
double magnitude(const Config::Value& v) {
  switch (v.type) {
    case ValueType::kInteger:
      return static_cast<double>(v.integer);
    case ValueType::kDuration:
      return static_cast<double>(v.duration);
    case ValueType::kBytes:
      return static_cast<double>(v.bytes);
    default:
      return v.number;
  }
}

// A distribution's bound is on its 99th percentile, in microseconds.
std::string check_p99(const KeySpec& spec, const Distribution& d) {
  const auto max = parse_duration(spec.max);
  assert(max && "schema bounds must parse");
  const double p99 = d.p99();
  if (p99 <= static_cast<double>(*max)) return "";
  return fmt::format("out of range: its 99th percentile, {}, is {:.3g}s (allowed: at most {})",
                     d.p99_formula(), p99 / 1e6, spec.max);
}

std::string check_bounds(const KeySpec& spec, const Config::Value& v) {
  if (spec.type == ValueType::kDistribution) return check_p99(spec, v.distribution);
  for (const std::string* bound : {&spec.min, &spec.max}) {
    if (bound->empty()) continue;
    Config::Value b;
    b.type = spec.type;
    [[maybe_unused]] const std::string bad = parse_value(spec, *bound, b);
    assert(bad.empty() && "schema bounds must parse");
    const bool low = bound == &spec.min;
    if (low ? magnitude(v) < magnitude(b) : magnitude(v) > magnitude(b)) {
      return fmt::format("out of range (allowed: {})", bounds_text(spec));
    }
  }
  return "";
}

std::string parse_enum(const KeySpec& spec, std::string_view text, Config::Value& v) {
  if (std::find(spec.allowed.begin(), spec.allowed.end(), text) != spec.allowed.end()) {
    v.text = std::string(text);
    return "";
  }
  std::string list;
  for (const auto& a : spec.allowed) list += (list.empty() ? "" : ", ") + a;
  const std::string guess = did_you_mean(text, spec.allowed);
  return fmt::format("expected one of {}{}", list,
                     guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess));
}

template <class T>
std::string take(Result<T> r, T& out) {
  if (!r) return r.error().message;
  out = *r;
  return "";
}

std::string parse_value(const KeySpec& spec, std::string_view text, Config::Value& v) {
  v.type = spec.type;
  v.from_pattern = spec.key.find('*') != std::string::npos;
  v.text = std::string(text);
  if (text.empty() && spec.type != ValueType::kString) return "expected a value";
  std::string error;
  switch (spec.type) {
    case ValueType::kInteger:
      error = take(parse_integer(text), v.integer);
      break;
    case ValueType::kNumber:
      error = take(parse_number(text), v.number);
      break;
    case ValueType::kProbability:
      error = take(parse_probability(text), v.number);
      break;
    case ValueType::kDuration:
      error = take(parse_duration(text), v.duration);
      if (error.empty()) v.text = format_duration(v.duration);
      break;
    case ValueType::kRate:
      error = take(parse_rate(text), v.number);
      break;
    case ValueType::kDistribution:
      error = take(parse_duration_distribution(text), v.distribution);
      break;
    case ValueType::kZipf:
      error = take(parse_zipf(text), v.distribution);
      break;
    case ValueType::kBool:
      error = take(parse_bool(text), v.flag);
      break;
    case ValueType::kBytes:
      error = take(parse_bytes(text), v.bytes);
      break;
    case ValueType::kEnum:
      error = parse_enum(spec, text, v);
      break;
    case ValueType::kString:
      break;
  }
  return error;
}

// Every key a did-you-mean may suggest for `key`: concrete keys, and pattern
// keys with their `*` replaced by the matching segment of `key`.
std::vector<std::string> candidates_for(const ConfigSchema& schema, std::string_view key) {
  std::vector<std::string> out;
  const std::string instance = [&] {
    const auto first = key.find('.');
    const auto second = key.find('.', first + 1);
    return first == std::string_view::npos || second == std::string_view::npos
               ? std::string()
               : std::string(key.substr(first + 1, second - first - 1));
  }();
  for (const auto& spec : schema.keys()) {
    const auto star = spec.key.find('*');
    if (star == std::string::npos) {
      out.push_back(spec.key);
    } else if (!instance.empty()) {
      out.push_back(spec.key.substr(0, star) + instance + spec.key.substr(star + 1));
    }
  }
  return out;
}

bool section_known(const ConfigSchema& schema, std::string_view section) {
  if (schema.is_open_section(section)) return true;
  for (const auto& spec : schema.keys()) {
    if (section_of(spec.key) == section) return true;
  }
  return false;
}

std::string unknown_key_message(const ConfigSchema& schema, const RawEntry& e) {
  const std::string key = printable(e.key);
  const std::string where = e.origin.from_override ? "--set " + key : e.origin.describe(key);
  const std::string section = section_of(e.key);
  if (e.key.find('.') == std::string::npos) {
    return fmt::format("{}: key '{}' is outside any [section]", where, key);
  }
  if (!section_known(schema, section)) {
    std::vector<std::string> sections;
    for (const auto& spec : schema.keys()) sections.push_back(section_of(spec.key));
    for (const auto& s : schema.open_sections()) sections.push_back(s);
    const std::string guess = did_you_mean(section, sections);
    return fmt::format("{}: unknown section '[{}]'{}", where, printable(section),
                       guess.empty() ? "" : fmt::format(" (did you mean '[{}]'?)", guess));
  }
  const std::string guess = did_you_mean(e.key, candidates_for(schema, e.key));
  return fmt::format("{}: unknown key '{}'{}", where, key,
                     guess.empty() ? fmt::format(" (see choreo keys)")
                                   : fmt::format(" (did you mean '{}'?)", printable(guess)));
}

Result<std::vector<RawEntry>> override_entries(const std::vector<std::string>& overrides) {
  std::vector<RawEntry> out;
  for (const auto& text : overrides) {
    if (const auto bad = invalid_utf8_at(text); bad != std::string::npos) {
      return Error{
          fmt::format("--set '{}': invalid UTF-8 byte 0x{:02X} at offset {} (--set takes UTF-8 text)",
                      printable(text), static_cast<unsigned char>(text[bad]), bad)};
    }
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Error{fmt::format("--set '{}': expected SECTION.KEY=VALUE", printable(text))};
    }
    out.push_back(RawEntry{text.substr(0, eq), text.substr(eq + 1), Origin{"", 0, true}});
  }
  return out;
}

}  // namespace

Result<Config> resolve_config(const RawConfig& raw, const std::vector<std::string>& overrides,
                              const ConfigSchema& schema) {
  auto extra = override_entries(overrides);
  if (!extra) return extra.error();
  std::vector<RawEntry> entries = raw.entries;
  entries.insert(entries.end(), extra->begin(), extra->end());

  Config config;
  config.file_ = raw.file;
  for (const auto& e : entries) {
    if (schema.is_open_section(section_of(e.key)) && e.key.find('.') != std::string::npos) {
      // Later wins, as for every key: an override replaces the entry in place.
      const auto same = std::find_if(config.open_.begin(), config.open_.end(),
                                     [&](const RawEntry& o) { return o.key == e.key; });
      if (same != config.open_.end()) {
        *same = e;
      } else {
        config.open_.push_back(e);
      }
      continue;
    }
    const KeySpec* spec = schema.find(e.key);
    if (spec == nullptr) return Error{unknown_key_message(schema, e)};
    auto v = std::make_shared<Config::Value>();
    v->origin = e.origin;
    std::string error;
    if (const auto at = control_char_at(e.value); at != std::string::npos) {
      error = fmt::format("control character {} at offset {} (a value is one line of text)",
                          printable(e.value.substr(at, 1)), at);
    }
    if (error.empty()) error = parse_value(*spec, e.value, *v);
    if (error.empty()) error = check_bounds(*spec, *v);
    if (!error.empty()) return Error{located(e.origin, e.key, e.value, error)};
    config.values_[e.key] = std::move(v);  // later entries (overrides) win
  }
  // Defaults: concrete keys, and pattern keys for every instance present.
  for (const auto& spec : schema.keys()) {
    std::vector<std::string> keys;
    const auto star = spec.key.find('*');
    if (star == std::string::npos) {
      keys.push_back(spec.key);
    } else {
      for (const auto& inst : config.instances(spec.key.substr(0, star - 1))) {
        keys.push_back(spec.key.substr(0, star) + inst + spec.key.substr(star + 1));
      }
    }
    for (const auto& key : keys) {
      if (config.values_.count(key) != 0) continue;
      auto v = std::make_shared<Config::Value>();
      v->is_default = true;
      [[maybe_unused]] const std::string error = parse_value(spec, spec.default_value, *v);
      assert(error.empty() && "schema defaults must parse");
      config.values_[key] = std::move(v);
    }
  }
  return config;
}

// --- Config getters ---

namespace {

const Config::Value& lookup(
    const std::map<std::string, std::shared_ptr<const Config::Value>, std::less<>>& values,
    std::string_view key, ValueType type) {
  const auto it = values.find(key);
  assert(it != values.end() && "the key must be declared in the schema");
  assert(it->second->type == type && "the getter must match the key's type");
  (void)type;
  return *it->second;
}

}  // namespace

std::int64_t Config::integer(std::string_view key) const {
  return lookup(values_, key, ValueType::kInteger).integer;
}
double Config::number(std::string_view key) const { return lookup(values_, key, ValueType::kNumber).number; }
double Config::probability(std::string_view key) const {
  return lookup(values_, key, ValueType::kProbability).number;
}
Time Config::duration(std::string_view key) const {
  return lookup(values_, key, ValueType::kDuration).duration;
}
double Config::rate(std::string_view key) const { return lookup(values_, key, ValueType::kRate).number; }
bool Config::flag(std::string_view key) const { return lookup(values_, key, ValueType::kBool).flag; }
std::uint64_t Config::bytes(std::string_view key) const {
  return lookup(values_, key, ValueType::kBytes).bytes;
}

const Distribution& Config::distribution(std::string_view key) const {
  const auto it = values_.find(key);
  assert(it != values_.end());
  assert(it->second->type == ValueType::kDistribution || it->second->type == ValueType::kZipf);
  return it->second->distribution;
}

const std::string& Config::text(std::string_view key) const {
  const auto it = values_.find(key);
  assert(it != values_.end());
  assert(it->second->type == ValueType::kEnum || it->second->type == ValueType::kString);
  return it->second->text;
}

std::vector<std::string> Config::instances(std::string_view section) const {
  std::set<std::string> names;
  const std::string prefix = std::string(section) + ".";
  for (const auto& [key, value] : values_) {
    if (key.rfind(prefix, 0) != 0 || !value->from_pattern) continue;
    const auto rest = std::string_view(key).substr(prefix.size());
    names.insert(std::string(rest.substr(0, rest.find('.'))));
  }
  return {names.begin(), names.end()};
}

std::vector<RawEntry> Config::open_entries(std::string_view section) const {
  std::vector<RawEntry> out;
  for (const auto& e : open_) {
    if (section_of(e.key) == section) out.push_back(e);
  }
  return out;
}

std::vector<EffectiveValue> Config::effective() const {
  std::vector<EffectiveValue> out;
  for (const auto& [key, v] : values_) {
    const char* origin = v->is_default ? "default" : v->origin.from_override ? "--set" : "file";
    out.push_back(EffectiveValue{key, v->text, origin});
  }
  return out;
}

Error Config::error(std::string_view key, std::string_view message) const {
  const auto it = values_.find(key);
  assert(it != values_.end());
  return Error{located(it->second->origin, key, it->second->text, message)};
}

}  // namespace choreo::sim
