// `choreo keys`; see keys_command.h.
#include "cli/keys_command.h"

#include <fmt/format.h>

#include <boost/program_options.hpp>

#include "cli/exit_codes.h"
#include "cli/options.h"
#include "models/model.h"

namespace po = boost::program_options;

namespace choreo::cli {

namespace {

const char* type_name(sim::ValueType t) {
  switch (t) {
    case sim::ValueType::kInteger:
      return "integer";
    case sim::ValueType::kNumber:
      return "number";
    case sim::ValueType::kProbability:
      return "probability";
    case sim::ValueType::kDuration:
      return "duration";
    case sim::ValueType::kRate:
      return "rate";
    case sim::ValueType::kDistribution:
      return "distribution";
    case sim::ValueType::kZipf:
      return "zipf";
    case sim::ValueType::kBool:
      return "bool";
    case sim::ValueType::kEnum:
      return "one of";
    case sim::ValueType::kString:
      return "text";
    case sim::ValueType::kBytes:
      return "bytes";
  }
  return "?";
}

// What a key accepts, for every type: its bounds when it has them, else the
// type's own range.
std::string range_text(const sim::KeySpec& k) {
  if (k.type == sim::ValueType::kEnum) {
    std::string allowed;
    for (const auto& a : k.allowed) allowed += (allowed.empty() ? "" : "|") + a;
    return allowed;
  }
  const char* lowest = "";
  switch (k.type) {
    case sim::ValueType::kDuration:
      lowest = "0s";
      break;
    case sim::ValueType::kRate:
      lowest = "0/s";  // and a non-zero rate is at least one per 3650d (sim/units.h)
      break;
    case sim::ValueType::kBytes:
      lowest = "0B";
      break;
    case sim::ValueType::kProbability:
      return "0..1 or 0%..100%";
    case sim::ValueType::kDistribution:  // the bound is on the 99th percentile (sim/distribution.h)
      return "D | uniform:A..B | exp:M | normal:M,S | lognormal:M,S | pareto:X,A (durations), 99th "
             "percentile <= " +
             k.max;
    case sim::ValueType::kZipf:
      return "zipf:S, 0 < S <= 10";
    case sim::ValueType::kBool:
      return "true|false";
    case sim::ValueType::kString:
      return "any text";
    case sim::ValueType::kInteger:
      if (k.min.empty() && k.max.empty()) return "any whole number";
      break;
    case sim::ValueType::kNumber:
      if (k.min.empty() && k.max.empty()) return "any number";
      break;
    case sim::ValueType::kEnum:
      break;
  }
  const std::string low = k.min.empty() ? lowest : k.min;
  return k.max.empty() ? low + ".." : fmt::format("{}..{}", low, k.max);
}

void print_schema(const models::ModelKind& kind, std::ostream& out) {
  out << fmt::format("model {}: {}\n", kind.name, kind.summary);
  const auto schema = models::scenario_schema(kind);
  for (const auto& k : schema.keys()) {
    out << fmt::format("  {:<36} {:<12} default {:<10} {}\n      {}\n", k.key, type_name(k.type),
                       k.default_value.empty() ? "''" : k.default_value, range_text(k), k.help);
  }
  for (const auto& s : schema.open_sections()) {
    out << fmt::format("  [{}] takes any 'path = condition' entry (see README: expectations)\n", s);
  }
}

}  // namespace

int keys_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string model;
  bool help = false;
  po::options_description d("Options");
  d.add_options()("model", po::value(&model)->value_name("NAME"),
                  "only this model's keys (default: all models)")("help,h", po::bool_switch(&help),
                                                                  "show this help");
  if (auto parsed = parse_args(args, d, {}, "choreo keys"); !parsed) {
    err << parsed.error().message << "\n";
    return kExitBadInput;
  }
  if (help) {
    out << "Usage: choreo keys [--model NAME]\n\nLists every scenario key: type, default, range, meaning.\n\n"
        << d;
    return kExitHolds;
  }
  bool found = false;
  for (const auto& kind : models::model_kinds()) {
    if (!model.empty() && kind.name != model) continue;
    print_schema(kind, out);
    found = true;
  }
  if (!found) {
    std::string names;
    for (const auto& kind : models::model_kinds())
      names += fmt::format("{}{}", names.empty() ? "" : ", ", kind.name);
    err << fmt::format("choreo keys: --model '{}': unknown model (allowed: {})\n", model, names);
    return kExitBadInput;
  }
  return kExitHolds;
}

}  // namespace choreo::cli
