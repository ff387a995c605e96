// Anti-entropy: the node that pulls the owner's full state into each
// replica with `recovery = anti-entropy`, every `sync_interval` from the
// start (the first pull at one interval), until the run ends. Each pull is
// one request to the owner (summary.json's requests.anti-entropy); the
// replica merges what it pulled by its strategy (Replica::sync).
//
// Not modelled: the pull's latency and size, and pulls failing while the
// owner or the network is down.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "models/wattpad/replica.h"
#include "sim/node.h"

namespace choreo::wattpad {

class Syncer final : public sim::Node {
 public:
  Syncer() : Node("anti-entropy") {}
  // REQUIRES: before start(); every > 0; `replica` outlives the run.
  void add(Replica& replica, sim::Time every) { replicas_.emplace_back(&replica, every); }
  // Schedules every replica's first pull.
  void start();
  void on_event(const sim::Event& e) override;
  std::string_view kind_name(std::uint16_t) const override { return "sync"; }

  // Pulls so far, over every replica.
  std::uint64_t pulls() const { return pulls_; }

 private:
  std::vector<std::pair<Replica*, sim::Time>> replicas_;
  std::uint64_t pulls_ = 0;
};

}  // namespace choreo::wattpad
