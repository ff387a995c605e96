// sim/time_series.h: exact CSV text, and rows taken by a Simulation sampler.
#include "sim/time_series.h"

#include <gtest/gtest.h>

#include <sstream>

#include "sim/simulation.h"

namespace choreo::sim {
namespace {

TEST(TimeSeries, WritesShortestRoundTripCsv) {
  TimeSeries ts({"a.divergent_keys", "a.abs_error"});
  ts.add_row(0, {0, 0});
  ts.add_row(1'500'000, {3, 0.25});
  ts.add_row(2'000'000, {1e-7, 12345678});
  std::ostringstream out;
  ts.write_csv(out);
  EXPECT_EQ(out.str(), "t_s,a.divergent_keys,a.abs_error\n0,0,0\n1.5,3,0.25\n2,1e-07,12345678\n");
}

TEST(TimeSeries, FilledBySamplerAtTheFixedPeriod) {
  class Counter : public Node {
   public:
    Counter() : Node("counter") {}
    void on_event(const Event&) override { ++seen; }
    int seen = 0;
  };
  Simulation sim(1);
  auto& c = sim.add<Counter>();
  for (Time t = 5; t < 100; t += 10) sim.send(c.id(), t, 0, 0);  // at 5, 15, ..., 95
  TimeSeries ts({"seen"});
  sim.add_sampler(0, 20, [&](Time t) { ts.add_row(t, {static_cast<double>(c.seen)}); });
  sim.run_until(100);
  std::ostringstream out;
  ts.write_csv(out);
  EXPECT_EQ(out.str(), "t_s,seen\n0,0\n2e-05,2\n4e-05,4\n6e-05,6\n8e-05,8\n0.0001,10\n");
}

}  // namespace
}  // namespace choreo::sim
