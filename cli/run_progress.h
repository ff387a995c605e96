// The progress of one long `choreo run` on stderr, so a huge but valid
// scenario (10^8 pending PHOLD events, 100,000 replicas) shows that it is
// working instead of sitting silent: on a terminal one line redrawn in place
// (at most 5 times a second) and erased at the end; with --progress and no
// terminal, a plain line every few seconds.
//
//   progress: virtual 3.214s of at most 1min30s, 12,345,678 events (14.2 M/s), wall 1m12s
//
// When virtual time has not moved since the last line the line says so (a
// model whose events schedule more at the same time never ends).
//
// "At most": run.duration + run.settle, where a model that does not settle
// stops earlier. It reads the wall clock, which is fine here: nothing it
// prints reaches a result. It only observes the Simulation.
#pragma once

#include <chrono>
#include <ostream>

#include "sim/simulation.h"
#include "sim/time.h"

namespace choreo::cli {

class RunProgress {
 public:
  // Events between two looks at the wall clock (a few milliseconds of run).
  static constexpr std::uint64_t kEveryEvents = 4096;

  RunProgress(std::ostream& err, bool tty, sim::Time end);
  // Before the model is built to check the [expect] paths (cli/run_one.h).
  void checking();
  // Before the model builds (building 10^8 events takes a while, too).
  void building();
  // The Simulation's progress observer.
  void observe(const sim::Simulation& sim);
  // Erases the line on a terminal; call once, after the run.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  void draw(const std::string& line);

  std::ostream& err_;
  bool tty_;
  sim::Time end_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_ = start_;
  bool drawn_ = false;      // a line is on the terminal
  bool running_ = false;    // a line about the run (not the build) was drawn
  sim::Time last_now_ = 0;  // virtual time at that line
};

}  // namespace choreo::cli
