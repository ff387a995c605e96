// The report of bench/phold_bench.cc: per shape and configuration, each
// implementation's median rate, the median (and range) of the
// same-repetition ratios choreo-queue / it and choreo-engine / it, bytes
// per pending event, and whether every implementation processed the same
// events; then a markdown summary per shape, and the load averages.
//
// A ratio is taken within one repetition (both runs minutes apart at most,
// under the same load), then the median over repetitions: a load spike in
// one repetition moves one ratio, not the median.
// Not a test: it prints, it asserts nothing.
#pragma once

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "bench/compare/phold_common.h"

namespace choreo::bench {

// (shape, config, impl) -> one sample per repetition (events == 0: missing).
using Runs = std::map<std::tuple<std::string, char, std::string>, std::vector<Sample>>;

inline double rate(const Sample& s) { return s.events > 0 ? static_cast<double>(s.events) / s.wall_s : 0.0; }

inline double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const std::size_t h = v.size() / 2;
  return v.size() % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
}

struct Ratio {
  double median = 0, min = 0, max = 0;
  bool ok = false;
};

// of / to within each repetition where both ran.
inline Ratio same_rep_ratio(const std::vector<Sample>* of, const std::vector<Sample>* to) {
  Ratio r;
  if (of == nullptr || to == nullptr) return r;
  std::vector<double> ratios;
  for (std::size_t i = 0; i < of->size() && i < to->size(); ++i) {
    if (rate((*of)[i]) > 0 && rate((*to)[i]) > 0) ratios.push_back(rate((*of)[i]) / rate((*to)[i]));
  }
  if (ratios.empty()) return r;
  r.ok = true;
  r.median = median(ratios);
  r.min = *std::min_element(ratios.begin(), ratios.end());
  r.max = *std::max_element(ratios.begin(), ratios.end());
  return r;
}

inline std::string show(const Ratio& r) {
  if (!r.ok) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2fx [%.2f-%.2f]", r.median, r.min, r.max);
  return buf;
}

struct Row {
  std::string impl;
  double rate = 0;  // median events per second
  Ratio queue, engine;
  double queue_bytes = 0, rss_bytes = 0;  // per pending event, medians
  std::uint64_t events = 0, digest = 0;
};

inline std::vector<Row> rows_of(const Runs& runs, const std::string& shape, char config,
                                const std::vector<std::string>& impls) {
  auto find = [&](const std::string& impl) -> const std::vector<Sample>* {
    const auto it = runs.find({shape, config, impl});
    return it == runs.end() ? nullptr : &it->second;
  };
  std::vector<Row> rows;
  for (const auto& impl : impls) {
    const auto* samples = find(impl);
    if (samples == nullptr) continue;
    Row row{.impl = impl};
    std::vector<double> rates, qb, rb;
    for (const auto& s : *samples) {
      if (s.events == 0) continue;
      rates.push_back(rate(s));
      const auto pending = static_cast<double>(s.pending);
      if (s.queue_bytes > 0) qb.push_back(static_cast<double>(s.queue_bytes) / pending);
      rb.push_back(static_cast<double>(s.rss_peak_kb - s.rss_base_kb) * 1024.0 / pending);
      row.events = s.events;
      row.digest = s.digest;
    }
    row.rate = median(rates);
    row.queue_bytes = median(qb);
    row.rss_bytes = median(rb);
    row.queue = same_rep_ratio(find("choreo-queue"), samples);
    row.engine = same_rep_ratio(find("choreo-engine"), samples);
    rows.push_back(row);
  }
  return rows;
}

