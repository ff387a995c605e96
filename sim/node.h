// A node: an addressable actor that receives messages and timers.
//
// A node belongs to one Simulation, which calls on_event() for each event
// addressed to it while it is up. A node may also stand for a *group* of
// `size()` identical members with consecutive ids (PHOLD's processes, a
// service's worker pool): each member is addressed, crashed and restarted on
// its own, and on_event() tells them apart by Event::node. One object for
// many members keeps dispatch cache-friendly at 10^5 members.
//
// A member can crash: the engine then drops
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
  // The id of the node, or of the first member of a group.
  NodeId id() const { return id_; }
  // Members in the group (1 for a plain node).
  std::uint32_t size() const { return size_; }
  // Whether member `member` (default: the node itself) is up.
  bool up() const { return up(id_); }
  bool up(NodeId member) const;
  // "name" for a plain node, "name/3" for member 3 of a group.
  std::string member_name(NodeId member) const;

  // Handles one event addressed to this node. Called only while up().
  virtual void on_event(const Event& e) = 0;
  // The node has crashed: drop whatever is not durable.
  virtual void on_crash() {}
  // The node is back after a crash.
  virtual void on_restart() {}
  // For groups: member `member` crashed / restarted. Default: on_crash() /
  // on_restart(), which suits plain nodes.
  virtual void on_member_crash(NodeId member);
  virtual void on_member_restart(NodeId member);
  // A readable name for an event kind, used in the trace file.
  virtual std::string_view kind_name(std::uint16_t kind) const;

 protected:
  Simulation& sim() const { return *sim_; }

 private:
  friend class Simulation;
  std::string name_;
  Simulation* sim_ = nullptr;
  NodeId id_ = kNoNode;
  std::uint32_t size_ = 1;
};

}  // namespace choreo::sim
