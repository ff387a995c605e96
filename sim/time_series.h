// A table sampled at a fixed virtual-time period, written as timeseries.csv.
//
//   TimeSeries ts({"mirror.divergent_keys", "mirror.abs_error"});
//   sim.add_sampler(0, period, [&](Time t) { ts.add_row(t, {keys, error}); });
//   ts.write_csv(out);   // t_s,mirror.divergent_keys,mirror.abs_error\n0,0,0\n...
//
// Numbers are written locale-independently in the shortest form that reads
// back to the same double ("3", "0.25", "1e-07"), so golden files are stable.
// Invariant: every row has one value per column.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sim/time.h"

namespace choreo::sim {

class TimeSeries {
 public:
  explicit TimeSeries(std::vector<std::string> columns) : columns_(std::move(columns)) {}

  // REQUIRES: values.size() == columns().size()
  void add_row(Time t, std::vector<double> values);

  const std::vector<std::string>& columns() const { return columns_; }
  std::size_t rows() const { return times_.size(); }
  double value(std::size_t row, std::size_t column) const { return values_[row * columns_.size() + column]; }
  Time time(std::size_t row) const { return times_[row]; }

  // Header `t_s,<columns>` then one line per row.
  void write_csv(std::ostream& out) const;

 private:
  std::vector<std::string> columns_;
  std::vector<Time> times_;
  std::vector<double> values_;  // row-major
};

}  // namespace choreo::sim