inline void print_config(const PholdShape& shape, const PholdConfig& c, const std::vector<Row>& rows) {
  std::printf("\n%s (%c) N=%u M=%u: %u pending events, end time %.3f s\n", std::string(shape.name).c_str(),
              c.name, c.n, c.m, c.n * c.m, static_cast<double>(end_time_us(shape, c.n, c.m)) / 1e6);
  std::printf("  %-14s %11s %12s %22s %22s %9s %9s %17s\n", "implementation", "events", "M events/s",
              "choreo-queue / it", "choreo-engine / it", "queue B", "RSS B", "order digest");
  for (const auto& r : rows) {
    char qb[32] = "-";
    if (r.queue_bytes > 0) std::snprintf(qb, sizeof qb, "%.1f", r.queue_bytes);
    char digest[32] = "-";
    if (r.digest != 0)
      std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(r.digest));
    std::printf("  %-14s %11llu %12.2f %22s %22s %9s %9.1f %17s\n", r.impl.c_str(),
                static_cast<unsigned long long>(r.events), r.rate / 1e6, show(r.queue).c_str(),
                show(r.engine).c_str(), qb, r.rss_bytes, digest);
  }
  for (const auto& r : rows) {
    std::printf("CSV,%s,%c,%s,%u,%u,%llu,%.0f,%.4f,%.4f,%.1f,%.1f\n", std::string(shape.name).c_str(), c.name,
                r.impl.c_str(), c.n, c.m, static_cast<unsigned long long>(r.events), r.rate, r.queue.median,
                r.engine.median, r.queue_bytes, r.rss_bytes);
  }
}

// One markdown table per shape: M events/s per implementation, then the
// choreo-queue / calendar and choreo-engine / calendar ratios.
inline void print_markdown(const Runs& runs, const PholdShape& shape, const std::string& configs,
                           const std::vector<std::string>& impls) {
  std::printf("\n%s: %lld us + Exp(%.0f us); M events/s, medians; ratios are same-repetition medians\n\n",
              std::string(shape.name).c_str(), static_cast<long long>(shape.lookahead),
              static_cast<double>(shape.mean_delay));
  std::printf("| config |");
  for (const auto& i : impls) std::printf(" %s |", i.c_str());
  std::printf(" queue / calendar | engine / calendar | queue B/event |\n|---|");
  for (std::size_t i = 0; i < impls.size() + 3; ++i) std::printf("---:|");
  std::printf("\n");
  for (const auto& c : kConfigs) {
    if (configs.find(c.name) == std::string::npos) continue;
    const auto rows = rows_of(runs, std::string(shape.name), c.name, impls);
    std::printf("| (%c) N=%u M=%u |", c.name, c.n, c.m);
    const Row* calendar = nullptr;
    const Row* queue = nullptr;
    for (const auto& i : impls) {
      const auto it = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.impl == i; });
      if (it == rows.end()) {
        std::printf(" - |");
        continue;
      }
      if (i == "calendar") calendar = &*it;
      if (i == "choreo-queue") queue = &*it;
      std::printf(" %.2f |", it->rate / 1e6);
    }
    const auto ratio = [](const Row* r, const Ratio Row::*which) {
      return r == nullptr || !(r->*which).ok ? std::string("-") : show(r->*which);
    };
    std::printf(" %s | %s | %.1f |\n", ratio(calendar, &Row::queue).c_str(),
                ratio(calendar, &Row::engine).c_str(), queue ? queue->queue_bytes : 0.0);
  }
}

inline void print_report(const Runs& runs, const std::vector<std::string>& shapes, const std::string& configs,
                         const std::vector<std::string>& impls, const std::vector<std::string>& loads) {
  const std::size_t reps = loads.size() - 1;
  std::printf("PHOLD, seed %llu, >= 10 M events per run, %zu repetitions (medians)\n",
              static_cast<unsigned long long>(kSeed), reps);
  std::printf("load average (1/5/15 min) at the start of each repetition:");
  for (std::size_t i = 0; i < reps; ++i) std::printf(" [%s]", loads[i].c_str());
  std::printf("; at the end: [%s]\n", loads.back().c_str());
  std::printf("queue B / RSS B: bytes per pending event in the event set / in peak RSS growth\n");
  std::printf(
      "csv: CSV,shape,config,impl,n,m,events,events_per_s,queue_ratio,engine_ratio,queue_bytes_per_pending,"
      "rss_bytes_per_pending\n");
  for (const auto& name : shapes) {
    const PholdShape shape = *find_shape(name);
    for (const auto& c : kConfigs) {
      if (configs.find(c.name) == std::string::npos) continue;
      const auto rows = rows_of(runs, name, c.name, impls);
      if (!rows.empty()) print_config(shape, c, rows);
    }
  }
  for (const auto& name : shapes) print_markdown(runs, *find_shape(name), configs, impls);
}

}  // namespace choreo::bench
