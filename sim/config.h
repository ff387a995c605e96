// Loading a scenario: an INI file in Boost.Program_options config syntax
// ([section], key = value, # comments) plus `--set section.key=value`
// overrides, checked against a ConfigSchema into a Config of typed values.
//
//   Result<RawConfig> raw = read_config_file("scenarios/x.ini");
//   Result<Config> cfg = resolve_config(*raw, {"sqs.loss=1%"}, schema);
//   Time vt = cfg->duration("sqs.visibility_timeout");
//
// Every error is one line naming where (file:line, or `--set KEY`), the key,
// the bad value and what is allowed; an unknown key or section gets "did you
// mean". Examples (tests assert these texts):
//   x.ini:7: unknown key 'sqs.visibilty_timeout' (did you mean 'sqs.visibility_timeout'?)
//   x.ini:9: sqs.visibility_timeout = '31 s': expected a duration such as 30s or 250ms (units: us, ms, s,
//   min, h, d) x.ini:9: sqs.visibility_timeout = '13h': out of range (allowed: 0s..12h)
//   --set sqs.loss: '2': out of range (allowed: 0..1 or 0%..100%)
//   x.ini:3: expected 'key = value' or '[section]', got 'garbage'
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/config_schema.h"
#include "sim/distribution.h"
#include "sim/result.h"
#include "sim/time.h"

namespace choreo::sim {

// Where a value came from: a file line, an override, or the schema default.
struct Origin {
  std::string file;  // "" for defaults and overrides
  int line = 0;      // 0 unless from a file
  bool from_override = false;
  // "x.ini:7", "--set sqs.loss", or "default".
  std::string describe(std::string_view key) const;
};

struct RawEntry {
  std::string key;    // "section.key"
  std::string value;  // trimmed text
  Origin origin;
};

// The entries of a file in file order, syntax-checked but not typed.
struct RawConfig {
  std::string file;
  std::vector<RawEntry> entries;
};

// The largest scenario file read_config_file reads (the library's are a few KiB).
inline constexpr std::size_t kMaxScenarioBytes = std::size_t{1} << 20;

// Refuses a directory, a file (or device, or pipe) over kMaxScenarioBytes,
// and text that is not UTF-8 (naming the line and byte offset).
Result<RawConfig> read_config_file(const std::string& path);
// The same, from text (tests); `name` stands in for the file name.
Result<RawConfig> read_config_text(std::string_view text, const std::string& name);

// One effective value, as summary.json `config` and the run header show it.
struct EffectiveValue {
  std::string key;
  std::string value;
  std::string origin;  // "default", "file", or "--set"
};

class Config {
 public:
  // Typed getters. REQUIRES: the key is declared with that type (asserted).
  std::int64_t integer(std::string_view key) const;
  double number(std::string_view key) const;
  double probability(std::string_view key) const;
  Time duration(std::string_view key) const;
  double rate(std::string_view key) const;                       // per second
  const Distribution& distribution(std::string_view key) const;  // also kZipf
  bool flag(std::string_view key) const;
  const std::string& text(std::string_view key) const;  // kEnum, kString
  std::uint64_t bytes(std::string_view key) const;

  // Instance names of a pattern section, sorted: instances("replica") lists
  // "mirror" for [replica.mirror]. Defaults of "replica.*.k" apply per instance.
  std::vector<std::string> instances(std::string_view section) const;
  // The entries of an open section, one per key, in file order then
  // override order; an override of a key the file has replaces its entry
  // in place (later wins, as for every key).
  std::vector<RawEntry> open_entries(std::string_view section) const;

  // Every declared key (and instance key), sorted, with value text and origin.
  std::vector<EffectiveValue> effective() const;

  // An error about `key` located where its value came from, for checks that
  // span keys: error("kafka.partitions", "must be >= consumers (4)").
  Error error(std::string_view key, std::string_view message) const;

  const std::string& file() const { return file_; }

  struct Value;  // one typed value; defined in config.cc

 private:
  friend Result<Config> resolve_config(const RawConfig&, const std::vector<std::string>&,
                                       const ConfigSchema&);
  std::string file_;
  std::map<std::string, std::shared_ptr<const Value>, std::less<>> values_;
  std::vector<RawEntry> open_;
};

// Applies `overrides` ("section.key=value", later wins) over `raw`, checks
// every key against `schema` and types every value.
Result<Config> resolve_config(const RawConfig& raw, const std::vector<std::string>& overrides,
                              const ConfigSchema& schema);

// The closest candidate by edit distance, if close enough to suggest.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace choreo::sim
