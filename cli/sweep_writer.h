// The sweep's ordered writer: runs finish in any order, rows reach the CSV
// in grid order, each as one whole line appended with one write(2) call.
//
// Rows are numbered by position in the shard (sweep_shard.h); for the whole
// grid, position and grid index are the same.
// Runs that finish early wait in memory until every earlier row is written.
// The header is written with the first row when the file has none: its
// per-replica columns come from run 0's summary (see sweep_row.h), so it is
// the same whatever -j is. Thread-safe: submit() takes a lock.
// Not durable against power loss (no fsync); a killed process leaves whole
// lines plus at most one partial line, which the resume drops.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "cli/sweep_grid.h"
#include "cli/sweep_row.h"
#include "cli/sweep_shard.h"
#include "sim/result.h"

namespace choreo::cli {

class OrderedWriter {
 public:
  // Appends to `path` from the shard's row `next` on. `schema` is the existing header's,
  // or empty when the file has no header yet (then `next` must be 0).
  // `identity` is written on every row.
  OrderedWriter(std::string path, const Grid& grid, Shard shard, bool wall_time, SweepIdentity identity,
                std::size_t next, std::optional<RowSchema> schema);
  ~OrderedWriter();
  OrderedWriter(const OrderedWriter&) = delete;
  OrderedWriter& operator=(const OrderedWriter&) = delete;

  // Opens the file for appending.
  sim::Status open();
  // Hands over the summary of the shard's run at `position`; writes every
  // row now ready.
  sim::Status submit(std::size_t position, nlohmann::json summary, bool holds);
  // Replica names some run reported that the header has no columns for.
  std::set<std::string> unlisted() const;

 private:
  struct Pending {
    nlohmann::json summary;
    bool holds;
  };
  sim::Status write_line(const std::string& line);

  std::string path_;
  const Grid& grid_;
  Shard shard_;
  bool wall_time_;
  SweepIdentity identity_;
  int fd_ = -1;
  mutable std::mutex mutex_;
  std::size_t next_;
  std::optional<RowSchema> schema_;
  std::map<std::size_t, Pending> pending_;
  std::set<std::string> unlisted_;
};

}  // namespace choreo::cli
