// libFuzzer harness for `--set` values: the first byte picks a declared key
// (of any model's schema; a `*` instance becomes "f"), the rest is its value;
// a first byte of 0xFF makes the rest the whole SECTION.KEY=VALUE text, so
// keys are fuzzed too. resolve_config must answer with a typed Config or one
// line of UTF-8, never a crash, an exception or a sanitizer report. Seeds and
// dictionary: every key's default, min and max (fuzz_inputs.cc).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/config.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

// Every key of every schema, "replica.*.kind" as "replica.f.kind".
const std::vector<std::string>& keys() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> out;
    for (const auto& schema : choreo::fuzz::all_schemas()) {
      for (const auto& spec : schema.keys()) {
        std::string key = spec.key;
        if (const auto star = key.find('*'); star != std::string::npos) key.replace(star, 1, "f");
        out.push_back(key);
      }
    }
    return out;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace choreo;
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string text = data[0] == 0xFF ? rest : keys()[data[0] % keys().size()] + "=" + rest;
  for (const auto& schema : fuzz::all_schemas()) {
    auto config = sim::resolve_config(sim::RawConfig{}, {text}, schema);
    if (!config) fuzz::check_error(config.error());
  }
  return 0;
}
