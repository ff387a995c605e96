// The PHOLD benchmark: choreo's event queue and engine against strong
// baselines, on two delay shapes (bench/compare/phold_common.h) and three
// configurations: (a) N=1,000 M=1, (b) N=100,000 M=1, (c) N=1,000 M=100.
//
//   phold_bench [--reps 5] [--configs abc] [--shapes standard,quantized] [--impls a,b,...]
//   phold_bench --one IMPL SHAPE N M [EVENTS]  # one in-process run; prints a RESULT line
//
// Implementations: choreo-queue (sim::EventQueue in the shared loop),
// choreo-engine (sim::Simulation running models/phold), std-heap
// (std::priority_queue of 16-byte events), quad-heap (4-ary heap), calendar
// (Brown's calendar queue), ns3 and simgrid (bench/compare/, built when
// installed); on request ns3-heap, ns3-calendar, ns3-pq, simgrid-actors.
//
// Each repetition runs every implementation once per (shape, configuration),
// one after another (the order rotates with the repetition), each in its own
// process so every peak RSS is its own. The report gives, per row, the
// median rate and the median and range of the same-repetition ratios
// choreo-queue / row and choreo-engine / row, and the load average at the
// start of every repetition (bench/compare/phold_report.h).
//
// Not a test: nothing here asserts; speeds depend on the machine and its load.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "bench/compare/phold_loops.h"
#include "bench/compare/phold_report.h"

