// `--trace-filter`: which trace lines `choreo run --trace` writes.
//
//   key=story:6       lines about a message carrying story 6 (also user:N,
//                     comment:N, chapter:N, paragraph:N; several key terms
//                     must all hold)
//   replica=NAME      lines about the copies consumed by replica NAME's
//                     service, and that service's own notes (crash, ...)
//   from=10s, to=20s  lines with from <= t_us < to
//   kind=process      lines of that kind (several kind terms: any of them)
//
// Terms come comma-separated or in repeated flags; all must hold. Lines
// that are about no message (a crash, a partition, a rebalance, a commit)
// pass a key term, so a filtered trace keeps its context. Filtering only
// selects lines: it never changes the run or its trace hash.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/config.h"
#include "sim/result.h"
#include "sim/time.h"
#include "sim/trace.h"

namespace choreo::cli {

struct TraceFilter {
  std::vector<std::pair<std::string, std::int64_t>> keys;  // field, value
  std::vector<std::string> services;                       // any of them
  std::vector<std::string> kinds;                          // any of them
  sim::Time from = 0;
  sim::Time to = sim::kForever;

  bool empty() const;
  bool keep(const sim::TraceLine& line) const;
};

// Parses every --trace-filter value; `config` resolves replica names to
// their services. Errors are one line naming the flag, the term and what
// is allowed.
sim::Result<TraceFilter> parse_trace_filter(const std::vector<std::string>& values,
                                            const sim::Config& config);

}  // namespace choreo::cli
