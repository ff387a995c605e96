// The PHOLD benchmark of issue 2: choreo against a textbook
// std::priority_queue loop, ns-3's simulator core and SimGrid, on
// (a) N=1,000, M=1; (b) N=100,000, M=1; (c) N=1,000, M=100.
//
//   phold_bench [--reps 3] [--configs abc] [--impls choreo,textbook,ns3,...]
//   phold_bench --one IMPL N M      # one in-process run; prints a RESULT line
//
// Each (implementation, configuration, repetition) runs in its own process
// (this program re-executed with --one, or a bench/compare/ program), so
// every peak RSS is that run's alone. Reports the median of the repetitions:
// events per second of virtual run time only (set-up excluded), peak RSS,
// choreo's speed ratio to each, and choreo's bytes per pending event.
//
// Not a test: nothing here asserts; speeds depend on the machine and its load.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bench/compare/phold_common.h"
#include "bench/compare/phold_experiments.h"
#include "bench/compare/phold_textbook.h"
#include "models/phold/phold.h"
#include "sim/simulation.h"

namespace choreo::bench {
namespace {

Sample run_choreo(std::uint32_t n, std::uint32_t m) {
  Sample s{.impl = "choreo", .n = n, .m = m, .rss_base_kb = peak_rss_kb()};
  sim::Simulation simulation(kSeed);
  phold::build_phold(simulation, phold::PholdOptions{.processes = n,
                                                     .events_per_process = m,
                                                     .lookahead = kLookaheadUs,
                                                     .mean_delay = static_cast<sim::Time>(kMeanDelayUs)});
  const Stopwatch watch;
  simulation.run_until(end_time_us(n, m));
  s.wall_s = watch.seconds();
  s.events = simulation.events_processed();
  s.rss_peak_kb = peak_rss_kb();
  s.queue_bytes = simulation.queue_bytes();
  s.pending = simulation.pending();
  std::fprintf(stderr, "choreo trace hash %016llx\n",
               static_cast<unsigned long long>(simulation.trace_hash()));
  return s;
}

// An implementation: how to run it in a child process.
struct Impl {
  std::string name;
  std::string program;             // "" means this program with --one
  std::vector<std::string> extra;  // arguments after N M
};

std::vector<Impl> all_impls() {
  return {
      {"choreo", "", {}},
      {"textbook", "", {}},
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
      {"exp-draws", "", {}},
      {"exp-bare-heap", "", {}},
      {"exp-wheel", "", {}},
      {"exp-wheel-slot16", "", {}},
      {"exp-wheel-slot8", "", {}},
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
  unsigned long long events = 0, queue_bytes = 0, pending = 0;
  Sample s;
  const int got =
      std::sscanf(out.c_str() + at, "RESULT,%63[^,],%u,%u,%llu,%lf,%ld,%ld,%llu,%llu", impl, &s.n, &s.m,
                  &events, &s.wall_s, &s.rss_base_kb, &s.rss_peak_kb, &queue_bytes, &pending);
  if (got != 9) return std::nullopt;
  s.impl = impl;
  s.events = events;
  s.queue_bytes = queue_bytes;
  s.pending = pending;
  return s;
}

std::optional<Sample> measure(const Impl& impl, const PholdConfig& c, const std::string& dir) {
  std::vector<std::string> argv;
  if (impl.program.empty()) {
    argv = {dir + "/phold_bench", "--one", impl.name};
  } else {
    argv = {dir + "/" + impl.program};
    if (access(argv[0].c_str(), X_OK) != 0) return std::nullopt;
  }
  argv.push_back(std::to_string(c.n));
  argv.push_back(std::to_string(c.m));
  argv.insert(argv.end(), impl.extra.begin(), impl.extra.end());
  const auto out = run_child(argv);
  if (!out) return std::nullopt;
  auto s = parse_result(*out);
  if (s) s->impl = impl.name;
  return s;
}

double rate(const Sample& s) { return static_cast<double>(s.events) / s.wall_s; }

// The median sample by events per second, with the median peak RSS.
Sample median(std::vector<Sample> runs) {
  std::sort(runs.begin(), runs.end(), [](const Sample& a, const Sample& b) { return rate(a) < rate(b); });
  Sample mid = runs[runs.size() / 2];
  std::vector<long> peaks;
  for (const auto& r : runs) peaks.push_back(r.rss_peak_kb - r.rss_base_kb);
  std::sort(peaks.begin(), peaks.end());
  mid.rss_peak_kb = mid.rss_base_kb + peaks[peaks.size() / 2];
  return mid;
}

struct Options {
  int reps = 3;
  std::string configs = "abc";
  // ns3-calendar (~30 s a run) and simgrid-actors (~60 s) only on request.
  std::vector<std::string> impls = {
      "choreo",    "textbook",      "ns3",       "ns3-heap",         "ns3-pq",         "simgrid",
      "exp-draws", "exp-bare-heap", "exp-wheel", "exp-wheel-slot16", "exp-wheel-slot8"};
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

void print_config(const PholdConfig& c, const std::vector<Sample>& rows) {
  const Sample* choreo = nullptr;
  for (const auto& r : rows) {
    if (r.impl == "choreo") choreo = &r;
  }
  std::printf("\n(%c) N=%u M=%u, %zu pending events\n", c.name, c.n, c.m, std::size_t{c.n} * c.m);
  std::printf("  %-16s %12s %10s %12s %14s %12s\n", "implementation", "events", "run s", "M events/s",
              "peak RSS MiB", "choreo is");
  for (const auto& r : rows) {
    char ratio[32] = "-";
    if (choreo) std::snprintf(ratio, sizeof ratio, "%.2fx", rate(*choreo) / rate(r));
    std::printf("  %-16s %12llu %10.3f %12.2f %14.1f %12s\n", r.impl.c_str(),
                static_cast<unsigned long long>(r.events), r.wall_s, rate(r) / 1e6, r.rss_peak_kb / 1024.0,
                ratio);
  }
  if (choreo && choreo->pending > 0) {
    const double pending = static_cast<double>(choreo->pending);
    std::printf("  choreo bytes per pending event: queue %.1f, peak RSS delta %.1f\n",
                static_cast<double>(choreo->queue_bytes) / pending,
                static_cast<double>(choreo->rss_peak_kb - choreo->rss_base_kb) * 1024.0 / pending);
  }
}

void print_csv(const PholdConfig& c, const std::vector<Sample>& rows) {
  const Sample* choreo = nullptr;
  for (const auto& r : rows) {
    if (r.impl == "choreo") choreo = &r;
  }
  for (const auto& r : rows) {
    const double pending = r.pending ? static_cast<double>(r.pending) : 0.0;
    const auto per_pending = [&](double bytes) { return pending > 0 ? bytes / pending : 0.0; };
    std::printf("CSV,%c,%s,%u,%u,%llu,%.6f,%.0f,%ld,%ld,%.3f,%.1f,%.1f\n", c.name, r.impl.c_str(), r.n, r.m,
                static_cast<unsigned long long>(r.events), r.wall_s, rate(r), r.rss_peak_kb,
                r.rss_peak_kb - r.rss_base_kb, choreo ? rate(*choreo) / rate(r) : 0.0,
                per_pending(static_cast<double>(r.queue_bytes)),
                per_pending(static_cast<double>(r.rss_peak_kb - r.rss_base_kb) * 1024.0));
  }
}

int compare(const Options& o) {
  const std::string dir = self_dir();
  std::map<std::pair<char, std::string>, std::vector<Sample>> runs;
  for (int rep = 0; rep < o.reps; ++rep) {
    for (const auto& c : kConfigs) {
      if (o.configs.find(c.name) == std::string::npos) continue;
      for (const auto& impl : all_impls()) {
        if (std::find(o.impls.begin(), o.impls.end(), impl.name) == o.impls.end()) continue;
        std::fprintf(stderr, "rep %d/%d (%c) %-16s ", rep + 1, o.reps, c.name, impl.name.c_str());
        const auto s = measure(impl, c, dir);
        if (s) runs[{c.name, impl.name}].push_back(*s);
        std::fprintf(stderr, s ? "%.2f M events/s\n" : "not available\n", s ? rate(*s) / 1e6 : 0.0);
      }
    }
  }
  std::printf("PHOLD, lookahead %lld us + exponential(mean %.0f us), seed %llu, median of %d runs\n",
              static_cast<long long>(kLookaheadUs), kMeanDelayUs, static_cast<unsigned long long>(kSeed),
              o.reps);
  std::printf(
      "csv columns: CSV,config,impl,n,m,events,wall_s,events_per_s,peak_rss_kb,rss_delta_kb,"
      "choreo_ratio,queue_bytes_per_pending,rss_delta_bytes_per_pending\n");
  for (const auto& c : kConfigs) {
    std::vector<Sample> rows;
    for (const auto& impl : all_impls()) {
      const auto it = runs.find({c.name, impl.name});
      if (it != runs.end()) rows.push_back(median(it->second));
    }
    if (rows.empty()) continue;
    print_config(c, rows);
    print_csv(c, rows);
  }
  return 0;
}

int run_one(const std::string& impl, std::uint32_t n, std::uint32_t m) {
  if (impl == "choreo") return print_sample(run_choreo(n, m)), 0;
  if (impl == "textbook") return print_sample(run_textbook(n, m)), 0;
  if (impl == "exp-draws") return print_sample(run_draws(n, m)), 0;
  if (impl == "exp-bare-heap") return print_sample(run_bare_heap(n, m)), 0;
  if (impl == "exp-wheel") return print_sample(run_wheel(n, m)), 0;
  if (impl == "exp-wheel-slot16") return print_sample(run_wheel<Slot16>(n, m, "exp-wheel-slot16")), 0;
  if (impl == "exp-wheel-slot8") return print_sample(run_wheel<Slot8>(n, m, "exp-wheel-slot8")), 0;
  std::fprintf(stderr, "phold_bench: unknown implementation '%s'\n", impl.c_str());
  return 2;
}

int usage() {
  std::fprintf(stderr,
               "usage: phold_bench [--reps R] [--configs abc] [--impls a,b,...]\n"
               "       phold_bench --one IMPL N M\n"
               "impls: choreo textbook ns3 ns3-heap ns3-calendar ns3-pq simgrid simgrid-actors\n"
               "       exp-draws exp-bare-heap exp-wheel exp-wheel-slot16 exp-wheel-slot8\n");
  return 2;
}

}  // namespace
}  // namespace choreo::bench

int main(int argc, char** argv) {
  using namespace choreo::bench;
  if (argc == 5 && std::strcmp(argv[1], "--one") == 0) {
    return run_one(argv[2], static_cast<std::uint32_t>(std::atol(argv[3])),
                   static_cast<std::uint32_t>(std::atol(argv[4])));
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
    } else if (flag == "--impls") {
      o.impls = split(value);
    } else {
      return usage();
    }
  }
  return compare(o);
}