namespace choreo::bench {
namespace {

// An implementation: how to run it in a child process.
struct Impl {
  std::string name;
  std::string program;             // "" means this program with --one
  std::vector<std::string> extra;  // arguments after SHAPE N M
};

std::vector<Impl> all_impls() {
  return {
      {"choreo-queue", "", {}},
      {"choreo-engine", "", {}},
      {"std-heap", "", {}},
      {"quad-heap", "", {}},
      {"calendar", "", {}},
      {"ns3", "compare/phold_ns3", {"default"}},
      {"ns3-heap", "compare/phold_ns3", {"ns3::HeapScheduler"}},
      {"ns3-calendar", "compare/phold_ns3", {"ns3::CalendarScheduler"}},
      {"ns3-pq", "compare/phold_ns3", {"ns3::PriorityQueueScheduler"}},
      {"simgrid", "compare/phold_simgrid", {"timers"}},
      // Without a guard page per actor and with 16 KiB stacks, 10^5 actors
      // fit in the kernel's default limit of 65,536 memory mappings.
      {"simgrid-actors",
       "compare/phold_simgrid",
       {"actors", "--cfg=contexts/guard-size:0", "--cfg=contexts/stack-size:16",
        "--log=xbt_cfg.thres:warning"}},
  };
}

std::string self_dir() {
  std::vector<char> buf(4096);
  const ssize_t len = readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (len <= 0) return ".";
  std::string path(buf.data(), static_cast<std::size_t>(len));
  return path.substr(0, path.rfind('/'));
}

// Runs argv in a child process and returns its stdout.
std::optional<std::string> run_child(const std::vector<std::string>& argv) {
  int fds[2];
  if (pipe(fds) != 0) return std::nullopt;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(fds[1]);
  std::string out;
  char chunk[4096];
  for (ssize_t got; (got = read(fds[0], chunk, sizeof chunk)) > 0;)
    out.append(chunk, static_cast<std::size_t>(got));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

std::optional<Sample> parse_result(const std::string& out) {
  const auto at = out.find("RESULT,");
  if (at == std::string::npos) return std::nullopt;
  char impl[64];
  unsigned long long events = 0, queue_bytes = 0, pending = 0, digest = 0;
  Sample s;
  const int got =
      std::sscanf(out.c_str() + at, "RESULT,%63[^,],%u,%u,%llu,%lf,%ld,%ld,%llu,%llu,%llx", impl, &s.n, &s.m,
                  &events, &s.wall_s, &s.rss_base_kb, &s.rss_peak_kb, &queue_bytes, &pending, &digest);
  if (got != 10) return std::nullopt;
  s.impl = impl;
  s.events = events;
  s.queue_bytes = queue_bytes;
  s.pending = pending;
  s.digest = digest;
  return s;
}

std::optional<Sample> measure(const Impl& impl, const PholdShape& shape, const PholdConfig& c,
                              const std::string& dir) {
  std::vector<std::string> argv;
  if (impl.program.empty()) {
    argv = {dir + "/phold_bench", "--one", impl.name};
  } else {
    argv = {dir + "/" + impl.program};
    if (access(argv[0].c_str(), X_OK) != 0) return std::nullopt;
  }
  argv.insert(argv.end(), {std::string(shape.name), std::to_string(c.n), std::to_string(c.m)});
  argv.insert(argv.end(), impl.extra.begin(), impl.extra.end());
  const auto out = run_child(argv);
  if (!out) return std::nullopt;
  auto s = parse_result(*out);
  if (s) s->impl = impl.name;
  return s;
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

struct Options {
  int reps = 5;
  std::string configs = "abc";
  std::vector<std::string> shapes = {"standard", "quantized"};
  std::vector<std::string> impls = {"choreo-queue", "choreo-engine", "std-heap", "quad-heap",
                                    "calendar",     "ns3",           "simgrid"};
};

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (std::size_t comma; (comma = list.find(',', from)) != std::string::npos; from = comma + 1) {
    out.push_back(list.substr(from, comma - from));
  }
  out.push_back(list.substr(from));
  return out;
}

int compare(const Options& o) {
  const std::string dir = self_dir();
  std::vector<Impl> impls;
  for (const auto& impl : all_impls()) {
    if (std::find(o.impls.begin(), o.impls.end(), impl.name) != o.impls.end()) impls.push_back(impl);
  }
  Runs runs;
  std::vector<std::string> loads;
  for (int rep = 0; rep < o.reps; ++rep) {
    loads.push_back(load_average());
    for (const auto& shape_name : o.shapes) {
      const PholdShape shape = *find_shape(shape_name);
      for (const auto& c : kConfigs) {
        if (o.configs.find(c.name) == std::string::npos) continue;
        for (std::size_t k = 0; k < impls.size(); ++k) {
          const Impl& impl = impls[(k + static_cast<std::size_t>(rep)) % impls.size()];
          std::fprintf(stderr, "rep %d/%d %-9s (%c) %-14s ", rep + 1, o.reps, shape_name.c_str(), c.name,
                       impl.name.c_str());
          const auto s = measure(impl, shape, c, dir);
          if (s) runs[{shape_name, c.name, impl.name}].resize(static_cast<std::size_t>(o.reps));
          if (s) runs[{shape_name, c.name, impl.name}][static_cast<std::size_t>(rep)] = *s;
          std::fprintf(stderr, s ? "%.2f M events/s\n" : "not available\n",
                       s ? static_cast<double>(s->events) / s->wall_s / 1e6 : 0.0);
        }
      }
    }
  }
  loads.push_back(load_average());
  std::vector<std::string> names;
  for (const auto& impl : impls) names.push_back(impl.name);
  print_report(runs, o.shapes, o.configs, names, loads);
  return 0;
}

int run_one(const std::string& impl, const PholdShape& shape, std::uint32_t n, std::uint32_t m) {
  std::optional<Sample> s;
  if (impl == "choreo-queue") s = run_hold<ChoreoQueue>("choreo-queue", shape, n, m);
  if (impl == "choreo-engine") s = run_engine(shape, n, m);
  if (impl == "std-heap") s = run_hold<StdHeap>("std-heap", shape, n, m);
  if (impl == "quad-heap") s = run_hold<QuadHeap>("quad-heap", shape, n, m);
  if (impl == "calendar") s = run_hold<CalendarQueue>("calendar", shape, n, m);
  if (!s) {
    std::fprintf(stderr, "phold_bench: unknown implementation '%s'\n", impl.c_str());
    return 2;
  }
  print_sample(*s);
  return 0;
}

int usage() {
  std::fprintf(
      stderr,
      "usage: phold_bench [--reps R] [--configs abc] [--shapes standard,quantized] [--impls a,b,...]\n"
      "       phold_bench --one IMPL SHAPE N M [EVENTS]\n"
      "impls: choreo-queue choreo-engine std-heap quad-heap calendar ns3 simgrid (default)\n"
      "       ns3-heap ns3-calendar ns3-pq simgrid-actors (on request)\n");
  return 2;
}

}  // namespace
}  // namespace choreo::bench

int main(int argc, char** argv) {
  using namespace choreo::bench;
  if ((argc == 6 || argc == 7) && std::strcmp(argv[1], "--one") == 0) {
    const auto shape = find_shape(argv[3]);
    if (!shape) return usage();
    if (argc == 7) target_events = std::strtoull(argv[6], nullptr, 10);
    return run_one(argv[2], *shape, static_cast<std::uint32_t>(std::atol(argv[4])),
                   static_cast<std::uint32_t>(std::atol(argv[5])));
  }
  Options o;
  for (int i = 1; i < argc; i += 2) {
    if (i + 1 >= argc) return usage();
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--reps") {
      o.reps = std::max(1, std::atoi(value.c_str()));
    } else if (flag == "--configs") {
      o.configs = value;
    } else if (flag == "--shapes") {
      o.shapes = split(value);
      for (const auto& s : o.shapes) {
        if (!find_shape(s)) return usage();
      }
    } else if (flag == "--impls") {
      o.impls = split(value);
    } else {
      return usage();
    }
  }
  return compare(o);
}
