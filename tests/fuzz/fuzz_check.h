// What every fuzz harness checks about an error it provokes: the contract
// that bad input is ONE line of UTF-8 text (the CLI prints it and exits 2).
// A violation aborts, which libFuzzer reports as a crash with its input.
//
// The schemas the harnesses load scenarios against: every model's, built
// once (models/registry.cc lists them), so a new model is fuzzed too.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "models/model.h"
#include "sim/config_schema.h"
#include "sim/result.h"
#include "sim/text.h"

namespace choreo::fuzz {

inline void check_error(const sim::Error& e) {
  const std::string& m = e.message;
  if (m.empty() || m.find('\n') != std::string::npos || sim::invalid_utf8_at(m) != std::string::npos) {
    std::fprintf(stderr, "fuzz: an error message breaks the one-line contract: [%s]\n", m.c_str());
    std::abort();
  }
}

inline const std::vector<sim::ConfigSchema>& all_schemas() {
  static const std::vector<sim::ConfigSchema> schemas = [] {
    std::vector<sim::ConfigSchema> out;
    for (const auto& kind : models::model_kinds()) out.push_back(models::scenario_schema(kind));
    return out;
  }();
  return schemas;
}

}  // namespace choreo::fuzz
