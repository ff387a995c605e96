// Loading a scenario for a run: the file, the `--set` overrides and `--seed`,
// checked against the schema of the model the scenario names (`run.model`).
//
// Every failure is one line for the CLI to print before exiting 2.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/model.h"
#include "sim/config.h"
#include "sim/result.h"

namespace choreo::cli {

struct Scenario {
  std::string path;  // as given on the command line
  std::string name;  // file name without directory and .ini
  const models::ModelKind* kind = nullptr;
  std::vector<std::string> overrides;  // "section.key=value", as given (no seed)
  sim::Config config;                  // effective values, seed included
  std::uint64_t seed = 0;
  bool seed_from_flag = false;  // --seed was given
};

// REQUIRES: nothing; errors come back as values.
sim::Result<Scenario> load_scenario(const std::string& path, const std::vector<std::string>& overrides,
                                    const std::string& seed_text);

// The same from entries already read (`choreo shrink` builds them in memory);
// `path` names the scenario in messages and in Scenario::path.
sim::Result<Scenario> scenario_from_raw(const sim::RawConfig& raw, const std::string& path,
                                        const std::vector<std::string>& overrides,
                                        const std::string& seed_text);

// Parses a --seed value: a decimal integer in 0..2^63-1.
sim::Result<std::uint64_t> parse_seed(const std::string& text);

}  // namespace choreo::cli
