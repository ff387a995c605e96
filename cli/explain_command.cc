// `choreo explain`; see explain_command.h.
#include "cli/explain_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <filesystem>
#include <optional>
#include <tuple>

#include "cli/exit_codes.h"
#include "cli/explain_key.h"
#include "cli/explain_run.h"
#include "cli/fate_log.h"
#include "cli/options.h"
#include "cli/recorded_run.h"
#include "cli/run_one.h"
#include "sim/text.h"
#include "sim/units.h"

namespace po = boost::program_options;

namespace choreo::cli {

namespace {

struct ExplainArgs {
  std::string scenario, seed, replica, trace, key;
  std::vector<std::string> sets;
  std::string keys = "3", causes = "5";
  bool help = false;
};

po::options_description explain_options(ExplainArgs& a) {
  po::options_description d("Options");
  d.add_options()("seed", po::value(&a.seed)->value_name("N"),
                  "run seed (default: the scenario's run.seed, else 1)")(
      "set", po::value(&a.sets)->value_name("SECTION.KEY=VALUE")->composing(),
      "override a scenario key; repeatable")(
      "trace", po::value(&a.trace)->value_name("FILE"),
      "explain a recorded run from this trace (default with an out dir: DIR/trace.jsonl) and the "
      "summary.json beside it, without running it again")(
      "replica", po::value(&a.replica)->value_name("NAME"),
      "explain only this replica (default: every diverged one)")(
      "keys", po::value(&a.keys)->value_name("N|all"),
      "print the details of N divergent keys per replica, those not explained in full first, then the "
      "largest differences (default: 3; 0: the totals and causes only). The totals always cover every key")(
      "key", po::value(&a.key)->value_name("KEY"),
      "print the details of this key only, e.g. --key 'story 6 chapter 2' or --key 'user 17'")(
      "causes", po::value(&a.causes)->value_name("N|all"),
      "lines of causes summed over every key, per replica (default: 5)")("help,h", po::bool_switch(&a.help),
                                                                         "show this help");
  return d;
}

void print_explain_help(const po::options_description& d, std::ostream& out) {
  out << "Usage: choreo explain SCENARIO.ini [options]\n"
         "       choreo explain OUTDIR [--trace FILE] [options]\n"
         "       choreo explain --trace FILE [options]\n\n"
         "Runs the scenario (as choreo run does, without writing files), or reads a run\n"
         "recorded by choreo run --out OUTDIR --trace OUTDIR/trace.jsonl, then, for each\n"
         "diverged replica, explains EVERY divergent key: which messages its service\n"
         "lost, applied twice or applied out of order, by which broker mechanism.\n\n"
         "Per replica it prints:\n"
         "  a totals line: the divergent keys, their abs_error (sum of |owner - replica|)\n"
         "    and how much of it the explanations cover - \"every key's whole difference\n"
         "    explained (530 of 530)\", or \"explained 518 of 530; not explained in full:\n"
         "    3 keys (story 6: +4 of +6 unexplained, ...)\" naming the keys and what is left;\n"
         "  the causes summed over every key, largest first (--causes);\n"
         "  the details of a few keys: each cause with message ids and times, and the\n"
         "    key's own account (--keys, --key).\n\n"
      << d
      << "\nExit status: 0 explained, 2 bad input, 3 internal error.\n\n"
         "Examples:\n"
         "  choreo explain scenarios/default.ini --replica counts-naive --keys 1\n"
         "  choreo explain scenarios/default.ini --replica counts-naive --keys 0 --causes all\n"
         "  choreo explain scenarios/default.ini --key 'story 6'\n"
         "  choreo run scenarios/default.ini --out out/d --trace out/d/trace.jsonl && choreo explain out/d\n";
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

int explain_scenario(const ExplainArgs& a, const ExplainSelection& select, std::ostream& out,
                     std::ostream& err) {
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
  out << explain_run(summary, log, select);
  return kExitHolds;
}

// `choreo explain OUTDIR` / `--trace FILE`: a recorded run, not run again.
int explain_recorded(const ExplainArgs& a, const std::string& dir, const ExplainSelection& select,
                     std::ostream& out, std::ostream& err) {
  if (!a.seed.empty() || !a.sets.empty()) {
    err << "choreo explain: --seed and --set change a scenario's run; a recorded run is explained as it "
           "ran\n";
    return kExitBadInput;
  }
  FateLog log;
  auto run = read_recorded_run(dir, a.trace, log);
  if (!run) {
    err << run.error().message << "\n";
    return kExitBadInput;
  }
  if (!a.replica.empty() && !has_replica(run->summary, a.replica)) {
    err << fmt::format("--replica: '{}': no such replica in {}\n", a.replica, run->summary_path);
    return kExitBadInput;
  }
  out << fmt::format("explain: {} and {} ({} lines; scenario {} seed {}, trace hash {})\n", run->summary_path,
                     run->trace_path, run->lines, run->summary.value("scenario", "?"),
                     run->summary.value("seed", std::int64_t{0}), run->summary.value("trace_hash", "?"));
  out << explain_run(run->summary, log, select);
  return kExitHolds;
}

// N >= 0 or "all" (-1).
std::optional<std::int64_t> count_or_all(const std::string& text) {
  if (text == "all") return -1;
  auto n = sim::parse_integer(text);
  if (!n || *n < 0) return std::nullopt;
  return *n;
}

int explain(const ExplainArgs& a, std::ostream& out, std::ostream& err) {
  ExplainSelection select{a.replica, a.key};
  for (const auto& [flag, text, into] :
       {std::tuple{"--keys", &a.keys, &select.keys}, std::tuple{"--causes", &a.causes, &select.causes}}) {
    const auto n = count_or_all(*text);
    if (!n) {
      err << fmt::format("{}: '{}': expected a count (0, 1, 2, ...) or all\n", flag, sim::printable(*text));
      return kExitBadInput;
    }
    *into = *n;
  }
  if (!a.key.empty() && !parse_key(a.key)) {
    err << fmt::format(
        "--key: '{}': expected a key as the summary names it: user N, story N, story N chapter N, story N "
        "chapter N paragraph N\n",
        sim::printable(a.key));
    return kExitBadInput;
  }
  std::error_code ec;
  if (!a.scenario.empty() && std::filesystem::is_directory(a.scenario, ec)) {
    return explain_recorded(a, a.scenario, select, out, err);
  }
  if (a.scenario.empty()) return explain_recorded(a, "", select, out, err);
  if (!a.trace.empty()) {
    err << fmt::format(
        "--trace {}: reads a recorded run; give it alone or with the run's out dir, not with a scenario "
        "({})\n",
        sim::printable(a.trace), sim::printable(a.scenario));
    return kExitBadInput;
  }
  return explain_scenario(a, select, out, err);
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
  if (a.scenario.empty() && a.trace.empty()) {
    err << "choreo explain: missing SCENARIO.ini or OUTDIR (try: choreo explain scenarios/default.ini)\n";
    return kExitBadInput;
  }
  return explain(a, out, err);
}

}  // namespace choreo::cli
