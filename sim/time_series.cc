// Sampled tables; see time_series.h.
#include "sim/time_series.h"

#include <fmt/format.h>

#include <cassert>

namespace choreo::sim {

void TimeSeries::add_row(Time t, std::vector<double> values) {
  assert(values.size() == columns_.size());
  times_.push_back(t);
  values_.insert(values_.end(), values.begin(), values.end());
}

void TimeSeries::write_csv(std::ostream& out) const {
  std::string text = "t_s";
  for (const auto& c : columns_) text += "," + c;
  text += "\n";
  for (std::size_t r = 0; r < rows(); ++r) {
    text += fmt::format("{}", to_seconds(times_[r]));
    for (std::size_t c = 0; c < columns_.size(); ++c) text += fmt::format(",{}", value(r, c));
    text += "\n";
  }
  out << text;
}

}  // namespace choreo::sim
