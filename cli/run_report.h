// `choreo run ... --report FILE`: the one-file HTML report of the run,
// written by the same script as `scripts/report_html.py DIR` (so both
// paths make the same page): the run's explanation goes to DIR/explain.txt,
// then scripts/python.sh (which finds a Python with matplotlib) runs
// scripts/report_html.py over the out dir and the run's trace.
//
// Where the scripts are: $CHOREO_SCRIPTS if set, else the source tree's
// scripts/ this binary was built from. A report that cannot be written is
// one line: kExitBadInput before the run (no scripts, a path that cannot
// be used), kExitOutput after it (the script failed).
#pragma once

#include <string>

#include "cli/output_file.h"

namespace choreo::cli {

// Checks, before the run, that the report can be made: the scripts exist
// and `report`'s directory exists or can be created.
OutputStatus check_report(const std::string& report);

// Writes `explanation` to `out_dir`/explain.txt, then the report from
// `out_dir` (summary.json, timeseries.csv) and `trace`.
OutputStatus write_report(const std::string& report, const std::string& out_dir, const std::string& trace,
                          const std::string& explanation);

}  // namespace choreo::cli
