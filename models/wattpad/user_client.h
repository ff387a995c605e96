// The page reads' client of the user service (orchestration): a page read
// looks up each of its authors with one request, all sent at once, and is
// done when every lookup is settled. It succeeds when every lookup got an
// answer; it fails when some lookup used up its attempts.
//
// Each attempt goes to the next instance in turn (round robin, Envoy's
// default load balancer), after a `network_delay` draw, and has its own
// `timeout` (Envoy's per-try timeout, which defaults to the route timeout).
// A timeout or a refusal leads to a retry while attempts remain, after a
// fully jittered exponential back-off: retry n waits uniform in [0,
// (2^n - 1) * backoff), capped at 10 * backoff (Envoy's retry back-off).
// An answer arriving after its attempt timed out is counted as late and
// dropped. Ties go to the event scheduled first: a timeout and an answer due
// at the same microsecond settle as a timeout, since the timeout was set
// when the request left.
//
// Request delays and back-off draws come from the stream
// "wattpad/user-client". State in flight lives in CallPool / PageReads.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <span>

#include "models/wattpad/calls.h"
#include "models/wattpad/user_api_options.h"
#include "sim/histogram.h"
#include "sim/node.h"
#include "sim/rng.h"

namespace choreo::wattpad {

class UserClient final : public sim::Node {
 public:
  // Called when a page read is settled: how long it took, and whether every
  // lookup was answered.
  using Done = std::function<void(sim::Time latency, bool ok)>;

  // `calls` outlives the node; `api` is UserApi's first instance, and its
  // `instances` members follow it.
  UserClient(const UserApiOptions& o, sim::NodeId api, std::uint32_t instances, CallPool& calls, sim::Rng rng,
             Done done);
  // A page read looking up `authors` (one request each), now.
  void read(std::span<const std::uint64_t> authors);
  void on_event(const sim::Event& e) override;
  std::string_view kind_name(std::uint16_t kind) const override;

  std::uint64_t requests() const { return requests_; }  // attempts sent, retries included
  std::uint64_t timeouts() const { return timeouts_; }
  std::uint64_t refusals() const { return refusals_; }
  std::uint64_t retries() const { return retries_; }
  std::uint64_t late() const { return late_; }
  // Response time of answered attempts, microseconds.
  const sim::Histogram& attempt_latency() const { return attempt_us_; }
  // The most page reads in flight at once.
  std::size_t peak_reads() const { return reads_.slots(); }

 private:
  void send(std::uint32_t slot);
  // An attempt ended without an answer: retry it, or settle its lookup as failed.
  void failed_attempt(std::uint32_t slot);
  void settle(std::uint32_t read, bool ok);
  sim::Time backoff(std::uint32_t retry);

  UserApiOptions o_;
  sim::NodeId api_;
  std::uint32_t instances_;
  CallPool& calls_;
  PageReads reads_;
  sim::Rng rng_;
  Done done_;
  std::uint32_t next_instance_ = 0;
  std::uint64_t requests_ = 0, timeouts_ = 0, refusals_ = 0, retries_ = 0, late_ = 0;
  sim::Histogram attempt_us_;
};

}  // namespace choreo::wattpad
