// The schema of a scenario: every key a model accepts, with its type,
// default, allowed range and a one-line help that states the unit and, for
// defaults taken from real systems, their source.
//
//   ConfigSchema s;
//   s.add({.key = "sqs.visibility_timeout", .type = ValueType::kDuration,
//          .default_value = "30s", .min = "0s", .max = "12h",
//          .help = "a received message reappears after this unless deleted "
//                  "(SQS default 30 s, 0 s..12 h: CreateQueue docs)"});
//   s.add({.key = "replica.*.strategy", .type = ValueType::kEnum,
//          .default_value = "naive", .allowed = {"naive", "dedup-id"}});
//   s.add_open_section("expect");
//
// A `*` segment matches an instance name ([replica.mirror] declares the
// instance "mirror" of "replica.*"). An open section takes any key; its values
// are kept as text for the model (used by [expect]).
//
// Keys are "section.key" exactly as Boost.Program_options names them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace choreo::sim {

enum class ValueType {
  kInteger,       // whole number; min/max are integers
  kNumber,        // real number; min/max are numbers
  kProbability,   // 0..1 or a percentage
  kDuration,      // 30s; min/max are durations
  kRate,          // 200/s; min/max are rates
  kDistribution,  // a duration distribution (exp:20ms, ...)
  kZipf,          // zipf:1.1
  kBool,
  kEnum,    // one of `allowed`
  kString,  // free text (names)
  kBytes,   // 64MiB; min/max are byte sizes
};

// Bounds are inclusive, in the key's own syntax. Every duration key has
// both: add() fills in 0 and kMaxDuration (3650d) where none is stated. A
// distribution key's max bounds its 99th percentile (default kMaxDuration);
// it takes no min (draws are never negative).
struct KeySpec {
  std::string key;
  ValueType type = ValueType::kString;
  std::string default_value;  // parsed like a file value; must be valid
  std::string min;            // inclusive bound; "" = none
  std::string max;
  std::vector<std::string> allowed;  // kEnum only
  std::string help;
};

class ConfigSchema {
 public:
  // REQUIRES: the key is new, its default parses and lies within bounds, a
  // duration or distribution max is at most kMaxDuration.
  void add(KeySpec spec);
  void add_open_section(std::string section);

  // The spec for a concrete key ("replica.mirror.strategy" finds
  // "replica.*.strategy"), or nullptr.
  const KeySpec* find(std::string_view key) const;
  bool is_open_section(std::string_view section) const;
  const std::vector<KeySpec>& keys() const { return keys_; }
  const std::vector<std::string>& open_sections() const { return open_; }

 private:
  std::vector<KeySpec> keys_;
  std::vector<std::string> open_;
};

// "replica.mirror.strategy" matches "replica.*.strategy".
bool key_matches(std::string_view pattern, std::string_view key);

}  // namespace choreo::sim
