// Run progress; see run_progress.h.
#include "cli/run_progress.h"

#include <fmt/format.h>

#include "cli/sweep_progress.h"
#include "sim/units.h"

namespace choreo::cli {

namespace {

constexpr auto kTtyPeriod = std::chrono::milliseconds(200);
constexpr auto kPlainFirst = std::chrono::seconds(1);
constexpr auto kPlainPeriod = std::chrono::seconds(5);

// 12345678 -> "12,345,678".
std::string grouped(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

RunProgress::RunProgress(std::ostream& err, bool tty, sim::Time end) : err_(err), tty_(tty), end_(end) {}

void RunProgress::checking() { draw("progress: building the model to check the [expect] paths"); }

void RunProgress::building() {
  draw(fmt::format("progress: building the model ({} of virtual time to run)", sim::format_duration(end_)));
}

void RunProgress::observe(const sim::Simulation& sim) {
  const auto now = Clock::now();
  const auto due =
      tty_ ? Clock::duration(kTtyPeriod) : Clock::duration(running_ ? kPlainPeriod : kPlainFirst);
  if (now - last_draw_ < due) return;
  const double wall = std::chrono::duration<double>(now - start_).count();
  const double rate = wall > 0 ? static_cast<double>(sim.events_processed()) / wall : 0.0;
  // A model whose events all schedule more at the same time never ends: say so.
  const bool stuck = running_ && sim.now() == last_now_;
  running_ = true;
  last_now_ = sim.now();
  draw(fmt::format("progress: virtual {:.6g}s of at most {}, {} events ({:.3g} M/s), wall {}{}",
                   sim::to_seconds(sim.now()), sim::format_duration(end_), grouped(sim.events_processed()),
                   rate / 1e6, format_duration_s(wall), stuck ? "; virtual time is not advancing" : ""));
}

void RunProgress::draw(const std::string& line) {
  if (tty_) {
    err_ << "\r" << line << "\x1b[K" << std::flush;
  } else {
    err_ << line << "\n" << std::flush;
  }
  last_draw_ = Clock::now();
  drawn_ = true;
}

void RunProgress::finish() {
  if (tty_ && drawn_) err_ << "\r\x1b[K" << std::flush;
}

}  // namespace choreo::cli
