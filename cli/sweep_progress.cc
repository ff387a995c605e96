// Sweep progress; see sweep_progress.h.
#include "cli/sweep_progress.h"

#include <fmt/format.h>

namespace choreo::cli {

namespace {

constexpr auto kTtyPeriod = std::chrono::milliseconds(100);
constexpr auto kPlainPeriod = std::chrono::seconds(5);
constexpr int kBarWidth = 30;

}  // namespace

std::string format_duration_s(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, s % 3600 / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

Progress::Progress(std::size_t total, std::size_t done, std::ostream& err, bool tty)
    : total_(total), resumed_(done), done_(done), err_(err), tty_(tty) {}

double Progress::elapsed_s() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

std::string Progress::line() const {
  const double elapsed = elapsed_s();
  const double fresh = static_cast<double>(done_ - resumed_);
  const double rate = elapsed > 0 ? fresh / elapsed : 0.0;
  const std::string eta =
      rate > 0 ? format_duration_s(static_cast<double>(total_ - done_) / rate) : std::string("?");
  const int percent = total_ == 0 ? 100 : static_cast<int>(100 * done_ / total_);
  const std::string counts =
      fmt::format("{}/{} runs ({}%), {:.1f} runs/s, {} failing", done_, total_, percent, rate, failing_);
  if (!tty_) return fmt::format("sweep: {}, elapsed {}, ETA {}", counts, format_duration_s(elapsed), eta);
  const int filled = total_ == 0 ? kBarWidth : static_cast<int>(kBarWidth * done_ / total_);
  return fmt::format("[{:=<{}}{:<{}}] {}, ETA {}", "", filled, "", kBarWidth - filled, counts, eta);
}

void Progress::draw() {
  if (tty_) {
    err_ << "\r" << line() << "\x1b[K" << std::flush;
  } else {
    err_ << line() << "\n" << std::flush;
  }
  last_draw_ = Clock::now();
}

void Progress::tick(bool holds) {
  std::lock_guard lock(mutex_);
  ++done_;
  failing_ += holds ? 0 : 1;
  if (Clock::now() - last_draw_ >= (tty_ ? Clock::duration(kTtyPeriod) : Clock::duration(kPlainPeriod)))
    draw();
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  draw();
  if (tty_) err_ << "\n" << std::flush;
}

}  // namespace choreo::cli
