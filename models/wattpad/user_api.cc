// The user service's instances; see user_api.h.
#include "models/wattpad/user_api.h"

#include <algorithm>

#include "sim/simulation.h"

namespace choreo::wattpad {

UserApi::UserApi(const UserApiOptions& o, std::uint32_t instances, sim::Time outage_from, sim::Time outage_to,
                 CallPool& calls, sim::Rng rng)
    : Node("user-api"),
      o_(o),
      outage_from_(outage_from),
      outage_to_(outage_to),
      calls_(calls),
      rng_(rng),
      instances_(instances) {}

std::string_view UserApi::kind_name(std::uint16_t kind) const {
  return kind == kRequest ? "request" : "served";
}

void UserApi::on_event(const sim::Event& e) {
  const std::uint32_t member = e.node - id();
  const auto slot = static_cast<std::uint32_t>(e.arg);
  if (e.kind == kRequest) {
    accept(member, slot);
  } else {
    finish(member, slot);
  }
}

void UserApi::accept(std::uint32_t member, std::uint32_t slot) {
  Instance& in = instances_[member];
  const sim::Time now = sim().now();
  const bool down = outage_from_ <= now && now < outage_to_;
  if (down || in.held >= o_.max_connections) {
    ++refused_;
    respond(slot, false);
    return;
  }
  ++in.held;
  peak_held_ = std::max(peak_held_, in.held);
  if (in.serving < o_.concurrency) {
    start(member, slot);
    return;
  }
  calls_[slot].next = kNoSlot;
  if (in.tail == kNoSlot) {
    in.head = slot;
  } else {
    calls_[in.tail].next = slot;
  }
  in.tail = slot;
}

void UserApi::start(std::uint32_t member, std::uint32_t slot) {
  ++instances_[member].serving;
  sim().timer(id() + member, o_.service_time.sample_time(rng_), kServed, slot);
}

void UserApi::finish(std::uint32_t member, std::uint32_t slot) {
  Instance& in = instances_[member];
  ++served_;
  respond(slot, true);
  --in.serving;
  --in.held;
  if (in.head == kNoSlot) return;
  const std::uint32_t next = in.head;
  in.head = calls_[next].next;
  if (in.head == kNoSlot) in.tail = kNoSlot;
  start(member, next);
}

void UserApi::respond(std::uint32_t slot, bool ok) {
  sim().send(client_, o_.network_delay.sample_time(rng_), ok ? kAnswer : kRefusal, calls_.ref(slot));
  calls_.release(slot, Call::kServer);
}

}  // namespace choreo::wattpad
