// A run recorded by `choreo run --out DIR --trace FILE`, read back for
// `choreo explain DIR` / `choreo explain --trace FILE`: its summary.json
// and its trace (JSON Lines, README.md "The trace file"), fed line by line
// to a FateLog, without running anything again.
//
// Where: DIR/summary.json and, unless a trace file is named,
// DIR/trace.jsonl; with only a trace file, the summary.json beside it.
// Bad input (a missing file, a line that is not a trace line) is an error
// of one line naming the file and line. Nothing here checks that the trace
// is of the same run as the summary: a trace of another run explains
// nothing, and says so through the accounting.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "cli/fate_log.h"
#include "sim/result.h"

namespace choreo::cli {

struct RecordedRun {
  std::string summary_path, trace_path;
  nlohmann::json summary;
  std::size_t lines = 0;  // trace lines read
};

// `dir` or `trace` may be empty, not both.
sim::Result<RecordedRun> read_recorded_run(const std::string& dir, const std::string& trace, FateLog& log);

}  // namespace choreo::cli
