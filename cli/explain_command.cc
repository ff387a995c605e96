// `choreo explain`; see explain_command.h.
#include "cli/explain_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/program_options.hpp>

#include "cli/exit_codes.h"
#include "cli/explain_key.h"
#include "cli/fate_log.h"
#include "cli/options.h"
#include "cli/run_one.h"
#include "sim/units.h"

namespace po = boost::program_options;

namespace choreo::cli {

namespace {

struct ExplainArgs {
  std::string scenario, seed, replica;
  std::vector<std::string> sets;
  std::string keys = "3";
  bool help = false;
};

po::options_description explain_options(ExplainArgs& a) {
  po::options_description d("Options");
  d.add_options()("seed", po::value(&a.seed)->value_name("N"),
                  "run seed (default: the scenario's run.seed, else 1)")(
      "set", po::value(&a.sets)->value_name("SECTION.KEY=VALUE")->composing(),
      "override a scenario key; repeatable")("replica", po::value(&a.replica)->value_name("NAME"),
                                             "explain only this replica (default: every diverged one)")(
      "keys", po::value(&a.keys)->value_name("N"),
      "divergent keys to explain per replica, 1..5 (default: 3)")("help,h", po::bool_switch(&a.help),
                                                                  "show this help");
  return d;
}

void print_explain_help(const po::options_description& d, std::ostream& out) {
  out << "Usage: choreo explain SCENARIO.ini [options]\n\n"
         "Runs the scenario (as choreo run does, without writing files), then, for the\n"
         "first divergent keys of each diverged replica, prints which messages its\n"
         "service lost, applied twice or applied out of order, by which broker\n"
         "mechanism, and whether that accounts for the whole difference.\n\n"
      << d
      << "\nExit status: 0 explained, 2 bad input, 3 internal error.\n\n"
         "Examples:\n"
         "  choreo explain scenarios/default.ini --replica counts-naive --keys 1\n";
}

// Runs the scenario with a trace that only feeds `log`.
sim::Result<RunOutcome> run_collecting(const Scenario& scenario, FateLog& log) {
  static std::ostream nowhere(nullptr);  // keep() takes every line: nothing is written
  sim::TraceOptions options;
  options.engine_events = false;
  options.keep = [&log](const sim::TraceLine& line) {
    log.record(line);
    return false;
  };
  return run_scenario(scenario, &nowhere, std::move(options));
}

std::string service_of(const Scenario& scenario, const std::string& replica) {
  const std::string& s = scenario.config.text("replica." + replica + ".service");
  return s.empty() ? replica : s;
}

int explain(const ExplainArgs& a, std::ostream& out, std::ostream& err) {
  auto keys = sim::parse_integer(a.keys);
  if (!keys || *keys < 1 || *keys > 5) {
    err << fmt::format("--keys: '{}': expected an integer in 1..5\n", a.keys);
    return kExitBadInput;
  }
  auto scenario = load_scenario(a.scenario, a.sets, a.seed);
  if (!scenario) {
    err << scenario.error().message << "\n";
    return kExitBadInput;
  }
  if (!a.replica.empty()) {
    const auto names = scenario->config.instances("replica");
    if (std::find(names.begin(), names.end(), a.replica) == names.end()) {
      err << fmt::format("--replica: '{}': no such replica in {}\n", a.replica, a.scenario);
      return kExitBadInput;
    }
  }
  FateLog log;
  auto outcome = run_collecting(*scenario, log);
  if (!outcome) {
    err << outcome.error().message << "\n";
    return kExitBadInput;
  }
  const auto& summary = outcome->summary;
  out << fmt::format("explain: {} seed {} (trace hash {})\n", scenario->path, scenario->seed,
                     summary.at("trace_hash").get<std::string>());
  std::size_t diverged = 0;
  for (const auto& r : summary.at("replicas")) {
    const std::string name = r.at("name");
    if ((!a.replica.empty() && name != a.replica) || r.at("converged").get<bool>()) continue;
    ++diverged;
    const ReplicaRef ref{name, service_of(*scenario, name), r.at("kind"), r.at("strategy")};
    std::int64_t shown = 0;
    for (const auto& x : r.at("divergent_examples")) {
      if (shown++ == *keys) break;
      auto key = parse_key(x.at("key"));
      if (!key) continue;
      const auto e = explain_key(log, ref, *key, x.at("owner"), x.at("replica"));
      out << format_explanation(ref, *key, e);
    }
  }
  if (diverged == 0) out << "every replica converged: nothing to explain\n";
  return kExitHolds;
}

}  // namespace

int explain_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ExplainArgs a;
  auto visible = explain_options(a);
  po::options_description all;
  all.add(visible).add_options()("scenario", po::value(&a.scenario));
  po::positional_options_description positional;
  positional.add("scenario", 1);
  if (auto parsed = parse_args(args, all, positional, "choreo explain"); !parsed) {
    err << parsed.error().message << "\n";
    return kExitBadInput;
  }
  if (a.help) {
    print_explain_help(visible, out);
    return kExitHolds;
  }
  if (a.scenario.empty()) {
    err << "choreo explain: missing SCENARIO.ini (try: choreo explain scenarios/default.ini)\n";
    return kExitBadInput;
  }
  return explain(a, out, err);
}

}  // namespace choreo::cli
