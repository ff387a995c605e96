// Default node behaviour; see node.h.
#include "sim/node.h"

namespace choreo::sim {

std::string_view Node::kind_name(std::uint16_t) const { return "event"; }

}  // namespace choreo::sim
