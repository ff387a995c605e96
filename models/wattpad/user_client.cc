// The page reads' client of the user service; see user_client.h.
#include "models/wattpad/user_client.h"

#include <algorithm>

#include "sim/random.h"
#include "sim/simulation.h"

namespace choreo::wattpad {

UserClient::UserClient(const UserApiOptions& o, sim::NodeId api, std::uint32_t instances, CallPool& calls,
                       sim::Rng rng, Done done)
    : Node("user-client"),
      o_(o),
      api_(api),
      instances_(instances),
      calls_(calls),
      rng_(rng),
      done_(std::move(done)) {}

std::string_view UserClient::kind_name(std::uint16_t kind) const {
  switch (kind) {
    case kAnswer:
      return "answer";
    case kRefusal:
      return "refusal";
    case kTimeout:
      return "timeout";
    default:
      return "retry";
  }
}

void UserClient::read(std::span<const std::uint64_t> authors) {
  if (authors.empty()) {
    done_(0, true);
    return;
  }
  const std::uint32_t read = reads_.acquire(sim().now(), static_cast<std::uint32_t>(authors.size()));
  for (std::size_t i = 0; i < authors.size(); ++i) send(calls_.acquire(read, 0, Call::kClient));
}

void UserClient::send(std::uint32_t slot) {
  Call& c = calls_[slot];
  c.holders |= Call::kServer;
  c.sent = sim().now();
  ++requests_;
  const sim::NodeId instance = api_ + next_instance_;
  next_instance_ = (next_instance_ + 1) % instances_;
  sim().send(instance, o_.network_delay.sample_time(rng_), kRequest, slot);
  sim().timer(id(), o_.timeout, kTimeout, calls_.ref(slot));
}

void UserClient::on_event(const sim::Event& e) {
  const std::uint32_t slot = ref_slot(e.arg);
  if (e.kind == kRetry) {
    send(slot);
    return;
  }
  if (!calls_.current(e.arg, Call::kClient)) {
    if (e.kind == kAnswer) ++late_;  // its attempt timed out: nobody waits for it
    return;                          // a timeout or refusal of an attempt already settled
  }
  if (e.kind == kAnswer) {
    attempt_us_.record(sim().now() - calls_[slot].sent);
    const std::uint32_t read = calls_[slot].read;
    calls_.release(slot, Call::kClient);
    settle(read, true);
    return;
  }
  ++(e.kind == kTimeout ? timeouts_ : refusals_);
  failed_attempt(slot);
}

void UserClient::failed_attempt(std::uint32_t slot) {
  const Call c = calls_[slot];
  calls_.release(slot, Call::kClient);
  if (c.attempt >= o_.retries) {
    settle(c.read, false);
    return;
  }
  ++retries_;
  const auto retry = static_cast<std::uint16_t>(c.attempt + 1);
  const std::uint32_t next = calls_.acquire(c.read, retry, Call::kClient);
  sim().timer(id(), backoff(retry), kRetry, calls_.ref(next));
}

sim::Time UserClient::backoff(std::uint32_t retry) {
  // (2^n - 1) * base, capped at 10 * base (retries <= 10, so no overflow
  // before the cap: 2^10 * base for base <= 1h fits easily).
  const sim::Time cap = 10 * o_.backoff;
  const sim::Time upper = std::min(((sim::Time{1} << retry) - 1) * o_.backoff, cap);
  return static_cast<sim::Time>(sim::uniform_int(rng_, static_cast<std::uint64_t>(upper)));
}

void UserClient::settle(std::uint32_t read, bool ok) {
  PageRead& r = reads_[read];
  r.failed = r.failed || !ok;
  if (--r.pending > 0) return;
  const sim::Time latency = sim().now() - r.start;
  const bool succeeded = !r.failed;
  reads_.release(read);
  done_(latency, succeeded);
}

}  // namespace choreo::wattpad
