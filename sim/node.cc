// Default node behaviour; see node.h.
#include "sim/node.h"

#include <string>

#include "sim/simulation.h"

namespace choreo::sim {

std::string_view Node::kind_name(std::uint16_t) const { return "event"; }

bool Node::up(NodeId member) const { return sim_->is_up(member); }

std::string Node::member_name(NodeId member) const {
  if (size_ == 1) return name_;
  return name_ + "/" + std::to_string(member - id_);
}

void Node::on_member_crash(NodeId) { on_crash(); }
void Node::on_member_restart(NodeId) { on_restart(); }

}  // namespace choreo::sim
