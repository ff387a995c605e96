// A node: an addressable actor that receives messages and timers.
//
// A node belongs to one Simulation, which calls on_event() for each event
// addressed to it while it is up. A node can crash: the engine then drops
// every timer it had set (messages still in flight to it are dropped on
// arrival while it is down) and calls on_crash(), where the node forgets its
// volatile state; restart() brings it back and calls on_restart().
//
// A node reaches the world only through sim(): now, send, timers, rng, trace.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sim/event.h"

namespace choreo::sim {

class Simulation;

class Node {
 public:
  explicit Node(std::string name) : name_(std::move(name)) {}
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  const std::string& name() const { return name_; }
  NodeId id() const { return id_; }
  bool up() const { return up_; }

  // Handles one event addressed to this node. Called only while up().
  virtual void on_event(const Event& e) = 0;
  // The node has crashed: drop whatever is not durable.
  virtual void on_crash() {}
  // The node is back after a crash.
  virtual void on_restart() {}
  // A readable name for an event kind, used in the trace file.
  virtual std::string_view kind_name(std::uint16_t kind) const;

 protected:
  Simulation& sim() const { return *sim_; }

 private:
  friend class Simulation;
  std::string name_;
  Simulation* sim_ = nullptr;
  NodeId id_ = kNoNode;
  std::uint16_t epoch_ = 1;  // incarnation; bumped on every crash, never 0
  bool up_ = true;
};

}  // namespace choreo::sim
