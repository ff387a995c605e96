// The user service's request side: `workload.user_instances` instances (one
// group member each) that answer orchestrated author lookups.
//
// An instance serves up to `concurrency` requests at once, each for a
// `service_time` draw; further requests wait in FIFO order. It holds at most
// `max_connections` requests (serving plus waiting) and refuses the rest at
// once, as it does every request arriving during the user-service outage.
// It serves every request it accepted, even one whose caller has given up:
// nothing tells it (no deadline propagation), so under overload it spends
// its capacity on answers nobody waits for.
//
// Requests are messages from the client (UserClient) carrying a call's slot;
// answers and refusals go back after a `network_delay` draw. Service times
// and response delays come from the stream "wattpad/user-service".
//
// Invariants, per instance: serving <= concurrency; serving + waiting =
// held <= max_connections; waiting > 0 only when serving = concurrency.
#pragma once

#include <cstdint>
#include <vector>

#include "models/wattpad/calls.h"
#include "models/wattpad/user_api_options.h"
#include "sim/node.h"
#include "sim/rng.h"

namespace choreo::wattpad {

class UserApi final : public sim::Node {
 public:
  // Down (refusing everything) over [outage_from, outage_to). `calls`
  // outlives the node.
  UserApi(const UserApiOptions& o, std::uint32_t instances, sim::Time outage_from, sim::Time outage_to,
          CallPool& calls, sim::Rng rng);
  // The node answers go to (UserClient): set once, before the first request.
  void set_client(sim::NodeId client) { client_ = client; }
  void on_event(const sim::Event& e) override;
  std::string_view kind_name(std::uint16_t kind) const override;

  std::uint64_t served() const { return served_; }
  std::uint64_t refused() const { return refused_; }
  // The most requests any instance held at once.
  std::uint32_t peak_held() const { return peak_held_; }

 private:
  struct Instance {
    std::uint32_t serving = 0, held = 0;
    std::uint32_t head = kNoSlot, tail = kNoSlot;  // waiting calls, linked by Call::next
  };
  void accept(std::uint32_t member, std::uint32_t slot);
  void start(std::uint32_t member, std::uint32_t slot);
  void finish(std::uint32_t member, std::uint32_t slot);
  // Sends the answer (or refusal) and lets go of the call.
  void respond(std::uint32_t slot, bool ok);

  UserApiOptions o_;
  sim::Time outage_from_, outage_to_;
  CallPool& calls_;
  sim::Rng rng_;
  sim::NodeId client_ = sim::kNoNode;
  std::vector<Instance> instances_;
  std::uint64_t served_ = 0, refused_ = 0;
  std::uint32_t peak_held_ = 0;
};

}  // namespace choreo::wattpad
