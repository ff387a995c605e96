// The sweep's progress report on stderr: on a terminal, one bar redrawn in
// place (at most 10 times a second) with rate, ETA and failures; otherwise a
// plain line every few seconds, so CI logs stay short and readable.
//
// It reads the wall clock, which is fine here: nothing it prints reaches the
// CSV or any simulated result. Thread-safe: tick() takes a lock.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>

namespace choreo::cli {

class Progress {
 public:
  // `total` runs in the grid, `done` of them finished before this process.
  Progress(std::size_t total, std::size_t done, std::ostream& err, bool tty);
  // One more run finished.
  void tick(bool holds);
  // The last line; call once, after every tick.
  void finish();
  // Wall seconds since construction.
  double elapsed_s() const;

 private:
  using Clock = std::chrono::steady_clock;
  std::string line() const;
  void draw();

  std::size_t total_;
  std::size_t resumed_;
  std::size_t done_;
  std::size_t failing_ = 0;
  std::ostream& err_;
  bool tty_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_ = start_;
  std::mutex mutex_;
};

// "1h02m", "3m07s", "12s".
std::string format_duration_s(double seconds);

}  // namespace choreo::cli
