// Page reads of the comment service: each read shows `comments_per_page`
// comments with their authors' username and avatar.
//
// - orchestration: one request to the user service per comment (or per
//   distinct author); the read fails while the user service is down. Always
//   fresh when it succeeds.
// - choreography: looks the authors up in the user mirror; never calls the
//   user service, never fails, may be stale. A lookup is stale when the
//   mirror's version is behind the owner's; the read is stale when any
//   lookup is. Each lookup also feeds the t-visibility curve: the fraction
//   of lookups that were fresh, by the time since the user's last change.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/wattpad/events.h"
#include "models/wattpad/mirror.h"
#include "models/wattpad/owners.h"
#include "sim/histogram.h"
#include "sim/node.h"

namespace choreo::wattpad {

class Reads final : public sim::Node {
 public:
  Reads(const WorkloadOptions& w, const UserService& users, const Mirror* mirror, sim::Rng rng, sim::Time stop);
  void start();
  void on_event(const sim::Event& e) override;
  std::string_view kind_name(std::uint16_t) const override { return "page_read"; }

  std::uint64_t total() const { return total_; }
  std::uint64_t stale() const { return stale_; }
  std::uint64_t failed() const { return failed_; }
  std::uint64_t requests() const { return requests_; }
  // `reads` of summary.json, and the user service's request count.
  nlohmann::json to_json() const;

 private:
  // The t-visibility curve's bins: ages up to each edge.
  static constexpr std::array<sim::Time, 10> kAgeEdges = {
      1 * sim::kMillisecond, 10 * sim::kMillisecond, 100 * sim::kMillisecond, 500 * sim::kMillisecond,
      1 * sim::kSecond,      2 * sim::kSecond,       5 * sim::kSecond,        10 * sim::kSecond,
      30 * sim::kSecond,     60 * sim::kSecond};
  void lookup(std::uint64_t user, bool& stale);

  WorkloadOptions w_;
  const UserService& users_;
  const Mirror* mirror_;
  sim::Rng rng_;
  sim::Time stop_;
  std::uint64_t total_ = 0, stale_ = 0, failed_ = 0, requests_ = 0;
  sim::Histogram latency_us_;
  sim::Histogram staleness_us_;  // age of the newest missed update, stale reads
  std::array<std::uint64_t, kAgeEdges.size() + 1> lookups_{}, fresh_{};
  std::vector<std::uint64_t> authors_;  // the page being read (reused)
};

}  // namespace choreo::wattpad
