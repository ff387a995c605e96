// libFuzzer harness for the scenario reader: any bytes as a scenario file,
// through read_config_text and resolve_config against every model's schema,
// then the effective values into JSON (as summary.json's `config` does) and
// the [expect] entries against a small summary. Nothing may crash, throw,
// trip a sanitizer or assert, and every error must be one line of UTF-8.
// Run it with scripts/fuzz.sh; the seed corpus is scenarios/*.ini and the
// dictionary comes from the schemas (fuzz_inputs.cc).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "sim/config.h"
#include "sim/expectations.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

const nlohmann::json& summary() {
  static const nlohmann::json s = {
      {"converged", true},
      {"events_processed", 12},
      {"config", {{"run.duration", "1s"}, {"phold.processes", "10"}}},
      {"replicas", nlohmann::json::array({{{"name", "mirror"}, {"converged", false}, {"abs_error", 3}}})},
      {"delivery", {{"lost", 0}, {"latency_ms", {{"p50", 1.5}}}}}};
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace choreo;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto raw = sim::read_config_text(text, "fuzz.ini");
  if (!raw) {
    fuzz::check_error(raw.error());
    return 0;
  }
  for (const auto& schema : fuzz::all_schemas()) {
    auto config = sim::resolve_config(*raw, {}, schema);
    if (!config) {
      fuzz::check_error(config.error());
      continue;
    }
    nlohmann::json values = nlohmann::json::object();
    for (const auto& v : config->effective()) values[v.key] = v.value;
    (void)values.dump();  // throws on text that is not UTF-8
    auto checked = sim::check_expectations(summary(), config->open_entries("expect"));
    if (!checked) fuzz::check_error(checked.error());
  }
  return 0;
}
