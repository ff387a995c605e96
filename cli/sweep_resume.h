// Resuming a sweep: what an existing CSV already holds.
//
// The sweep appends whole lines, so a killed sweep leaves a file whose last
// line may be cut short. read_sweep_csv drops that partial line from the
// file itself (truncating it) so later appends start on a fresh line.
// It does not judge whether the rows belong to the sweep: the caller checks
// the header and each row's varied values and seed against the grid.
#pragma once

#include <string>
#include <vector>

#include "sim/result.h"

namespace choreo::cli {

struct ExistingCsv {
  bool has_header = false;
  std::vector<std::string> header;             // fields of the first line
  std::vector<std::vector<std::string>> rows;  // fields of each complete row
  std::size_t dropped_bytes = 0;               // of a trailing partial line
};

// An absent file reads as empty. Errors: not a regular file, unreadable, or
// cannot be truncated.
sim::Result<ExistingCsv> read_sweep_csv(const std::string& path);

}  // namespace choreo::cli
